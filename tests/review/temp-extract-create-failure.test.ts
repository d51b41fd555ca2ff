import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { AppError } from '../../electron/engine/core/app-error';
import { writeSyntheticExtract } from '../../electron/engine/synthetic/generate-extract';
import { tempDir, writeFolder } from '../import/csv-fixture';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

/**
 * The temporary encrypted file of an import or of the demo generator is removed when
 * creating it fails half-way (here: the disk fills up while the tables are created), and
 * the analyst is told the write failed, with the SQLite/errno code as the only reason.
 */
const failTables = vi.hoisted(() => ({ on: false }));
vi.mock('../../electron/engine/extract/extract-ddl', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/engine/extract/extract-ddl')>();
  return {
    ...real,
    createExtractTables: (...args: Parameters<typeof real.createExtractTables>) => {
      if (failTables.on) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
      return real.createExtractTables(...args);
    },
  };
});

let te: TestEngine;
const dirs: string[] = [];
const dir = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};

beforeEach(() => {
  te = makeTestEngine();
  failTables.on = true;
});
afterEach(() => {
  failTables.on = false;
  te.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

test('an import whose new extract cannot be created leaves no file and reports WRITE_FAILED', async () => {
  const source = writeFolder();
  dirs.push(source);
  const target = dir('vv-target-');
  const r = await te.call('import.fromCsv', { sourceDir: source, targetPath: path.join(target, 'extract.db'), passphrase: 'import-test-passphrase' });
  expect(r.ok ? 'imported' : r.error.code).toBe('WRITE_FAILED');
  if (!r.ok) expect(JSON.stringify(r.error)).not.toContain(target);
  expect(readdirSync(target)).toEqual([]);
});

test('the demo generator whose new extract cannot be created leaves no file and reports WRITE_FAILED', () => {
  const target = dir('vv-gen-');
  let thrown: unknown;
  try {
    writeSyntheticExtract(path.join(target, 'demo.db'), 'demo-passphrase', { preset: 'sqlcipher4' }, { persons: 20, seed: 1 });
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect((thrown as AppError).code).toBe('WRITE_FAILED');
  expect((thrown as AppError).params).toEqual({ reason: 'SQLITE_FULL' });
  expect(readdirSync(target)).toEqual([]);
});

test('with the disk no longer full, the same import succeeds (the failure was the injected one)', async () => {
  failTables.on = false;
  const source = writeFolder();
  dirs.push(source);
  const target = dir('vv-target-');
  const r = await te.call('import.fromCsv', { sourceDir: source, targetPath: path.join(target, 'extract.db'), passphrase: 'import-test-passphrase' });
  expect(r.ok).toBe(true);
  expect(readdirSync(target)).toEqual(['extract.db']);
});
