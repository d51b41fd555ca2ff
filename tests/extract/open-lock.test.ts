import { spawn, spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeExtract, makeTempDir, TEST_PASSPHRASE, type MadeExtract } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { bundleChild, childEnv, expectOpenFails, sha256File } from './open-helpers';

let te: TestEngine;
let dir: string;
let extract: MadeExtract;
let bundles: string;

beforeAll(() => {
  te = makeTestEngine();
  dir = makeTempDir();
  bundles = makeTempDir('vv-bundle-');
  extract = makeExtract(path.join(dir, 'locked.db'), { persons: 20 });
});
afterAll(() => te.dispose());

test('a file locked by another process gives FILE_LOCKED, and opens once the lock is released', async () => {
  const child = spawn(process.execPath, [bundleChild('tests/extract/fixtures/hold-lock.ts', bundles), extract.path], {
    env: childEnv({ VV_TEST_PASSPHRASE: TEST_PASSPHRASE }),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      child.on('exit', () => reject(new Error('lock holder exited early')));
    });
    await expectOpenFails(te, { path: extract.path, passphrase: TEST_PASSPHRASE }, 'FILE_LOCKED');
  } finally {
    child.stdin.end();
    await exited;
  }
  const before = sha256File(extract.path);
  const summary = await te.value('extract.open', { path: extract.path, passphrase: TEST_PASSPHRASE });
  expect(summary.persons).toBe(20);
  await te.value('extract.close', {});
  expect(sha256File(extract.path)).toBe(before);
});

test('a file the user may not read gives FILE_UNREADABLE', () => {
  const asRoot = process.getuid?.() === 0;
  // Root reads everything: run the engine as an unprivileged user instead.
  chmodSync(dir, 0o755);
  chmodSync(bundles, 0o755);
  const childData = makeTempDir('vv-child-');
  chmodSync(childData, 0o777);
  chmodSync(extract.path, 0o000);
  const before = sha256File(extract.path);
  const out = spawnSync(process.execPath, [bundleChild('tests/extract/fixtures/open-in-child.ts', bundles), extract.path, childData], {
    env: childEnv({ VV_TEST_PASSPHRASE: TEST_PASSPHRASE }),
    encoding: 'utf8',
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  chmodSync(extract.path, 0o644);
  expect(out.stderr).toBe('');
  const result = JSON.parse(out.stdout) as { ok: boolean; error?: { code: string } };
  expect(result.error?.code).toBe('FILE_UNREADABLE');
  expect(sha256File(extract.path)).toBe(before);
});
