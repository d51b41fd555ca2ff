import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition, type CohortDefinitionInput } from '../../shared/cohort/cohort-definition';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { MatrixDefinition, type MatrixDefinitionInput } from '../../shared/matrix/matrix-definition';
import type { AreaLevel, Vintage } from '../../shared/geo/area-level';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { createExtractTables } from '../../electron/engine/extract/extract-ddl';
import { protectTable } from '../../electron/engine/disclosure/protect-table';
import { buildMatrixTables, matrixCountTable } from '../../electron/engine/export/build-tables';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { hash32 } from '../../electron/engine/matrix/count-types';
import { makeFixtureSession, sessionFor } from '../support/matrix-fixture';
import { mulberry32 } from '../support/seeded-random';
import { installReferenceTables, sqlAllMovePersons } from './sql-reference';

/**
 * All-moves matrices count moves, but disclosure control must count distinct persons:
 * a cell of many moves by few persons is as disclosive as a cell of few persons.
 */
const REFERENCE_DATE = '2018-01-27';
const ANTWERPEN = '11002'; // Flanders (02000)
const BRUSSEL = '21004'; // Brussels-Capital (04000)
const LIEGE = '62063'; // Wallonia (03000)

/** Groups of persons, each moving along the same path of municipalities after a 2016 decision. */
const GROUPS: { n: number; path: string[] }[] = [
  // 3 persons going back and forth 5 times: 15 moves Flanders→Brussels and 15 back, by 3 persons.
  { n: 3, path: [ANTWERPEN, BRUSSEL, ANTWERPEN, BRUSSEL, ANTWERPEN, BRUSSEL, ANTWERPEN, BRUSSEL, ANTWERPEN, BRUSSEL, ANTWERPEN] },
  { n: 40, path: [ANTWERPEN, LIEGE] },
  { n: 30, path: [LIEGE, ANTWERPEN] },
  { n: 20, path: [BRUSSEL, LIEGE] },
  { n: 25, path: [LIEGE, BRUSSEL] },
];

function handBuiltSession(): OpenSession {
  const db = new Database(':memory:');
  db.pragma('temp_store=MEMORY');
  createExtractTables(db);
  db.prepare('INSERT INTO extract_meta (key, value) VALUES (?, ?)').run('reference_date', REFERENCE_DATE);
  const insPerson = db.prepare("INSERT INTO person (person_id, birth_year, birth_month, sex, nationality) VALUES (?, 1990, 1, 'M', 'SYR')");
  const insDec = db.prepare("INSERT INTO protection_decision (person_id, decision_date, status) VALUES (?, '2016-01-01', 'REFUGEE')");
  const insRes = db.prepare("INSERT INTO residence (person_id, start_date, end_date, kind, nis_code) VALUES (?, ?, ?, 'MAIN', ?)");
  const day = (k: number) => new Date(Date.UTC(2016, 1, 1) + k * 45 * 86_400_000).toISOString().slice(0, 10);
  const before = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  db.transaction(() => {
    let id = 0;
    for (const g of GROUPS) {
      for (let i = 0; i < g.n; i++) {
        const pid = `P${String(++id).padStart(4, '0')}`;
        insPerson.run(pid);
        insDec.run(pid);
        g.path.forEach((nis, k) => {
          const start = k === 0 ? '2015-06-01' : day(k);
          const end = k + 1 < g.path.length ? before(day(k + 1)) : null;
          insRes.run(pid, start, end, nis);
        });
      }
    }
  })();
  const workspace = new Database(':memory:');
  return sessionFor(db, workspace, REFERENCE_DATE);
}

