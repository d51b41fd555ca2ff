import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildColumnarIndex, buildColumnarIndexInParallel, type ColumnarIndex } from '../../electron/engine/cohort/columnar-index';
import { applyCipher, passphraseBytes } from '../../electron/engine/extract/cipher';
import { planReadJobs, runReadJob } from '../../electron/engine/index-build/packed-queries';
import { runReadJobs } from '../../electron/engine/index-build/read-jobs';
import { EXTRACT_SCHEMA } from '../../shared/extract/extract-schema';
import { makeExtract, makeTempDir, TEST_PASSPHRASE, type ExtractRows, type Row } from '../support/make-extract';
import { fillMatrixFixture } from '../support/matrix-fixture';
import { mulberry32 } from '../support/seeded-random';

/**
 * The index read by helper threads (each with its own connection on the encrypted file)
 * is the index read on one thread, cell for cell, also when the file's rows are not in
 * person order, have gaps in their rowids, or refer to persons that are not there.
 */
const REFERENCE_DATE = '2025-06-30';
let file: string;
let db: Database.Database;

beforeAll(() => {
  // The matrix fixture, written to an encrypted file with its residence rows shuffled.
  const mem = new Database(':memory:');
  fillMatrixFixture(mem, { seed: 5, persons: 1500, referenceDate: REFERENCE_DATE });
  const rows: ExtractRows = {};
  for (const spec of EXTRACT_SCHEMA) {
    if (spec.name === 'extract_meta') continue;
    rows[spec.name] = mem.prepare(`SELECT * FROM ${spec.name} ORDER BY rowid`).all() as Row[];
  }
  mem.close();
  const rnd = mulberry32(99);
  const residence = rows.residence!;
  for (let i = residence.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [residence[i], residence[j]] = [residence[j], residence[i]];
  }
  file = path.join(makeTempDir(), 'parallel-index.db');
  makeExtract(file, { rows, onlyGiven: true, meta: { reference_date: REFERENCE_DATE } });
  // Gaps in the person rowids, and residences and decisions of persons no longer there.
  const writer = new Database(file);
  applyCipher(writer, { preset: 'sqlcipher4' }, passphraseBytes(TEST_PASSPHRASE));
  writer.exec('DELETE FROM person WHERE rowid % 17 = 3');
  writer.close();

  db = new Database(file, { readonly: true });
  applyCipher(db, { preset: 'sqlcipher4' }, passphraseBytes(TEST_PASSPHRASE));
  db.pragma('temp_store=MEMORY');
});
afterAll(() => db?.close());

/** Every array and list of the index, loaded extras included. */
function cells(ix: ColumnarIndex): Record<string, unknown> {
  ix.loadExtras();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ix)) {
    if (ArrayBuffer.isView(v)) out[k] = Array.from(v as unknown as ArrayLike<number>);
    else if (Array.isArray(v) || typeof v === 'number') out[k] = v;
  }
  return out;
}

const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('columnar index read in parallel', () => {
  test('equals the index read on one thread, and counts the rows it read exactly', async () => {
    const single = buildColumnarIndex(db, REFERENCE_DATE);
    const key = passphraseBytes(TEST_PASSPHRASE);
    const { index, rows } = await buildColumnarIndexInParallel(db, REFERENCE_DATE, { file, key, cipher: { preset: 'sqlcipher4' }, helpers: 2 });
    expect(single.persons).toBe(count('person'));
    expect(single.persons).toBeLessThan(1500); // the gaps are there
    expect(cells(index)).toEqual(cells(single));
    expect(index.bitsets).toEqual(single.bitsets);
    expect(rows).toEqual({ person: count('person'), protection_decision: count('protection_decision'), residence: count('residence') });
    // Orphan residences are counted as rows but are in nobody's timeline.
    expect(index.resStart.length).toBeLessThan(rows.residence);
  });

  test('a helper that cannot read the file leaves its share to this thread', async () => {
    const single = buildColumnarIndex(db, REFERENCE_DATE);
    const { index } = await buildColumnarIndexInParallel(db, REFERENCE_DATE, {
      file,
      key: passphraseBytes('not the passphrase'),
      cipher: { preset: 'sqlcipher4' },
      helpers: 1,
    });
    expect(cells(index)).toEqual(cells(single));
  });
});

describe('read jobs on helper threads', () => {
  test('a helper reads the same values as this thread', async () => {
    const jobs = planReadJobs(db, 256);
    const here = jobs.map((job) => runReadJob(db, job));
    // This thread waits until the helper has taken every job, so the helper's reads are compared.
    const pause = () => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
    const { results, byHelpers } = await runReadJobs(db, jobs, { file, key: passphraseBytes(TEST_PASSPHRASE), cipher: { preset: 'sqlcipher4' }, helpers: 1 }, undefined, pause);
    expect(byHelpers).toBeGreaterThan(0);
    expect(results.map((r) => r.map((v) => Array.from(v)))).toEqual(here.map((r) => r.map((v) => Array.from(v))));
  });
});
