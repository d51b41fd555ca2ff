import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { EngineEvent } from '../../shared/api/events';
import { makeExtract, makeTempDir, TEST_PASSPHRASE, type MadeExtract } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { sha256File } from './open-helpers';

let te: TestEngine;
let dir: string;
let v4: MadeExtract;

beforeEach(() => {
  te = makeTestEngine();
  dir = makeTempDir();
  v4 = makeExtract(path.join(dir, 'extract-v4.db'), { seed: 7, persons: 40 });
});
afterEach(() => te.dispose());

describe('extract.open', () => {
  test('opens an SQLCipher 4 extract, reports its summary, and leaves the file byte for byte unchanged', async () => {
    const before = sha256File(v4.path);
    const events: EngineEvent[] = [];
    te.engine.onEvent((e) => events.push(e));
    const summary = await te.value('extract.open', { path: v4.path, passphrase: TEST_PASSPHRASE });
    expect(summary).toMatchObject({
      fileName: 'extract-v4.db',
      extractId: 'test-extract',
      source: 'synthetic',
      referenceDate: '2018-01-27',
      nisVintage: 'as_recorded',
      cipher: 'sqlcipher4',
      persons: 40,
      fingerprint: before,
    });
    expect(summary.tables.find((t) => t.name === 'residence')?.rows).toBe(v4.rows.residence.length);
    expect(summary.tables.find((t) => t.name === 'kbi_component')?.rows).toBe(v4.rows.kbi_component.length);
    expect(te.engine.state.status).toBe('ready');
    expect((await te.value('extract.summary', {})).fingerprint).toBe(before);
    expect((await te.value('app.info', {})).openExtract).toBe('extract-v4.db');

    // Progress goes from 0 to 1 for the 'open' task.
    const open = events.filter((e) => e.type === 'progress' && e.task === 'open');
    expect(open[0]).toMatchObject({ fraction: 0 });
    expect(open.at(-1)).toMatchObject({ fraction: 1, stage: 'ready' });

    expect(await te.value('extract.close', {})).toEqual({ closed: true });
    expect(await te.value('extract.close', {})).toEqual({ closed: false });
    expect(sha256File(v4.path)).toBe(before);
    // Nothing was written beside the extract (no journal, no temp file).
    expect(readdirSync(dir)).toEqual(['extract-v4.db']);
    const summaryAfter = await te.call('extract.summary', {});
    expect(summaryAfter.ok ? null : summaryAfter.error.code).toBe('NO_EXTRACT_OPEN');
  });

  test('the extract connection is read-only and keeps temporary data in memory', async () => {
    await te.value('extract.open', { path: v4.path, passphrase: TEST_PASSPHRASE, cipher: { preset: 'sqlcipher4' } });
    const db = te.engine.state.session!.db;
    expect(db.readonly).toBe(true);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('query_only', { simple: true })).toBe(1);
    expect(() => db.exec('CREATE TABLE x (a)')).toThrow();
  });

  test('a failed open keeps the extract that was already open', async () => {
    await te.value('extract.open', { path: v4.path, passphrase: TEST_PASSPHRASE });
    const r = await te.call('extract.open', { path: v4.path, passphrase: 'not the passphrase' });
    expect(r.ok ? 'opened' : r.error.code).toBe('WRONG_PASSPHRASE');
    expect(te.engine.state.status).toBe('ready');
    expect((await te.value('extract.summary', {})).fileName).toBe('extract-v4.db');
  });

  test('opening another extract replaces the open one and creates one workspace per extract', async () => {
    const other = makeExtract(path.join(dir, 'other.db'), { meta: { extract_id: 'other-extract' }, persons: 5 });
    await te.value('extract.open', { path: v4.path, passphrase: TEST_PASSPHRASE });
    const first = te.engine.state.session!;
    const summary = await te.value('extract.open', { path: other.path, passphrase: TEST_PASSPHRASE });
    expect(summary.persons).toBe(5);
    expect(first.db.open).toBe(false);
    expect(first.workspace.open).toBe(false);
    expect(readdirSync(path.join(te.dataDir, 'workspaces')).filter((f) => f.endsWith('.vvw'))).toHaveLength(2);
  });

  test('recent files keep paths only, most recent first, without duplicates, at most 10', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 11; i++) {
      const p = makeExtract(path.join(dir, `e${i}.db`), { persons: 2, onlyGiven: false }).path;
      paths.push(p);
    }
    for (const p of paths) await te.value('extract.open', { path: p, passphrase: TEST_PASSPHRASE });
    await te.value('extract.open', { path: paths[3], passphrase: TEST_PASSPHRASE });
    const { paths: recent } = await te.value('extract.recent', {});
    expect(recent).toHaveLength(10);
    expect(recent[0]).toBe(paths[3]);
    expect(recent[1]).toBe(paths[10]);
    expect(new Set(recent).size).toBe(10);
    expect(recent).not.toContain(paths[0]);
    expect((await te.value('app.settings', {})).recentFiles).toEqual(recent);
    // A failed open is not remembered.
    await te.call('extract.open', { path: path.join(dir, 'missing.db'), passphrase: TEST_PASSPHRASE });
    expect((await te.value('extract.recent', {})).paths[0]).toBe(paths[3]);
    // The settings file never holds the passphrase.
    const files = readdirSync(te.dataDir);
    expect(files).toContain('app-settings.json');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(te.dataDir, 'app-settings.json'), 'utf8')).not.toContain(TEST_PASSPHRASE);
  });

  test('extract_meta without nis_vintage defaults to as_recorded; 2019 is reported', async () => {
    const a = makeExtract(path.join(dir, 'a.db'), { persons: 3, meta: { nis_vintage: null } });
    expect((await te.value('extract.open', { path: a.path, passphrase: TEST_PASSPHRASE })).nisVintage).toBe('as_recorded');
    const b = makeExtract(path.join(dir, 'b.db'), { persons: 3, meta: { nis_vintage: '2019', extract_id: 'b' } });
    expect((await te.value('extract.open', { path: b.path, passphrase: TEST_PASSPHRASE })).nisVintage).toBe('2019');
    expect(existsSync(b.path)).toBe(true);
  });
});
