import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadOrCreatePersonKeys, sessionPersonKeys } from '../../electron/engine/disclosure/person-keys';
import { migrateWorkspace } from '../../electron/engine/workspace/migrate';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { listFiles, scanBuffer } from '../security/marker-scan';

/**
 * The secret person keys of cell-key perturbation: made once per extract from a CSPRNG on
 * first use, kept in the encrypted workspace, the same after closing and reopening, and
 * never in any file in plaintext (raw bytes or hex).
 */
let te: TestEngine;
let dir: string;
const savedPolicyEnv = process.env.VERHUIS_POLICY_FILE;
const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
const DEF = { kind: 'state' as const, level: 'province' as const };

beforeAll(() => {
  dir = makeTempDir('vv-pkeys-');
  process.env.VERHUIS_POLICY_FILE = path.join(dir, 'no-policy.json');
  te = makeTestEngine();
});
afterAll(() => {
  te.dispose();
  rmSync(dir, { recursive: true, force: true });
  if (savedPolicyEnv === undefined) delete process.env.VERHUIS_POLICY_FILE;
  else process.env.VERHUIS_POLICY_FILE = savedPolicyEnv;
});

describe('person keys in the workspace', () => {
  test('made lazily on the first perturbed table, fixed across close and reopen, never written in plaintext', async () => {
    const extract = makeExtract(path.join(dir, 'extract.db'), { persons: 400, seed: 3 });
    await te.value('extract.open', { path: extract.path, passphrase: TEST_PASSPHRASE });
    const ws = () => te.engine.state.session!.workspace;
    const stored = () => ws().prepare('SELECT count(*) FROM person_key').pluck().get() as number;
    // A suppressed preview does not make keys.
    await te.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    expect(stored()).toBe(0);

    await te.value('disclosure.setUserPolicy', { user: { method: 'perturbation' } });
    const before = await te.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    expect(stored()).toBe(1);
    const keys = sessionPersonKeys(te.engine.state.session!).slice();
    expect(keys.length).toBe(400);
    // Random 32-bit keys: no two alike among 400 (a collision has probability ~2e-5), not all small.
    expect(new Set(keys).size).toBe(400);
    expect(keys.some((k) => k > 0x7fffffff)).toBe(true);

    await te.value('extract.close', {});
    await te.value('extract.open', { path: extract.path, passphrase: TEST_PASSPHRASE });
    const after = await te.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    expect(after).toEqual(before);
    expect(Array.from(sessionPersonKeys(te.engine.state.session!))).toEqual(Array.from(keys));
    expect(stored()).toBe(1);
    await te.value('extract.close', {});

    // The data folder (workspace, its -wal/-shm, logs) holds the keys only encrypted.
    const bytes = Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength);
    const needles = [0, 100, 200, 300].map((i) => bytes.subarray(i * 4, i * 4 + 16).toString('latin1'));
    const files = listFiles(te.dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const data = readFileSync(f);
      for (const needle of needles) {
        expect(data.includes(Buffer.from(needle, 'latin1')), `${path.basename(f)} holds key bytes`).toBe(false);
        expect(scanBuffer(f, data, [Buffer.from(needle, 'latin1').toString('hex')])).toEqual([]);
      }
    }
  });

  test('a workspace keeps one key set per extract fingerprint and refuses keys that do not fit the extract', () => {
    const ws = new Database(':memory:');
    migrateWorkspace(ws);
    const a = loadOrCreatePersonKeys(ws, 'f'.repeat(64), 50);
    expect(Array.from(loadOrCreatePersonKeys(ws, 'f'.repeat(64), 50))).toEqual(Array.from(a));
    const b = loadOrCreatePersonKeys(ws, 'e'.repeat(64), 50);
    expect(Array.from(b)).not.toEqual(Array.from(a));
    expect(() => loadOrCreatePersonKeys(ws, 'f'.repeat(64), 51)).toThrow(expect.objectContaining({ code: 'WORKSPACE_ERROR' }));
    ws.close();
  });
});
