import type { ConcreteCipher } from '../../electron/engine/extract/cipher';
import { createEncryptedExtract, finishExtract, writeExtractMeta } from '../../electron/engine/extract/create-extract';
import { EXTRACT_SCHEMA, type ExtractTable } from '../../shared/extract/extract-schema';

/**
 * Writes small encrypted extracts for tests of every capability. Rows are given per table;
 * tables not given get the seeded tiny default dataset (or stay empty with `onlyGiven`).
 */
export type Row = Record<string, string | number | null>;
export type ExtractRows = Partial<Record<Exclude<ExtractTable, 'extract_meta'>, Row[]>>;

/** Non-ASCII on purpose: the key bytes are the UTF-8 encoding, as in other SQLCipher tools. */
export const TEST_PASSPHRASE = 'proef-wachtwoordzin-€é';

export const DEFAULT_META = {
  extract_id: 'test-extract',
  source: 'synthetic',
  reference_date: '2018-01-27',
  schema_version: '1',
  nis_vintage: 'as_recorded',
} as const;

export interface MakeExtractOptions {
  passphrase?: string;
  cipher?: ConcreteCipher;
  /** Rows per table; replaces the default rows of that table. */
  rows?: ExtractRows;
  /** Leave tables that are not in `rows` empty instead of filling them with the default dataset. */
  onlyGiven?: boolean;
  /** extract_meta entries, merged over DEFAULT_META (a key set to null is left out). */
  meta?: Record<string, string | null>;
  seed?: number;
  persons?: number;
}

export interface MadeExtract {
  path: string;
  passphrase: string;
  rows: Required<ExtractRows>;
  meta: Record<string, string>;
}

/** A fresh temp folder for a test's files (removed after the test file). */
export { makeTempDir } from './temp-dirs';

/** Writes an encrypted extract at filePath (which must not exist) and returns what it holds. */
export function makeExtract(filePath: string, options: MakeExtractOptions = {}): MadeExtract {
  const passphrase = options.passphrase ?? TEST_PASSPHRASE;
  const defaults = options.onlyGiven ? emptyDataset() : defaultDataset(options.seed ?? 1, options.persons ?? 50);
  const rows = { ...defaults, ...options.rows } as Required<ExtractRows>;
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...DEFAULT_META, ...options.meta })) if (v !== null) meta[k] = v;

  const db = createEncryptedExtract(filePath, passphrase, options.cipher ?? { preset: 'sqlcipher4' });
  try {
    writeExtractMeta(db, meta);
    db.transaction(() => {
      for (const spec of EXTRACT_SCHEMA) {
        if (spec.name === 'extract_meta') continue;
        const cols = spec.columns.map((c) => c.name);
        const insert = db.prepare(`INSERT INTO ${spec.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        for (const row of rows[spec.name]) insert.run(cols.map((c) => row[c] ?? null));
      }
    })();
    finishExtract(db);
  } finally {
    db.close();
  }
  return { path: filePath, passphrase, rows, meta };
}

const emptyDataset = (): Required<ExtractRows> => ({
  person: [],
  asylum_application: [],
  protection_decision: [],
  residence: [],
  kbi_person: [],
  kbi_trajectory: [],
  kbi_component: [],
});

import { mulberry32 } from './seeded-random';

/** Reception-centre municipalities and cities (2014–2018 NIS codes, valid then and now). */
export const TEST_RECEPTION_NIS = ['11002', '44021', '21004', '62063', '52011', '57081'] as const;
export const TEST_CITY_NIS = ['11002', '44021', '24062', '35013', '21001', '62063'] as const;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A tiny, coherent dataset: each person has one application, one decision, a residence
 * history (reception municipality, maybe a move to a city, maybe abroad), and for some
 * a KBI record with a trajectory and components. Dates stay before the reference date.
 */
export function defaultDataset(seed = 1, persons = 50): Required<ExtractRows> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out = emptyDataset();
  const nationalities = ['SYR', 'SYR', 'SYR', 'AFG', 'IRQ', 'SOM', 'ERI', 'STATELESS'];
  const statuses = ['REFUGEE', 'REFUGEE', 'REFUGEE', 'SUBSIDIARY', 'REJECTED', 'WITHDRAWN'];
  for (let i = 1; i <= persons; i++) {
    const pid = `P${pad(i, 6)}`;
    const applied = isoDate(2014 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
    const decided = addDays(applied, 60 + Math.floor(rnd() * 200));
    const status = pick(statuses);
    out.person.push({
      person_id: pid,
      birth_year: 1960 + Math.floor(rnd() * 55),
      birth_month: rnd() < 0.9 ? 1 + Math.floor(rnd() * 12) : null,
      sex: rnd() < 0.62 ? 'M' : 'F',
      nationality: pick(nationalities),
      death_date: null,
    });
    out.asylum_application.push({ application_id: `A${pad(i, 6)}`, person_id: pid, application_date: applied });
    out.protection_decision.push({ person_id: pid, decision_date: decided, status, application_id: `A${pad(i, 6)}` });
    const first = pick(TEST_RECEPTION_NIS);
    const moved = rnd() < 0.5 ? addDays(decided, 30 + Math.floor(rnd() * 90)) : null;
    out.residence.push({ person_id: pid, start_date: applied, end_date: moved, kind: 'MAIN', nis_code: first, country_code: null });
    if (moved) {
      const abroad = rnd() < 0.1;
      out.residence.push({
        person_id: pid,
        start_date: moved,
        end_date: null,
        kind: abroad ? 'ABROAD' : 'MAIN',
        nis_code: abroad ? null : pick(TEST_CITY_NIS),
        country_code: abroad ? 'DEU' : null,
      });
    }
    if ((status === 'REFUGEE' || status === 'SUBSIDIARY') && rnd() < 0.6) {
      out.kbi_person.push({ person_id: pid, target_status: pick(['OBLIGED', 'ENTITLED']), obligation_start: decided });
      const tid = `T${pad(i, 6)}`;
      out.kbi_trajectory.push({
        trajectory_id: tid,
        person_id: pid,
        start_date: addDays(decided, 20),
        contract_date: addDays(decided, 40),
        attest_date: null,
        end_date: null,
        status: 'RUNNING',
      });
      out.kbi_component.push({
        component_id: `C${pad(i, 6)}-1`,
        trajectory_id: tid,
        person_id: pid,
        type: 'NT2',
        start_date: addDays(decided, 45),
        end_date: null,
        status: 'RUNNING',
        cefr_level: pick(['A1', 'A2']),
      });
      out.kbi_component.push({
        component_id: `C${pad(i, 6)}-2`,
        trajectory_id: tid,
        person_id: pid,
        type: 'MO',
        start_date: addDays(decided, 50),
        end_date: addDays(decided, 120),
        status: 'COMPLETED',
        cefr_level: null,
      });
    }
  }
  return out;
}
