import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { applyCipher, passphraseBytes } from '../../electron/engine/extract/cipher';
import { planReadJobs } from '../../electron/engine/index-build/packed-queries';
import { runReadJobs } from '../../electron/engine/index-build/read-jobs';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';

// Records the key bytes each helper thread was started with (the parent's copy).
const started: Uint8Array[] = [];
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class RecordingWorker extends real.Worker {
    constructor(file: string | URL, options?: import('node:worker_threads').WorkerOptions) {
      super(file, options);
      const key = (options?.workerData as { key?: Uint8Array } | undefined)?.key;
      if (key) started.push(key);
    }
  }
  return { ...real, Worker: RecordingWorker };
});

let file: string;
let db: Database.Database;

beforeAll(() => {
  file = path.join(makeTempDir(), 'helper-key.db');
  makeExtract(file, { seed: 11, persons: 400 });
  db = new Database(file, { readonly: true });
  applyCipher(db, { preset: 'sqlcipher4' }, passphraseBytes(TEST_PASSPHRASE));
  db.pragma('temp_store=MEMORY');
});
afterAll(() => db?.close());

test('the copy of the key handed to a helper thread is wiped in this thread too, and the helper still reads', async () => {
  const jobs = planReadJobs(db, 64);
  const pause = () => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3000);
  const key = passphraseBytes(TEST_PASSPHRASE);
  const { byHelpers } = await runReadJobs(db, jobs, { file, key, cipher: { preset: 'sqlcipher4' }, helpers: 1 }, undefined, pause);
  expect(byHelpers).toBeGreaterThan(0);
  expect(started).toHaveLength(1);
  expect(started[0].length).toBe(key.length);
  expect(started[0].every((b) => b === 0)).toBe(true);
  // The caller's own buffer is the caller's to wipe.
  expect(key.toString('utf8')).toBe(TEST_PASSPHRASE);
});
