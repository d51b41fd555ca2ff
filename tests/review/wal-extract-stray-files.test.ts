import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { applyCipher, passphraseBytes } from '../../electron/engine/extract/cipher';
import { planReadJobs } from '../../electron/engine/index-build/packed-queries';
import { runReadJobs } from '../../electron/engine/index-build/read-jobs';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

/**
 * "Extracts are opened read-only and never modified": an extract another tool left in WAL
 * journal mode must not gain -wal/-shm files beside it by being opened here.
 */
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const listing = (dir: string) => readdirSync(dir).sort();

/** A writable connection with the key, as another SQLCipher tool would have. */
function writer(file: string): Database.Database {
  const db = new Database(file);
  applyCipher(db, { preset: 'sqlcipher4' }, passphraseBytes(TEST_PASSPHRASE));
  return db;
}

let te: TestEngine;
let dir: string;
let file: string;

beforeEach(() => {
  te = makeTestEngine();
  dir = makeTempDir();
  file = path.join(dir, 'wal.db');
  makeExtract(file, { seed: 5, persons: 40 });
  const w = writer(file);
  expect(w.pragma('journal_mode=WAL', { simple: true })).toBe('wal');
  w.close();
});
afterEach(() => {
  te.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('an extract in WAL journal mode', () => {
  test('open and close leave the folder and the file exactly as they were', async () => {
    const before = listing(dir);
    expect(before).toEqual(['wal.db']);
    const hash = sha256(file);

    await te.value('extract.open', { path: file, passphrase: TEST_PASSPHRASE });
    await te.value('extract.close', {});

    expect(listing(dir)).toEqual(before);
    expect(sha256(file)).toBe(hash);
  });

  test('a failed open (wrong passphrase) leaves no files beside it either', async () => {
    const hash = sha256(file);
    const r = await te.call('extract.open', { path: file, passphrase: 'niet-het-wachtwoord' });
    expect(r.ok ? 'opened' : r.error.code).toBe('WRONG_PASSPHRASE');
    expect(listing(dir)).toEqual(['wal.db']);
    expect(sha256(file)).toBe(hash);
  });

  test('an open that fails after the key fits (format check) leaves no files beside it', async () => {
    const bad = path.join(dir, 'no-meta.db');
    makeExtract(bad, { seed: 5, persons: 10, meta: { reference_date: null } });
    const w = writer(bad);
    w.pragma('journal_mode=WAL');
    w.close();
    const before = listing(dir);
    const r = await te.call('extract.open', { path: bad, passphrase: TEST_PASSPHRASE });
    expect(r.ok).toBe(false);
    expect(listing(dir)).toEqual(before);
  });

  test("the probe's check for an unencrypted SQLite file leaves no files beside it", async () => {
    const plain = path.join(dir, 'plain.db');
    const w = new Database(plain);
    w.pragma('journal_mode=WAL');
    w.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    w.close();
    const before = listing(dir);
    const r = await te.call('extract.open', { path: plain, passphrase: TEST_PASSPHRASE });
    expect(r.ok ? 'opened' : r.error.code).toBe('NOT_ENCRYPTED');
    expect(listing(dir)).toEqual(before);
  });

  test('-wal and -shm that were already there (another program has it open) are left alone', async () => {
    const other = writer(file);
    try {
      other.prepare('SELECT count(*) FROM sqlite_master').get();
      expect(existsSync(`${file}-wal`) && existsSync(`${file}-shm`)).toBe(true);
      await te.value('extract.open', { path: file, passphrase: TEST_PASSPHRASE });
      await te.value('extract.close', {});
      expect(listing(dir)).toEqual(['wal.db', 'wal.db-shm', 'wal.db-wal']);
    } finally {
      other.close();
    }
  });

  test('an index helper thread reading it leaves no files beside it', async () => {
    const db = new Database(file, { readonly: true });
    applyCipher(db, { preset: 'sqlcipher4' }, passphraseBytes(TEST_PASSPHRASE));
    db.pragma('temp_store=MEMORY');
    // Only the helper holds the file here: this test's own planning connection is closed
    // and the files it left are removed first.
    const jobs = planReadJobs(db, 16);
    db.close();
    for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    expect(listing(dir)).toEqual(['wal.db']);
    const key = passphraseBytes(TEST_PASSPHRASE);
    const main = new Database(':memory:');
    try {
      // This thread's connection (no tables) cannot read the jobs: the helper takes them.
      await runReadJobs(main, jobs, { file, key, cipher: { preset: 'sqlcipher4' }, helpers: 1 }, undefined, () => {
        const wait = new Int32Array(new SharedArrayBuffer(4));
        // Give the helper time to open its connection before this thread errors out of its own loop.
        Atomics.wait(wait, 0, 0, 1500);
      }).catch(() => undefined);
    } finally {
      main.close();
    }
    await expect.poll(() => listing(dir), { timeout: 5000 }).toEqual(['wal.db']);
  });
});