describe('distinct persons per cell of an all-moves matrix', () => {
  let session: OpenSession;
  beforeAll(() => {
    session = handBuiltSession();
  });
  afterAll(() => session.close());

  const cohort = CohortDefinition.parse({});
  const definition = MatrixDefinition.parse({ kind: 'all-moves', level: 'region' });

  it('counts moves in the cells and distinct persons beside them', () => {
    const m = computeMatrix(session, cohort, definition, undefined, { persons: true });
    const n = m.cols.length;
    const at = (o: string, d: string) => m.rows.findIndex((a) => a.code === o) * n + m.cols.findIndex((a) => a.code === d);
    const row = (code: string) => m.rows.findIndex((a) => a.code === code);
    expect(m.counts[at('02000', '04000')]).toBe(15);
    expect(m.counts[at('04000', '02000')]).toBe(15);
    expect(m.total).toBe(30 + 40 + 30 + 20 + 25);
    const p = m.persons!;
    expect(p.cells[at('02000', '04000')]).toBe(3);
    expect(p.cells[at('04000', '02000')]).toBe(3);
    expect(p.cells[at('02000', '03000')]).toBe(40);
    expect(p.rowTotals[row('02000')]).toBe(3 + 40);
    expect(m.rowTotals[row('02000')]).toBe(15 + 40);
    expect(p.colTotals[row('02000')]).toBe(3 + 30);
    expect(p.total).toBe(3 + 40 + 30 + 20 + 25);
    expect(p.total).toBe(m.distinctPersons);
  });

  it('the matrix on screen does not compute persons or keys (fast path) and has the same counts', () => {
    const plain = computeMatrix(session, cohort, definition);
    const withPersons = computeMatrix(session, cohort, definition, undefined, { persons: true });
    expect(plain.persons).toBeUndefined();
    expect(plain.keys).toBeUndefined();
    expect(withPersons.keys).toBeDefined();
    expect(plain.counts).toEqual(withPersons.counts);
    expect(computeMatrix(session, cohort, { ...definition, kind: 'state' }, undefined, { persons: true }).persons).toBeUndefined();
  });

  it('keys every cell and margin on its distinct persons, so the same persons round alike in another table', () => {
    // 2016 only vs 2016–2017: the 3 back-and-forth movers make 4 vs 5 Flanders→Brussels moves each.
    const inPeriod = (to: string) => computeMatrix(session, cohort, { ...definition, period: { from: '2016-01-01', to } }, undefined, { persons: true });
    const a = inPeriod('2016-12-31');
    const b = inPeriod('2017-12-31');
    const n = a.cols.length;
    const idx = (code: string) => a.rows.findIndex((x) => x.code === code);
    const at = (o: string, d: string) => idx(o) * n + idx(d);
    const keySum = (persons: number[]) => persons.reduce((s, p) => (s + hash32(p)) >>> 0, 0);
    const fb = at('02000', '04000');
    expect([a.counts[fb], b.counts[fb]]).toEqual([12, 15]);
    // Persons 0..2 (storage order) are the 3 movers: the key is theirs, once each, in both tables.
    expect(a.keys!.cells[fb]).toBe(keySum([0, 1, 2]));
    expect(b.keys!.cells[fb]).toBe(keySum([0, 1, 2]));
    // Margins too: Flanders row = the 3 movers + the 40 to Wallonia (persons 3..42), in both periods.
    const flanders = keySum(Array.from({ length: 43 }, (_, p) => p));
    expect(a.keys!.rowTotals[idx('02000')]).toBe(flanders);
    expect(b.keys!.rowTotals[idx('02000')]).toBe(flanders);
    expect(a.keys!.colTotals[idx('04000')]).toBe(b.keys!.colTotals[idx('04000')]);
    expect(a.keys!.total).toBe(keySum(Array.from({ length: 118 }, (_, p) => p)));
    expect(b.keys!.total).toBe(a.keys!.total);
    // Randomly rounded (base 3): a cell with the same persons and count publishes the same value in both tables.
    const rounding = { ...DEFAULT_POLICY, method: 'rounding' as const, roundingBase: 3 as const };
    const [ta, tb] = [a, b].map((m) => protectTable(matrixCountTable(m), rounding).table);
    for (const k of [at('02000', '03000'), at('03000', '02000'), at('04000', '03000'), at('03000', '04000')]) {
      expect(a.counts[k]).toBe(b.counts[k]);
      expect(a.keys!.cells[k]).toBe(b.keys!.cells[k]);
      expect(ta.cells[k]).toBe(tb.cells[k]);
      expect(ta.cells[k]! % 3).toBe(0);
    }
  });

  it('protects a cell of at least T moves by fewer than T persons as primary, and publishes move counts', () => {
    const { tables } = buildMatrixTables(session, cohort, definition, DEFAULT_POLICY, 'en');
    const t = tables[0].table;
    const m = computeMatrix(session, cohort, definition, undefined, { persons: true });
    const n = m.cols.length;
    const at = (o: string, d: string) => m.rows.findIndex((a) => a.code === o) * n + m.cols.findIndex((a) => a.code === d);
    for (const k of [at('02000', '04000'), at('04000', '02000')]) {
      expect(m.counts[k]).toBeGreaterThanOrEqual(DEFAULT_POLICY.threshold);
      expect(t.cellStatus[k]).toBe('p');
      expect(t.cells[k]).toBeNull();
    }
    // Every published value is the move count, and stands for at least T persons (or is a zero).
    const p = m.persons!;
    t.cells.forEach((v, k) => {
      if (v === null) return;
      expect(v).toBe(m.counts[k]);
      if (v > 0) expect(p.cells[k]).toBeGreaterThanOrEqual(DEFAULT_POLICY.threshold);
    });
    t.rowTotals.forEach((v, r) => {
      if (v !== null && v > 0) {
        expect(v).toBe(m.rowTotals[r]);
        expect(p.rowTotals[r]).toBeGreaterThanOrEqual(DEFAULT_POLICY.threshold);
      }
    });
    // Wallonia → Flanders: 30 moves by 30 persons, safe on its own.
    expect(m.counts[at('03000', '02000')]).toBe(30);
    expect(t.cellStatus[at('03000', '02000')]).not.toBe('p');
  });
});

