import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { fileOps } from '../../electron/engine/export/release';
import { exportSession } from '../export/export-session';
import { readReleasedFile } from '../../electron/engine/audit/release-proof';
import { makeTempDir } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

/**
 * An exported file never exists without its audit entry: the entry is committed before the
 * file is renamed to its name, and a rename that fails is recorded as a failed release.
 */
const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
const DEF = { kind: 'state' as const, level: 'province' as const };
const realRename = fileOps.rename;
const savedPolicyEnv = process.env.VERHUIS_POLICY_FILE;

let t: TestEngine;
let dir: string;

beforeAll(() => {
  dir = makeTempDir('vv-release-');
  delete process.env.VERHUIS_POLICY_FILE; // no second policy file (a missing one blocks output)
  t = makeTestEngine();
});
beforeEach(() => {
  t.engine.state.session?.close();
  t.engine.state.session = exportSession();
  for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { force: true });
});
afterEach(() => {
  fileOps.rename = realRename;
});
afterAll(() => {
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
  if (savedPolicyEnv === undefined) delete process.env.VERHUIS_POLICY_FILE;
  else process.env.VERHUIS_POLICY_FILE = savedPolicyEnv;
});

test('the audit entry is already committed when the file is renamed to its name; one entry, its SHA-256 the file\'s', async () => {
  const seenAtRename: number[] = [];
  fileOps.rename = (from, to) => {
    seenAtRename.push(t.engine.state.session!.workspace.prepare('SELECT count(*) FROM audit_log').pluck().get() as number);
    realRename(from, to);
  };
  const target = path.join(dir, 'matrix.xlsx');
  const r = await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: target, language: 'nl' });
  expect(seenAtRename).toEqual([1]);
  expect(readdirSync(dir).filter((f) => f !== 'no-policy.json')).toEqual(['matrix.xlsx']);
  const { records } = await t.value('audit.list', {});
  expect(records).toHaveLength(1);
  expect(records[0].seq).toBe(r.auditSeq);
  // The SHA-256 of the content the file carries besides its proof row (what audit verify --export recomputes).
  expect(records[0].entry.sha256).toBe((await readReleasedFile(readFileSync(target))).digest);
  expect(records[0].entry.status).toBeUndefined();
  expect(await t.value('audit.verify', {})).toMatchObject({ ok: true, entries: 1, brokenAt: null, problem: null });
});

test('a rename that fails: no file, the release and its failure both in a chain that verifies, WRITE_FAILED', async () => {
  fileOps.rename = () => {
    throw Object.assign(new Error('simulated'), { code: 'EIO' });
  };
  const target = path.join(dir, 'matrix.csv');
  const r = await t.call('export.matrix', { cohort: COHORT, definition: DEF, format: 'csv', path: target, language: 'nl' });
  expect(r.ok ? 'written' : r.error.code).toBe('WRITE_FAILED');
  if (!r.ok) expect(JSON.stringify(r.error)).not.toContain(dir);
  expect(readdirSync(dir)).toEqual([]);

  const { records } = await t.value('audit.list', {});
  expect(records).toHaveLength(2);
  const [failure, release] = records;
  expect(release).toMatchObject({ seq: 1, entry: { fileName: 'matrix.csv', output: 'csv' } });
  expect(release.entry.status).toBeUndefined();
  expect(failure).toMatchObject({ seq: 2, entry: { status: 'failed', releaseSeq: 1, fileName: 'matrix.csv', sha256: release.entry.sha256 } });
  expect(await t.value('audit.verify', {})).toMatchObject({ ok: true, entries: 2, brokenAt: null, problem: null });

  // Nothing was published, so the failed release is no basis for the differencing guard,
  // and the same export succeeds once the disk works again.
  fileOps.rename = realRename;
  const again = await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'csv', path: target, language: 'nl' });
  expect(again.auditSeq).toBe(3);
  expect(readdirSync(dir)).toEqual(['matrix.csv']);
  expect(await t.value('audit.verify', {})).toMatchObject({ ok: true, entries: 3 });
});
