import Database from 'better-sqlite3-multiple-ciphers';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { createExtractTables } from '../../electron/engine/extract/extract-ddl';
import { migrateWorkspace } from '../../electron/engine/workspace/migrate';
import { getGeography } from '../../electron/engine/geo/geography';
import type { ExtractSummary } from '../../shared/api/methods/extract';
import { generateSynthetic } from '../../electron/engine/synthetic/generate-extract';
import { DatabaseSink } from '../../electron/engine/synthetic/sinks';

/**
 * A seeded synthetic extract for cohort and matrix tests, in memory (never on disk).
 * It exercises what the matrix rules care about: several decisions per person, moves
 * between and inside municipalities, waiting register, abroad and back, ex-officio
 * removal, deaths, gaps in the residence history, codes merged or recoded in 2019 and
 * 2025, and codes recorded in a later vintage than the record's date.
 */
export interface FixtureOptions {
  seed?: number;
  persons?: number;
  referenceDate?: string;
}

import { mulberry32 } from './seeded-random';

// 2014 codes: big cities, reception-centre towns, and municipalities merged/recoded in 2019 and 2025.
const PLACES_2014 = [
  '11002', '11007', '11056', '44021', '44029', '44001', '44012', '44048', '46003', '46013', '12030', '12034',
  '71022', '73040', '73006', '72004', '55022', '56011', '54007', '21004', '21001', '21015', '62063', '52011',
  '92094', '35013', '24062', '82003', '82005', '63079', '57081', '25072',
];
const NATIONALITIES = ['SYR', 'SYR', 'SYR', 'AFG', 'IRQ', 'SOM', 'ERI', 'STATELESS', 'UNKNOWN', 'PSE', 'GIN'];
const KBI = ['OBLIGED', 'ENTITLED', 'EXEMPT', 'NONE'];
const CEFR = ['A1', 'A2', 'B1', 'B2'];

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const isoT = (s: string) => Date.parse(`${s}T00:00:00Z`);

export function fillMatrixFixture(db: Database.Database, options: FixtureOptions = {}): { referenceDate: string } {
  const rnd = mulberry32(options.seed ?? 7);
  const persons = options.persons ?? 3000;
  const referenceDate = options.referenceDate ?? '2025-06-30';
  const refT = isoT(referenceDate);
  const geo = getGeography();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  /** The code of a 2014 place as recorded on a date (later vintages after the reforms). */
  const codeOn = (place: string, date: string, laterVintage: boolean): string => {
    if (date >= '2025-01-01' || (laterVintage && rnd() < 0.3)) return geo.toVintage(place, '2025') ?? place;
    if (date >= '2019-01-01' || laterVintage) return geo.toVintage(place, '2019') ?? place;
    return place;
  };

  createExtractTables(db);
  const ins = (table: string, cols: string[]) =>
    db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  const insPerson = ins('person', ['person_id', 'birth_year', 'birth_month', 'sex', 'nationality', 'death_date']);
  const insApp = ins('asylum_application', ['application_id', 'person_id', 'application_date']);
  const insDec = ins('protection_decision', ['person_id', 'decision_date', 'status', 'application_id']);
  const insRes = ins('residence', ['person_id', 'start_date', 'end_date', 'kind', 'nis_code', 'country_code']);
  const insKbi = ins('kbi_person', ['person_id', 'target_status', 'obligation_start']);
  const insTraj = ins('kbi_trajectory', ['trajectory_id', 'person_id', 'start_date', 'contract_date', 'attest_date', 'end_date', 'status']);
  const insComp = ins('kbi_component', ['component_id', 'trajectory_id', 'person_id', 'type', 'start_date', 'end_date', 'status', 'cefr_level']);
  db.prepare('INSERT INTO extract_meta (key, value) VALUES (?, ?)').run('reference_date', referenceDate);

  db.transaction(() => {
    for (let i = 0; i < persons; i++) {
      // Ids not in insertion order, to exercise the person_id ordering of the index.
      const id = `P${String((i * 7919) % 100_003).padStart(6, '0')}-${i}`;
      const appT = isoT('2014-01-01') + Math.floor(rnd() * 9 * 365) * DAY;
      const laterVintage = rnd() < 0.15;
      const dies = rnd() < 0.03;
      insApp.run(`A${i}`, id, iso(appT));
      if (rnd() < 0.1) insApp.run(`A${i}b`, id, iso(appT + 400 * DAY));
      // Decisions: none, rejected only, granted, or rejected then granted.
      const pattern = rnd();
      let t = appT + (60 + Math.floor(rnd() * 500)) * DAY;
      let grantT = 0;
      if (pattern > 0.05 && t < refT) {
        if (pattern < 0.25) {
          insDec.run(id, iso(t), pick(['REJECTED', 'WITHDRAWN']), `A${i}`);
          t += (30 + Math.floor(rnd() * 300)) * DAY;
        }
        if (pattern > 0.15 && t < refT) {
          insDec.run(id, iso(t), rnd() < 0.78 ? 'REFUGEE' : 'SUBSIDIARY', `A${i}`);
          grantT = t;
          if (rnd() < 0.05) insDec.run(id, iso(t + 700 * DAY), 'CEASED', null);
        }
      }
      // Residence history from the application on.
      let rt = appT + Math.floor(rnd() * 20) * DAY - (rnd() < 0.05 ? 200 * DAY : 0);
      let place = pick(PLACES_2014);
      let kind = 'WAITING_REGISTER';
      const records: [string, string | null, string, string | null, string | null][] = [];
      let deathDate: string | null = null;
      for (let k = 0; k < 8 && rt < refT; k++) {
        const start = iso(rt);
        const nis = kind === 'MAIN' || kind === 'WAITING_REGISTER' ? (rnd() < 0.01 ? null : codeOn(place, start, laterVintage)) : null;
        records.push([start, null, kind, nis, kind === 'ABROAD' ? 'NLD' : null]);
        if (kind === 'DECEASED') break;
        const before = rt;
        rt += (20 + Math.floor(rnd() * 600)) * DAY;
        // Some moves fall exactly on the decision day (they belong to the residence at the decision).
        if (grantT && before < grantT && rt > grantT && rnd() < 0.3) rt = grantT;
        const step = rnd();
        if (dies && (k >= 2 || step < 0.2)) {
          kind = 'DECEASED';
          // Death on the record's day, registered late (death before the record), or only as a record.
          const late = rnd();
          deathDate = late < 0.6 ? iso(rt) : late < 0.85 ? iso(rt - Math.floor(rnd() * 60) * DAY) : null;
        } else if (kind === 'ABROAD' || kind === 'RADIATED' || kind === 'UNKNOWN') {
          kind = 'MAIN';
          if (rnd() < 0.5) place = pick(PLACES_2014);
        } else if (step < 0.45) {
          kind = 'MAIN';
          place = pick(PLACES_2014);
        } else if (step < 0.7) kind = 'MAIN'; // same municipality, new address
        else if (step < 0.8) kind = 'ABROAD';
        else if (step < 0.86) kind = 'RADIATED';
        else if (step < 0.9) kind = 'UNKNOWN';
        else kind = kind === 'WAITING_REGISTER' ? 'MAIN' : kind;
      }
      // End dates: the day before the next record, sometimes with a gap; the last stays open.
      for (let k = 0; k < records.length - 1; k++) {
        const next = isoT(records[k + 1][0]);
        const gap = rnd() < 0.1 ? Math.floor(rnd() * 40) : 0;
        const end = Math.max(isoT(records[k][0]), next - (1 + gap) * DAY);
        records[k][1] = iso(end);
      }
      if (records.length && rnd() < 0.05) records[records.length - 1][1] = iso(Math.min(refT - 100 * DAY, isoT(records[records.length - 1][0]) + 30 * DAY));
      const birthYear = 1950 + Math.floor(rnd() * 66);
      insPerson.run(id, birthYear, rnd() < 0.2 ? null : 1 + Math.floor(rnd() * 12), rnd() < 0.62 ? 'M' : rnd() < 0.97 ? 'F' : 'X', pick(NATIONALITIES), deathDate);
      for (const r of records) insRes.run(id, ...r);
      if (rnd() < 0.8) insKbi.run(id, pick(KBI), null);
      if (rnd() < 0.5) {
        const ts = iso(appT + 300 * DAY);
        insTraj.run(`T${i}`, id, ts, null, rnd() < 0.5 ? iso(appT + 700 * DAY) : null, null, pick(['RUNNING', 'COMPLETED', 'STOPPED']));
      }
      const nt2 = Math.floor(rnd() * 3);
      for (let c = 0; c < nt2; c++) {
        insComp.run(`C${i}-${c}`, null, id, rnd() < 0.8 ? 'NT2' : 'MO', iso(appT + (200 + c * 200) * DAY), null, pick(['RUNNING', 'COMPLETED', 'COMPLETED', 'STOPPED']), rnd() < 0.9 ? pick(CEFR) : null);
      }
    }
  })();
  return { referenceDate };
}

