import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAdminPolicy, DEFAULT_POLICY, tightenPolicy, type UserPolicy } from '../../shared/disclosure/policy';
import { activePolicy, outputPolicy, policyFilePath, readAdminPolicy, type PolicySources } from '../../electron/engine/policy/policy-file';
import { makeTempDir } from '../support/make-extract';

const expectCode = (fn: () => unknown, code: string) => {
  try {
    fn();
  } catch (err) {
    expect((err as { code?: string }).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
};

/** The administrator's file at `file` and no second file. */
const only = (file: string): PolicySources => ({ systemFile: file, extraFile: undefined, release: false });

describe('disclosure policy', () => {
  it('finds the administrator\'s file at the documented path per OS', () => {
    expect(policyFilePath('linux')).toBe('/etc/verhuisverkenner/policy.json');
    expect(policyFilePath('win32', 'C:\\ProgramData')).toBe('C:\\ProgramData\\Verhuisverkenner\\policy.json');
    expect(policyFilePath('darwin')).toBe('/Library/Application Support/Verhuisverkenner/policy.json');
  });

  it('uses the defaults when there is no file', () => {
    const read = readAdminPolicy(only(path.join(makeTempDir(), 'none.json')));
    expect(read).toMatchObject({ file: null, admin: null, error: null });
    expect(activePolicy(null, read).policy).toEqual(DEFAULT_POLICY);
  });

  it('applies a valid file: higher T, forced rounding, no CSV', () => {
    const file = path.join(makeTempDir(), 'policy.json');
    writeFileSync(file, JSON.stringify({ threshold: 15, forceRounding: true, forbidCsv: true, idleLockMinutes: 5 }));
    const active = activePolicy({ method: 'suppression' }, readAdminPolicy(only(file)));
    expect(active.policy).toMatchObject({ threshold: 15, method: 'rounding', allowCsv: false, idleLockMinutes: 5 });
    expectCode(() => outputPolicy(active, 'csv'), 'EXPORT_FORBIDDEN');
    expect(outputPolicy(active, 'xlsx').threshold).toBe(15);
  });

  it('blocks every output when the file is invalid', () => {
    const dir = makeTempDir();
    for (const [name, text] of [['bad.json', '{ threshold: 15'], ['typo.json', '{"treshold": 15}'], ['low.json', '{"threshold": 1}']]) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      const active = activePolicy(null, readAdminPolicy(only(file)));
      expect(active.adminError).not.toBeNull();
      expectCode(() => outputPolicy(active, 'xlsx'), 'POLICY_INVALID');
    }
  });

  it('forbids export entirely when the administrator says so', () => {
    const file = path.join(makeTempDir(), 'policy.json');
    writeFileSync(file, JSON.stringify({ forbidExport: true }));
    expectCode(() => outputPolicy(activePolicy(null, readAdminPolicy(only(file))), 'xlsx'), 'EXPORT_FORBIDDEN');
  });

  it('lets the user tighten but never loosen (property)', () => {
    const admin = fc.record(
      {
        threshold: fc.integer({ min: 2, max: 50 }),
        forceRounding: fc.boolean(),
        roundingBase: fc.constantFrom(3 as const, 5 as const),
        zerosUnsafe: fc.boolean(),
        forbidCsv: fc.boolean(),
        forbidExport: fc.boolean(),
        idleLockMinutes: fc.integer({ min: 1, max: 240 }),
      },
      { requiredKeys: [] },
    );
    const user = fc.record(
      {
        threshold: fc.integer({ min: 2, max: 50 }),
        method: fc.constantFrom('suppression' as const, 'rounding' as const, 'perturbation' as const),
        roundingBase: fc.constantFrom(3 as const, 5 as const),
        zerosUnsafe: fc.boolean(),
        allowCsv: fc.boolean(),
        idleLockMinutes: fc.integer({ min: 1, max: 240 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(admin, user, (a, u: UserPolicy) => {
        const floor = applyAdminPolicy(DEFAULT_POLICY, a);
        const p = tightenPolicy(floor, u, a.forceRounding === true);
        expect(p.threshold).toBeGreaterThanOrEqual(Math.max(DEFAULT_POLICY.threshold, a.threshold ?? 0));
        if (a.forceRounding) expect(p.method).toBe('rounding');
        // Perturbation publishes true zeros: never in force while zeros are unsafe.
        if (p.zerosUnsafe) expect(p.method).not.toBe('perturbation');
        if (!a.forceRounding && !p.zerosUnsafe) expect(p.method).toBe(u.method ?? 'suppression');
        if (a.forbidCsv) expect(p.allowCsv).toBe(false);
        if (a.forbidExport) expect(p.allowExport).toBe(false);
        if (a.zerosUnsafe) expect(p.zerosUnsafe).toBe(true);
        expect(p.roundingBase).toBeGreaterThanOrEqual(floor.roundingBase);
        expect(p.idleLockMinutes).toBeLessThanOrEqual(floor.idleLockMinutes);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('lets the user choose perturbation; the administrator\'s forced rounding and unsafe zeros win over it', () => {
    const floor = applyAdminPolicy(DEFAULT_POLICY, null);
    expect(tightenPolicy(floor, { method: 'perturbation' }, false).method).toBe('perturbation');
    expect(tightenPolicy(applyAdminPolicy(DEFAULT_POLICY, { forceRounding: true }), { method: 'perturbation' }, true).method).toBe('rounding');
    expect(tightenPolicy(floor, { method: 'perturbation', zerosUnsafe: true }, false).method).toBe('suppression');
    expect(tightenPolicy(applyAdminPolicy(DEFAULT_POLICY, { zerosUnsafe: true }), { method: 'perturbation' }, false).method).toBe('suppression');
  });
});
