import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEncryptedExtract, writeExtractMeta } from '../../electron/engine/extract/create-extract';
import { makeExtract, makeTempDir, TEST_PASSPHRASE, DEFAULT_META, type MadeExtract } from '../support/make-extract';
import { mulberry32 as seededRandom } from '../support/seeded-random';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { expectOpenFails } from './open-helpers';

let te: TestEngine;
let dir: string;
let v4: MadeExtract;
let v3: MadeExtract;

beforeAll(() => {
  te = makeTestEngine();
  dir = makeTempDir();
  v4 = makeExtract(path.join(dir, 'v4.db'), { persons: 300 });
  v3 = makeExtract(path.join(dir, 'v3.db'), { persons: 300, cipher: { preset: 'sqlcipher3' } });
});
afterAll(() => te.dispose());

const file = (name: string, bytes: Buffer | string) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

/** Bytes from a seed, so a failing case can be reproduced. */
const seededBytes = (n: number, seed: number) => {
  const rnd = seededRandom(seed);
  return Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
};

describe('wrong passphrase or cipher settings', () => {
  test('a wrong passphrase', async () => {
    const err = await expectOpenFails(te, { path: v4.path, passphrase: 'wrong passphrase' }, 'WRONG_PASSPHRASE');
    expect(err.detail).toEqual({ tried: ['sqlcipher4', 'sqlcipher3'] });
  });
  test('the passphrase with different letter case', async () => {
    await expectOpenFails(te, { path: v4.path, passphrase: TEST_PASSPHRASE.toUpperCase() }, 'WRONG_PASSPHRASE');
  });
  test('an SQLCipher 4 file opened with the SQLCipher 3 preset', async () => {
    await expectOpenFails(te, { path: v4.path, passphrase: TEST_PASSPHRASE, cipher: { preset: 'sqlcipher3' } }, 'WRONG_PASSPHRASE');
  });
  test('an SQLCipher 3 file opened with the SQLCipher 4 preset', async () => {
    await expectOpenFails(te, { path: v3.path, passphrase: TEST_PASSPHRASE, cipher: { preset: 'sqlcipher4' } }, 'WRONG_PASSPHRASE');
  });
  test('custom settings with the wrong KDF iteration count', async () => {
    const cipher = { preset: 'custom', kdfIter: 64001, pageSize: 1024, hmacAlgorithm: 'SHA1', kdfAlgorithm: 'SHA1', plaintextHeaderSize: 0 } as const;
    await expectOpenFails(te, { path: v3.path, passphrase: TEST_PASSPHRASE, cipher }, 'WRONG_PASSPHRASE');
  });
  test('random bytes in whole pages look like an encrypted file with another key (documented limit)', async () => {
    await expectOpenFails(te, { path: file('random.db', seededBytes(8192, 3)), passphrase: TEST_PASSPHRASE }, 'WRONG_PASSPHRASE');
  });
});

describe('not a database', () => {
  const cases: [string, () => string][] = [
    ['an empty file', () => file('empty.db', '')],
    ['a file smaller than one page', () => file('tiny.db', seededBytes(100, 4))],
    ['a CSV file', () => file('person.csv', 'person_id;birth_year;sex\n'.repeat(400))],
    ['an xlsx (zip) file', () => file('table.db', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), seededBytes(4096, 5)]))],
    ['random bytes that are not whole pages', () => file('odd.db', seededBytes(5000, 6))],
    [
      'a folder',
      () => {
        const p = path.join(dir, 'folder.db');
        mkdirSync(p, { recursive: true });
        return p;
      },
    ],
  ];
  for (const [name, make] of cases) {
    test(name, async () => {
      const p = make();
      if (p.endsWith('folder.db')) {
        const r = await te.call('extract.open', { path: p, passphrase: TEST_PASSPHRASE });
        expect(r.ok ? 'opened' : r.error.code).toBe('NOT_A_DATABASE');
        return;
      }
      await expectOpenFails(te, { path: p, passphrase: TEST_PASSPHRASE }, 'NOT_A_DATABASE');
    });
  }

  test('an unencrypted SQLite database is refused as such', async () => {
    const p = path.join(dir, 'plain.db');
    const db = new Database(p);
    db.exec("CREATE TABLE extract_meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO extract_meta VALUES ('extract_id', 'x')");
    db.close();
    const err = await expectOpenFails(te, { path: p, passphrase: TEST_PASSPHRASE }, 'NOT_ENCRYPTED');
    expect(err.detail).toEqual({ reason: 'plaintext-sqlite' });
  });
});

