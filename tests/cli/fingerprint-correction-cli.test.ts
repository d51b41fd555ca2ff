import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli-runner';
import { forgeIndexCache } from '../support/forge-index-cache';
import { makeExtract, makeTempDir, type MadeExtract } from '../support/make-extract';
import { makeTestEngine } from '../support/test-engine';

/**
 * Issue 14s, the CLI: a command that opens from the index cache whose background check then
 * corrects the fingerprint prints the file's real fingerprint (info), says so on stderr, and
 * exports under it.
 */
const work = makeTempDir('vv-cli-fix-');
const dataDir = path.join(work, 'data');
const WRONG = 'f'.repeat(64);
const POLICY_FILE = path.join(work, 'empty-policy.json');
writeFileSync(POLICY_FILE, '{}');
const runner = cliRunner('fingerprint-fix', { dataDir, env: { VERHUIS_POLICY_FILE: POLICY_FILE } });
let x: MadeExtract;
let truth: string;

beforeAll(async () => {
  await runner.build();
  x = makeExtract(path.join(work, 'fix.db'), { persons: 300, seed: 41, meta: { extract_id: 'cli-fix' } });
  truth = createHash('sha256').update(readFileSync(x.path)).digest('hex');
});
afterAll(() => runner.remove());

const forgeCache = () => forgeIndexCache(dataDir, x, WRONG);

describe('the CLI after a corrected fingerprint', () => {
  it('info prints the real fingerprint and says the index is rebuilt', async () => {
    await forgeCache();
    const r = runner.run(['info', '--extract', x.path, '--json'], { env: { VERHUIS_PASSPHRASE: x.passphrase } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fingerprint).toBe(truth);
    expect(r.stderr).toContain('opnieuw uit het bestand opgebouwd');
    expect(r.stderr).toContain(truth);

    await forgeCache();
    const en = runner.run(['info', '--extract', x.path, '--lang', 'en'], { env: { VERHUIS_PASSPHRASE: x.passphrase } });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(truth);
    expect(en.stdout).not.toContain(WRONG);
    expect(en.stderr).toContain('The index is being rebuilt from the file');
  });

  it('matrix exports under the real fingerprint', async () => {
    await forgeCache();
    const out = path.join(work, 'state.csv');
    const r = runner.run(['matrix', '--extract', x.path, '--definition', 'state', '--level', 'province', '--format', 'csv', '--out', out], {
      env: { VERHUIS_PASSPHRASE: x.passphrase },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(truth);
    expect(readFileSync(out, 'utf8')).not.toContain(WRONG);

    const check = makeTestEngine({ dataDir });
    try {
      await check.value('extract.open', { path: x.path, passphrase: x.passphrase });
      const { records } = await check.value('audit.list', { limit: 10 });
      expect(records.length).toBeGreaterThan(0);
      for (const rec of records) expect(rec.entry.extractFingerprint).toBe(truth);
      await check.engine.state.session?.background;
    } finally {
      check.engine.state.closeSession();
    }
  });
});