/** An in-memory extract with the fixture and a session around it, as extract.open would give. */
export function makeFixtureSession(options: FixtureOptions & { nisVintage?: ExtractSummary['nisVintage'] } = {}): OpenSession {
  const db = new Database(':memory:');
  db.pragma('temp_store=MEMORY');
  const { referenceDate } = fillMatrixFixture(db, options);
  const workspace = new Database(':memory:');
  // The real workspace schema (cohorts, settings, audit log), as extract.open gives it.
  migrateWorkspace(workspace);
  return sessionFor(db, workspace, referenceDate, options.nisVintage ?? 'as_recorded');
}

export function sessionFor(db: Database.Database, workspace: Database.Database, referenceDate: string, nisVintage: ExtractSummary['nisVintage'] = 'as_recorded', fingerprint = 'a'.repeat(64)): OpenSession {
  const summary: ExtractSummary = {
    fileName: 'fixture.db',
    extractId: 'matrix-fixture',
    source: 'synthetic',
    referenceDate,
    schemaVersion: '1',
    nisVintage,
    fingerprint,
    cipher: 'sqlcipher4',
    tables: [],
    persons: db.prepare('SELECT COUNT(*) FROM person').pluck().get() as number,
    openMs: 0,
  };
  return {
    db,
    workspace,
    summary,
    cache: new Map(),
    close() {
      db.close();
      workspace.close();
    },
  };
}

/**
 * The demo generator's extract (electron/engine/synthetic, with its register messiness) in
 * memory, with a session around it: the cross-checks run on it as well as on the fixture.
 */
export function makeSyntheticSession(options: { seed: number; persons: number; referenceDate: string }): OpenSession {
  const db = new Database(':memory:');
  db.pragma('temp_store=MEMORY');
  createExtractTables(db);
  const sink = new DatabaseSink(db);
  generateSynthetic(sink, options);
  sink.close();
  const workspace = new Database(':memory:');
  migrateWorkspace(workspace);
  return sessionFor(db, workspace, options.referenceDate);
}
