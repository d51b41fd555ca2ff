import { existsSync, linkSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspacePath } from '../../electron/engine/workspace/open-workspace';
import { writeFolder } from '../import/csv-fixture';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { sha256File } from '../extract/open-helpers';

/**
 * Issue 11.3: every method that writes refuses relative paths and `..`, the open extract,
 * workspace files and the app's data folder, and an existing file unless the request carries
 * the overwrite flag; files are written 0600.
 */
const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
const DEF = { kind: 'state' as const, level: 'region' as const };
const onPosix = process.platform !== 'win32';

let t: TestEngine;
let dir: string;
let extract: string;
let workspace: string;

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const exportTo = (p: string, overwrite?: boolean) =>
  t.call('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: p, language: 'nl', ...(overwrite === undefined ? {} : { overwrite }) });

beforeAll(async () => {
  delete process.env.VERHUIS_POLICY_FILE;
  dir = makeTempDir('vv-write-');
  extract = makeExtract(path.join(dir, 'extract.db'), { persons: 60 }).path;
  t = makeTestEngine({ policy: { systemFile: path.join(dir, 'no-admin-policy.json'), extraFile: undefined } });
  await t.value('extract.open', { path: extract, passphrase: TEST_PASSPHRASE, cipher: { preset: 'auto' } });
  workspace = workspacePath(t.dataDir, 'test-extract');
  // One release, so the workspace holds an audit log worth destroying.
  expect(code(await exportTo(path.join(dir, 'first.xlsx')))).toBe('ok');
});
afterAll(() => t.dispose());

describe('write paths of exports', () => {
  it('refuses a relative path and a path with ..', async () => {
    expect(code(await exportTo('matrix.xlsx'))).toBe('PATH_REFUSED');
    expect(code(await exportTo(`${dir}/sub/../matrix.xlsx`))).toBe('PATH_REFUSED');
    expect(existsSync(path.join(dir, 'matrix.xlsx'))).toBe(false);
  });

  it('refuses to overwrite the open extract, even with the overwrite flag', async () => {
    const before = sha256File(extract);
    expect(code(await exportTo(extract, true))).toBe('PATH_REFUSED');
    const hard = path.join(dir, 'hard-link.db');
    linkSync(extract, hard);
    expect(code(await exportTo(hard, true))).toBe('PATH_REFUSED');
    if (onPosix) {
      const soft = path.join(dir, 'soft-link.xlsx');
      symlinkSync(extract, soft);
      expect(code(await exportTo(soft, true))).toBe('PATH_REFUSED');
    }
    expect(sha256File(extract)).toBe(before);
  });

  it('refuses to overwrite the workspace or write anywhere in the data folder; the audit log survives', async () => {
    expect(existsSync(workspace)).toBe(true);
    expect(code(await exportTo(workspace, true))).toBe('PATH_REFUSED');
    expect(code(await exportTo(`${workspace}-wal`, true))).toBe('PATH_REFUSED');
    expect(code(await exportTo(path.join(t.dataDir, 'new.xlsx'), true))).toBe('PATH_REFUSED');
    expect(code(await exportTo(path.join(t.dataDir, '..x.xlsx'), true))).toBe('PATH_REFUSED'); // a name, not a '..' segment
    expect(code(await exportTo(path.join(t.dataDir, 'workspaces', 'new.xlsx'), true))).toBe('PATH_REFUSED');
    // A copy of a workspace elsewhere is a workspace too.
    expect(code(await exportTo(path.join(dir, 'backup.vvw'), true))).toBe('PATH_REFUSED');
    const verdict = await t.value('audit.verify', {});
    expect(verdict.ok).toBe(true);
    expect(verdict.entries).toBeGreaterThanOrEqual(1);
  });

  it('refuses an existing file without the overwrite flag, replaces it with the flag', async () => {
    const target = path.join(dir, 'existing.xlsx');
    writeFileSync(target, 'keep me');
    expect(code(await exportTo(target))).toBe('FILE_EXISTS');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(code(await exportTo(target, true))).toBe('ok');
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it.runIf(onPosix)('writes exports and the workspace 0600', async () => {
    const target = path.join(dir, 'private.xlsx');
    expect(code(await exportTo(target))).toBe('ok');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(statSync(workspace).mode & 0o777).toBe(0o600);
  });
});

describe('write paths of imports', () => {
  it('refuses relative, .., the open extract and the data folder as import target', async () => {
    const source = writeFolder();
    const imp = (targetPath: string) => t.call('import.fromCsv', { sourceDir: source, targetPath, passphrase: 'import-passphrase-1' });
    expect(code(await imp('new.db'))).toBe('PATH_REFUSED');
    expect(code(await imp(`${dir}/x/../new.db`))).toBe('PATH_REFUSED');
    expect(code(await imp(path.join(t.dataDir, 'new.db')))).toBe('PATH_REFUSED');
    expect(code(await imp(extract))).toBe('PATH_REFUSED');
    const ok = path.join(makeTempDir('vv-import-ok-'), 'new.db');
    expect(code(await imp(ok))).toBe('ok');
    if (onPosix) expect(statSync(ok).mode & 0o777).toBe(0o600);
  });
});
