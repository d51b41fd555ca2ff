import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrateWorkspace, workspaceVersion } from '../../electron/engine/workspace/migrate';
import { MIGRATIONS } from '../../electron/engine/workspace/migrations';
import { openWorkspace, workspacePath } from '../../electron/engine/workspace/open-workspace';
import { getWorkspaceSetting, setWorkspaceSetting } from '../../electron/engine/workspace/workspace-settings';
import { bundleChild, childEnv, sha256File } from '../extract/open-helpers';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

const key = () => Buffer.from(TEST_PASSPHRASE, 'utf8');
let dir: string;
beforeAll(() => {
  dir = makeTempDir('vv-ws-');
});

describe('workspace file', () => {
  test('is created on first open, encrypted, in WAL mode, with the migrations recorded', () => {
    const p = workspacePath(dir, 'extract-a');
    expect(path.basename(p)).toMatch(/^[0-9a-f]{32}\.vvw$/);
    const ws = openWorkspace(p, key());
    expect(ws.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.pragma('temp_store', { simple: true })).toBe(2);
    expect(workspaceVersion(ws)).toBe(MIGRATIONS.at(-1)!.version);
    const tables = ws.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit_log', 'cohort', 'cohort_crosstab', 'export_snapshot', 'index_cache_key', 'person_key', 'release_ledger', 'schema_version', 'settings']);
    setWorkspaceSetting(ws, 'matrix.last', { level: 'province' });
    ws.close();
    // Not readable without the key: no plaintext header, no readable rows.
    expect(readFileSync(p).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    const plain = new Database(p, { readonly: true });
    expect(() => plain.prepare('SELECT * FROM settings').all()).toThrow();
    plain.close();
    const again = openWorkspace(p, key());
    expect(getWorkspaceSetting(again, 'matrix.last')).toEqual({ level: 'province' });
    expect(again.prepare('SELECT count(*) FROM schema_version').pluck().get()).toBe(MIGRATIONS.length);
    again.close();
  });

  test('a different passphrase gives WORKSPACE_ERROR and leaves the workspace as it was', () => {
    const p = workspacePath(dir, 'extract-b');
    openWorkspace(p, key()).close();
    const before = sha256File(p);
    expect(() => openWorkspace(p, Buffer.from('another passphrase'))).toThrow(expect.objectContaining({ code: 'WORKSPACE_ERROR' }));
    expect(sha256File(p)).toBe(before);
  });

  test('migrations run in order, once, and a workspace from a newer app is refused', () => {
    const p = workspacePath(dir, 'extract-c');
    const ws = openWorkspace(p, key());
    const extra = [...MIGRATIONS, { version: 99, name: 'test', up: (db: Database.Database) => db.exec('CREATE TABLE t99 (a)') }];
    expect(migrateWorkspace(ws, extra)).toBe(99);
    expect(migrateWorkspace(ws, extra)).toBe(99);
    expect(() => migrateWorkspace(ws, MIGRATIONS)).toThrow(expect.objectContaining({ code: 'WORKSPACE_ERROR' }));
    // A failing migration leaves the version where it was.
    const failing = [...extra, { version: 100, name: 'bad', up: (db: Database.Database) => db.exec('CREATE TABLE t100 (a); SELECT * FROM nowhere') }];
    expect(() => migrateWorkspace(ws, failing)).toThrow();
    expect(workspaceVersion(ws)).toBe(99);
    expect(ws.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't100'").pluck().get()).toBe(0);
    ws.close();
  });
});

describe('the session', () => {
  let te: TestEngine;
  beforeAll(() => {
    te = makeTestEngine();
  });
  afterAll(() => te.dispose());

  test('opening an extract opens its workspace in the data folder and never writes into the extract', async () => {
    const extract = makeExtract(path.join(dir, 'extract.db'), { persons: 10 });
    const before = sha256File(extract.path);
    await te.value('extract.open', { path: extract.path, passphrase: TEST_PASSPHRASE });
    const session = te.engine.state.session!;
    session.workspace.prepare("INSERT INTO cohort (name, definition, created_at, updated_at) VALUES ('Syriërs 2016', '{}', 'now', 'now')").run();
    expect(existsSync(workspacePath(te.dataDir, 'test-extract'))).toBe(true);
    await te.value('extract.close', {});
    expect(sha256File(extract.path)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('extract'))).toEqual(['extract.db']);
    // Reopening finds the saved cohort again.
    await te.value('extract.open', { path: extract.path, passphrase: TEST_PASSPHRASE });
    expect(te.engine.state.session!.workspace.prepare('SELECT name FROM cohort').pluck().all()).toEqual(['Syriërs 2016']);
  });
});

test('stays consistent when the process is killed in the middle of writing', async () => {
  const p = workspacePath(dir, 'crash');
  openWorkspace(p, key()).close();
  const bundles = makeTempDir('vv-bundle-');
  const child = spawn(process.execPath, [bundleChild('tests/workspace/fixtures/write-loop.ts', bundles), p], {
    env: childEnv({ VV_TEST_PASSPHRASE: TEST_PASSPHRASE }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let lastCommitted = -1;
  let buffered = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const l of lines) lastCommitted = Number(l);
      // Well past the first WAL checkpoint (1000 pages), then kill without warning.
      if (lastCommitted >= 1500 && !child.killed) {
        child.kill('SIGKILL');
        resolve();
      }
    });
  });
  expect(await exited).toBe('SIGKILL');

  const ws = openWorkspace(p, key());
  expect(ws.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(workspaceVersion(ws)).toBe(MIGRATIONS.at(-1)!.version);
  const cohorts = ws.prepare('SELECT count(*) FROM cohort').pluck().get() as number;
  const audits = ws.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  // Every reported commit is there; at most the one in flight beyond it; cohort and audit rows commit together.
  expect(cohorts).toBeGreaterThanOrEqual(lastCommitted + 1);
  expect(cohorts).toBeLessThanOrEqual(lastCommitted + 2);
  expect(audits).toBe(cohorts);
  const missing = ws.prepare("SELECT count(*) FROM cohort WHERE name = 'cohort-' || ?").pluck();
  for (let i = 0; i <= lastCommitted; i += 97) expect(missing.get(String(i))).toBe(1);
  expect(missing.get(String(lastCommitted))).toBe(1);
  ws.close();
});
