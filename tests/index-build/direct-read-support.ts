import Database from 'better-sqlite3-multiple-ciphers';
import { buildColumnarIndex, buildColumnarIndexInParallel, type ColumnarIndex } from '../../electron/engine/cohort/columnar-index';
import { applyCipher, passphraseBytes, type ConcreteCipher } from '../../electron/engine/extract/cipher';
import { readTextNationalities } from '../../electron/engine/index-build/decode-tables';
import { startDirectKeys, tryDirectRead, type DirectReadOutcome } from '../../electron/engine/index-build/direct-read/direct-read';
import { planReadJobs, runReadJob, type ReadJob } from '../../electron/engine/index-build/packed-queries';
import { TEST_PASSPHRASE } from '../support/make-extract';

/** A read-only keyed connection, as the open makes it. */
export function openKeyed(file: string, cipher: ConcreteCipher, passphrase = TEST_PASSPHRASE): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  applyCipher(db, cipher, passphraseBytes(passphrase));
  db.pragma('temp_store=MEMORY');
  return db;
}

/** Small jobs, so that many job boundaries fall inside leaf pages and chunks. */
export const jobsOf = (db: Database.Database): ReadJob[] => planReadJobs(db, 97);

export async function directRead(db: Database.Database, file: string, cipher: ConcreteCipher, jobs = jobsOf(db), passphrase = TEST_PASSPHRASE): Promise<DirectReadOutcome> {
  return tryDirectRead(db, file, startDirectKeys(file, passphraseBytes(passphrase), cipher), jobs, 2);
}

/** runReadJob for every job: what the direct reader must return. */
export const sqliteRead = (db: Database.Database, jobs: ReadJob[]): Float64Array[][] => jobs.map((job) => runReadJob(db, job));

/** Values as plain arrays (NaN kept: toEqual treats NaN as equal to NaN, and 0 vs -0 does not occur). */
export const plain = (results: Float64Array[][]): number[][][] => results.map((r) => r.map((v) => Array.from(v)));

export { readTextNationalities };

/** Every array and list of the index, loaded extras included. */
export function cells(ix: ColumnarIndex): Record<string, unknown> {
  ix.loadExtras();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ix)) {
    if (ArrayBuffer.isView(v)) out[k] = Array.from(v as unknown as ArrayLike<number>);
    else if (Array.isArray(v) || typeof v === 'number') out[k] = v;
  }
  return out;
}

/** The index built through the direct reader (or its fallback) next to the one built on one thread through SQLite. */
export async function bothIndexes(file: string, cipher: ConcreteCipher, referenceDate = '2018-01-27') {
  const db = openKeyed(file, cipher);
  try {
    const single = buildColumnarIndex(db, referenceDate);
    const key = passphraseBytes(TEST_PASSPHRASE);
    const built = await buildColumnarIndexInParallel(db, referenceDate, {
      file,
      key,
      cipher,
      helpers: 1,
      direct: { keys: startDirectKeys(file, key, cipher), workers: 2 },
    });
    return { single: cells(single), singleBitsets: single.bitsets, direct: cells(built.index), directBitsets: built.index.bitsets, reader: built.reader, rows: built.rows };
  } finally {
    db.close();
  }
}