describe('persons per cell equal an independent SQL computation', () => {
  let session: OpenSession;
  const REF = '2025-06-30';
  beforeAll(() => {
    session = makeFixtureSession({ seed: 23, persons: 2000, referenceDate: REF });
    installReferenceTables(session.db);
  });
  afterAll(() => session.close());

  const rnd = mulberry32(6_2016);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const LEVELS: AreaLevel[] = ['municipality', 'arrondissement', 'province', 'region'];
  const VINTAGES: Vintage[] = ['2014', '2019', '2025'];
  const cases = Array.from({ length: 16 }, (_, i) => {
    const c: CohortDefinitionInput = {};
    if (rnd() < 0.6) c.status = pick([['REFUGEE'], ['SUBSIDIARY'], ['REFUGEE', 'SUBSIDIARY'], ['OTHER']] as const).slice();
    if (rnd() < 0.3) c.nationalities = pick([['SYR'], ['AFG', 'IRQ'], ['ERI', 'STATELESS']]);
    if (rnd() < 0.3) c.sexes = pick([['M'], ['F', 'X']] as const).slice();
    if (rnd() < 0.2) c.decisionYears = pick([[2015, 2016], [2017], [2019, 2020, 2021]]);
    const d: MatrixDefinitionInput = { kind: 'all-moves', level: pick(LEVELS), vintage: pick(VINTAGES) };
    if (rnd() < 0.3) d.followUpMonths = pick([12, 24, 60]);
    else if (rnd() < 0.4) d.period = pick([{ from: '2016-01-01', to: '2018-12-31' }, { from: '2019-01-01', to: '2025-06-30' }]);
    return { i, cohort: CohortDefinition.parse(c), definition: MatrixDefinition.parse(d) };
  });

  it.each(cases)('case $i', ({ cohort, definition }) => {
    const m = computeMatrix(session, cohort, definition, undefined, { persons: true });
    const ref = sqlAllMovePersons(session.db, cohort, definition, REF);
    const p = m.persons!;
    const n = m.cols.length;
    const cells = new Map<string, number>();
    p.cells.forEach((v, k) => {
      if (v) cells.set(`${m.rows[Math.floor(k / n)].code}|${m.cols[k % n].code}`, v);
    });
    const margin = (xs: Uint32Array, areas: typeof m.rows) => new Map(areas.map((a, i) => [a.code, xs[i]] as const).filter(([, v]) => v > 0));
    expect(cells).toEqual(ref.cells);
    expect(margin(p.rowTotals, m.rows)).toEqual(ref.rows);
    expect(margin(p.colTotals, m.cols)).toEqual(ref.cols);
    expect(p.total).toBe(ref.total);
    expect(p.total).toBe(m.distinctPersons);
  });

  it('some persons move more than once within one cell (the check is not trivial)', () => {
    const m = computeMatrix(session, CohortDefinition.parse({}), MatrixDefinition.parse({ kind: 'all-moves', level: 'region' }), undefined, { persons: true });
    const repeated = m.counts.filter((v, k) => v > m.persons!.cells[k]).length;
    expect(repeated).toBeGreaterThan(0);
  });
});
