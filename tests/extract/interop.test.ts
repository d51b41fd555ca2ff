import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractDdl } from '../../electron/engine/extract/extract-ddl';
import { EXTRACT_SCHEMA } from '../../shared/extract/extract-schema';
import { DEFAULT_META, defaultDataset, makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { sha256File } from './open-helpers';

/**
 * Interoperability with Debian's `sqlcipher` command-line tool (SQLCipher 3.x): files it
 * makes open in the app, and files the app writes in SQLCipher 3 mode open in it.
 * The passphrase is UTF-8 with non-ASCII letters, as another tool would hash it.
 */
const sqlcipher = (file: string, sql: string) => execFileSync('sqlcipher', ['-batch', file], { input: sql, encoding: 'utf8', stdio: 'pipe' });
const keyPragma = `PRAGMA key='${TEST_PASSPHRASE.replace(/'/g, "''")}';\n`;
const literal = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

let te: TestEngine;
let dir: string;
beforeAll(() => {
  te = makeTestEngine();
  dir = makeTempDir();
});
afterAll(() => te.dispose());

describe('a file made by the sqlcipher tool (SQLCipher 3)', () => {
  const data = defaultDataset(11, 30);
  let file: string;
  beforeAll(() => {
    file = path.join(dir, 'from-sqlcipher-tool.db');
    const lines = [keyPragma, 'BEGIN;', ...extractDdl().map((s) => `${s};`)];
    for (const [k, v] of Object.entries(DEFAULT_META)) lines.push(`INSERT INTO extract_meta VALUES (${literal(k)}, ${literal(v)});`);
    for (const spec of EXTRACT_SCHEMA) {
      if (spec.name === 'extract_meta') continue;
      for (const row of data[spec.name]) {
        lines.push(`INSERT INTO ${spec.name} VALUES (${spec.columns.map((c) => literal(row[c.name] ?? null)).join(', ')});`);
      }
    }
    lines.push('COMMIT;');
    sqlcipher(file, lines.join('\n'));
  });

  test('opens with the SQLCipher 3 preset, with auto, and with the same parameters as custom settings', async () => {
    const before = sha256File(file);
    const v3 = await te.value('extract.open', { path: file, passphrase: TEST_PASSPHRASE, cipher: { preset: 'sqlcipher3' } });
    expect(v3).toMatchObject({ cipher: 'sqlcipher3', persons: 30, referenceDate: '2018-01-27' });
    expect(v3.tables.find((t) => t.name === 'residence')?.rows).toBe(data.residence.length);

    expect(await te.value('extract.open', { path: file, passphrase: TEST_PASSPHRASE })).toMatchObject({ cipher: 'sqlcipher3', persons: 30 });

    const custom = { preset: 'custom', kdfIter: 64000, pageSize: 1024, hmacAlgorithm: 'SHA1', kdfAlgorithm: 'SHA1', plaintextHeaderSize: 0 } as const;
    expect(await te.value('extract.open', { path: file, passphrase: TEST_PASSPHRASE, cipher: custom })).toMatchObject({ cipher: 'custom', persons: 30 });
    await te.value('extract.close', {});
    expect(sha256File(file)).toBe(before);
  });

  test('a wrong passphrase is refused and the file is unchanged', async () => {
    const before = sha256File(file);
    const r = await te.call('extract.open', { path: file, passphrase: 'proef-wachtwoordzin-€e' });
    expect(r.ok ? 'opened' : r.error.code).toBe('WRONG_PASSPHRASE');
    expect(sha256File(file)).toBe(before);
  });
});

test('a file the app writes in SQLCipher 3 mode is read by the sqlcipher tool', () => {
  const made = makeExtract(path.join(dir, 'written-by-app-v3.db'), { cipher: { preset: 'sqlcipher3' }, seed: 5, persons: 25 });
  const out = sqlcipher(
    made.path,
    `${keyPragma}PRAGMA integrity_check;\nSELECT count(*) FROM person;\nSELECT count(*) FROM residence;\nSELECT value FROM extract_meta WHERE key = 'reference_date';\n`,
  );
  expect(out.trim().split('\n')).toEqual(['ok', '25', String(made.rows.residence.length), '2018-01-27']);
  // …and not without the key.
  expect(() => execFileSync('sqlcipher', ['-batch', made.path], { input: 'SELECT count(*) FROM person;', stdio: 'pipe' })).toThrow();
});

test('the custom settings of SQLCipher 4 open a file written with the SQLCipher 4 preset; other iterations do not', async () => {
  const made = makeExtract(path.join(dir, 'custom-v4.db'), { persons: 4 });
  const custom = { preset: 'custom', kdfIter: 256000, pageSize: 4096, hmacAlgorithm: 'SHA512', kdfAlgorithm: 'SHA512', plaintextHeaderSize: 0 } as const;
  expect(await te.value('extract.open', { path: made.path, passphrase: TEST_PASSPHRASE, cipher: custom })).toMatchObject({ cipher: 'custom', persons: 4 });
  const r = await te.call('extract.open', { path: made.path, passphrase: TEST_PASSPHRASE, cipher: { ...custom, pageSize: 1024 } });
  expect(r.ok ? 'opened' : r.error.code).toBe('WRONG_PASSPHRASE');
  await te.value('extract.close', {});
});

test('an SQLCipher 4 file is not readable by the SQLCipher 3 tool (the presets really differ)', () => {
  const made = makeExtract(path.join(dir, 'written-by-app-v4.db'), { persons: 3 });
  expect(() => sqlcipher(made.path, `${keyPragma}SELECT count(*) FROM person;`)).toThrow();
});