describe('missing or unreadable file', () => {
  test('a path that does not exist', async () => {
    const p = path.join(dir, 'nowhere.db');
    const r = await te.call('extract.open', { path: p, passphrase: TEST_PASSPHRASE });
    expect(r.ok ? 'opened' : r.error.code).toBe('FILE_NOT_FOUND');
    expect(r.ok ? '' : r.error.message.en).toContain('nowhere.db');
    // Read-only, fileMustExist: nothing was created.
    expect(existsSync(p)).toBe(false);
  });
});

describe('truncated or corrupt', () => {
  test('a valid extract truncated to half its size', async () => {
    const bytes = readFileSync(v4.path);
    const p = file('half.db', bytes.subarray(0, Math.floor(bytes.length / 2 / 4096) * 4096));
    await expectOpenFails(te, { path: p, passphrase: TEST_PASSPHRASE }, 'CORRUPT_FILE');
  });
  test('a valid extract cut in the middle of a page', async () => {
    const bytes = readFileSync(v4.path);
    const p = file('cut.db', bytes.subarray(0, Math.floor(bytes.length / 2) + 123));
    await expectOpenFails(te, { path: p, passphrase: TEST_PASSPHRASE }, 'CORRUPT_FILE');
  });
  test('a valid extract with damaged bytes inside a data page', async () => {
    const bytes = Buffer.from(readFileSync(v4.path));
    const at = bytes.length - 3 * 4096 + 100;
    for (let i = at; i < at + 64; i++) bytes[i] ^= 0xff;
    const p = file('damaged.db', bytes);
    await expectOpenFails(te, { path: p, passphrase: TEST_PASSPHRASE }, 'CORRUPT_FILE');
  });
});

describe('not an extract', () => {
  const variant = (name: string, change: (db: Database.Database) => void, meta: Record<string, string> = DEFAULT_META) => {
    const p = path.join(dir, name);
    const db = createEncryptedExtract(p, TEST_PASSPHRASE, { preset: 'sqlcipher4' });
    writeExtractMeta(db, meta);
    change(db);
    db.close();
    return p;
  };

  test('names the missing tables and columns', async () => {
    const p = variant('no-kbi.db', (db) => {
      db.exec('DROP TABLE kbi_component; DROP TABLE kbi_trajectory; ALTER TABLE person DROP COLUMN sex');
    });
    const err = await expectOpenFails(te, { path: p, passphrase: TEST_PASSPHRASE }, 'NOT_AN_EXTRACT');
    expect(err.detail).toMatchObject({ missingTables: ['kbi_trajectory', 'kbi_component'], missingColumns: ['person.sex'] });
    expect(err.message.en).toContain('kbi_component');
    expect(err.message.nl).toContain('person.sex');
  });
  test('an SQLCipher database with other tables', async () => {
    const p = path.join(dir, 'other-app.db');
    const db = new Database(p);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(Buffer.from(TEST_PASSPHRASE, 'utf8'));
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    db.close();
    const err = await expectOpenFails(te, { path: p, passphrase: TEST_PASSPHRASE }, 'NOT_AN_EXTRACT');
    expect((err.detail as { missingTables: string[] }).missingTables).toHaveLength(8);
  });
  test('a missing reference date', async () => {
    const { reference_date: _, ...meta } = DEFAULT_META;
    const err = await expectOpenFails(te, { path: variant('no-date.db', () => {}, meta), passphrase: TEST_PASSPHRASE }, 'NOT_AN_EXTRACT');
    expect(err.detail).toMatchObject({ missingMeta: ['extract_meta.reference_date'] });
  });
  test('an unknown NIS vintage', async () => {
    const err = await expectOpenFails(
      te,
      { path: variant('bad-vintage.db', () => {}, { ...DEFAULT_META, nis_vintage: '2021' }), passphrase: TEST_PASSPHRASE },
      'NOT_AN_EXTRACT',
    );
    expect(err.detail).toMatchObject({ invalidMeta: ['extract_meta.nis_vintage'] });
  });
});

test('the same file copied elsewhere has the same fingerprint', async () => {
  const copy = path.join(dir, 'copy.db');
  copyFileSync(v4.path, copy);
  const a = await te.value('extract.open', { path: v4.path, passphrase: TEST_PASSPHRASE });
  const b = await te.value('extract.open', { path: copy, passphrase: TEST_PASSPHRASE });
  expect(b.fingerprint).toBe(a.fingerprint);
  await te.value('extract.close', {});
});
