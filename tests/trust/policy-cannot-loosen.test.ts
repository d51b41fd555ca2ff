import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type AdminPolicyFile } from '../../shared/disclosure/policy';
import { activePolicy, readAdminPolicy, type PolicySources } from '../../electron/engine/policy/policy-file';
import { workspacePath } from '../../electron/engine/workspace/open-workspace';
import { exportSession } from '../export/export-session';
import { makeTempDir } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

/**
 * Issue 11.1: the administrator's file at the OS path always applies. VERHUIS_POLICY_FILE only
 * adds a second file (stricter wins per setting); a missing or invalid second file blocks output;
 * release builds ignore the variable unless the administrator allows it; the user panel and a
 * fresh data folder cannot loosen anything; the administrator may pin the data folder.
 */
const STRICT: Required<AdminPolicyFile> = { threshold: 20, forceRounding: true, roundingBase: 5, zerosUnsafe: true, forbidCsv: true, forbidExport: true, idleLockMinutes: 5 };
/** For each setting, the loosest value a second file could try. */
const LOOSE: Required<AdminPolicyFile> = { threshold: 2, forceRounding: false, roundingBase: 3, zerosUnsafe: false, forbidCsv: false, forbidExport: false, idleLockMinutes: 240 };

const dir = makeTempDir('vv-policy-');
const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const sources = (systemFile: string, extraFile: string | undefined, release = false): PolicySources => ({ systemFile, extraFile, release });

describe('the policy cannot be loosened', () => {
  for (const key of Object.keys(STRICT) as (keyof AdminPolicyFile)[]) {
    it(`${key}: a second file (VERHUIS_POLICY_FILE) cannot loosen it`, () => {
      const system = file(`sys-${key}.json`, { [key]: STRICT[key] });
      const extra = file(`extra-${key}.json`, { [key]: LOOSE[key] });
      const alone = activePolicy(null, readAdminPolicy(sources(system, undefined))).policy;
      const withExtra = activePolicy(null, readAdminPolicy(sources(system, extra))).policy;
      expect(withExtra).toEqual(alone);
      if (key !== 'roundingBase') expect(alone).not.toEqual(DEFAULT_POLICY); // 5 is also the default base
    });
  }

  it('the second file can tighten, setting by setting', () => {
    const system = file('sys-t15.json', { threshold: 15, idleLockMinutes: 10 });
    const extra = file('extra-tight.json', { threshold: 12, forbidCsv: true, idleLockMinutes: 30 });
    const p = activePolicy(null, readAdminPolicy(sources(system, extra))).policy;
    expect(p).toMatchObject({ threshold: 15, allowCsv: false, idleLockMinutes: 10 });
  });

  it('a second file that is missing or invalid blocks every output instead of giving the defaults', () => {
    const system = file('sys-t20.json', { threshold: 20, forbidCsv: true });
    for (const extra of [path.join(dir, 'nonexistent.json'), file('bad.json', '{ threshold'), file('typo.json', { treshold: 2 })]) {
      const read = readAdminPolicy(sources(system, extra));
      expect(read.error).toMatch(/VERHUIS_POLICY_FILE/);
      // The administrator's settings still hold for what is shown (idle lock, preview).
      expect(activePolicy(null, read).policy).toMatchObject({ threshold: 20, allowCsv: false });
    }
  });

  it('the second file cannot set site settings (data folder, site key)', () => {
    const system = file('sys-empty.json', {});
    const extra = file('extra-site.json', { dataDir: dir });
    expect(readAdminPolicy(sources(system, extra)).error).toMatch(/VERHUIS_POLICY_FILE/);
  });

  it('a release build ignores VERHUIS_POLICY_FILE unless the administrator allows it', () => {
    const system = file('sys-release.json', { threshold: 20 });
    const missing = path.join(dir, 'missing.json');
    expect(readAdminPolicy(sources(system, missing, true)).error).toBeNull();
    expect(readAdminPolicy(sources(system, missing, true)).extraFile).toBeNull();
    const allowing = file('sys-allow.json', { threshold: 20, allowPolicyFileVariable: true });
    expect(readAdminPolicy(sources(allowing, missing, true)).error).toMatch(/VERHUIS_POLICY_FILE/);
    const tighter = file('extra-25.json', { threshold: 25 });
    expect(activePolicy(null, readAdminPolicy(sources(allowing, tighter, true))).policy.threshold).toBe(25);
  });
});

describe('through the engine', () => {
  const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
  const DEF = { kind: 'state' as const, level: 'province' as const };
  const engines: TestEngine[] = [];
  afterEach(() => {
    for (const e of engines.splice(0)) e.dispose();
  });
  const engine = (policy: { systemFile: string; extraFile?: string }, dataDir?: string) => {
    const t = makeTestEngine({ policy: { extraFile: undefined, ...policy }, ...(dataDir ? { dataDir } : {}) });
    t.engine.state.session = exportSession();
    engines.push(t);
    return t;
  };

  it('VERHUIS_POLICY_FILE=/nonexistent gives POLICY_INVALID and no file, not CSV at the default threshold', async () => {
    const system = file('sys-csv.json', { threshold: 20, forbidCsv: true });
    const t = engine({ systemFile: system, extraFile: '/nonexistent/policy.json' });
    const target = path.join(dir, 'loosened.csv');
    const r = await t.call('export.matrix', { cohort: COHORT, definition: DEF, format: 'csv', path: target, language: 'nl' });
    expect(r.ok ? null : r.error.code).toBe('POLICY_INVALID');
    expect(existsSync(target)).toBe(false);
  });

  it('the user panel cannot loosen any setting of the administrator', async () => {
    const system = file('sys-user.json', { threshold: 20, forceRounding: true, zerosUnsafe: true, forbidCsv: true, idleLockMinutes: 5 });
    const t = engine({ systemFile: system });
    const p = await t.value('disclosure.setUserPolicy', { user: { threshold: 2, method: 'suppression', roundingBase: 3, zerosUnsafe: false, allowCsv: true, idleLockMinutes: 240 } });
    expect(p.policy).toMatchObject({ threshold: 20, method: 'rounding', roundingBase: 5, zerosUnsafe: true, allowCsv: false, idleLockMinutes: 5 });
  });

  it('a fresh data folder changes nothing: the same policy, and a pinned data folder wins over the host\'s', async () => {
    const pinned = makeTempDir('vv-pinned-');
    const system = file('sys-pinned.json', { threshold: 20, dataDir: pinned });
    const a = engine({ systemFile: system }, makeTempDir('vv-fresh-a-'));
    const b = engine({ systemFile: system }, makeTempDir('vv-fresh-b-'));
    expect(a.engine.state.config.dataDir).toBe(pinned);
    expect(b.engine.state.config.dataDir).toBe(pinned);
    expect((await a.value('disclosure.policy', {})).policy).toEqual((await b.value('disclosure.policy', {})).policy);
    expect(workspacePath(b.engine.state.config.dataDir, 'x').startsWith(pinned)).toBe(true);
  });
});
