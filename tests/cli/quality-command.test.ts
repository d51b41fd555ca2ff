import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUALITY_RULES } from '../../shared/quality/quality-rules';
import { makeExtract, makeTempDir } from '../support/make-extract';
import { cliRunner } from '../support/cli-runner';
import { QUALITY_REFERENCE_DATE, qualityFixtureRows } from '../support/quality-fixture';

/** The CLI's `quality` command on the crafted extract with every anomaly. */
const work = makeTempDir('vv-cli-quality-');
const made = makeExtract(path.join(work, 'quality.db'), { onlyGiven: true, rows: qualityFixtureRows(), meta: { reference_date: QUALITY_REFERENCE_DATE } });
const POLICY_FILE = path.join(work, 'empty-policy.json');
const runner = cliRunner('quality', { dataDir: path.join(work, 'data'), env: { VERHUIS_PASSPHRASE: made.passphrase, VERHUIS_POLICY_FILE: POLICY_FILE } });
const cli = (args: string[]) => runner.run(['quality', '--extract', made.path, ...args]);

beforeAll(async () => {
  writeFileSync(POLICY_FILE, '{}');
  await runner.build();
}, 120_000);
afterAll(() => runner.remove());

describe('quality command', () => {
  it('prints every check with its rule, exact counts from the threshold on and "< 10" below it', () => {
    const r = cli([]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const line = (label: string) => r.stdout.split('\n').find((l) => l.startsWith(label))!;
    expect(line(QUALITY_RULES.gap.label.nl)).toMatch(/\s13\s+13$/);
    expect(line(QUALITY_RULES.noDecision.label.nl)).toMatch(/\s11\s*$/);
    expect(line(QUALITY_RULES.overlap.label.nl)).toMatch(/< 10\s+< 10$/);
    for (const rule of Object.values(QUALITY_RULES)) {
      expect(r.stdout).toContain(rule.label.nl);
      expect(r.stdout).toContain(rule.rule.nl);
    }
    // No small count is printed.
    expect(r.stdout).not.toMatch(/\s[1-9]\s*$/m);
    const en = cli(['--lang', 'en']);
    expect(en.stdout).toContain(QUALITY_RULES.moveOnDecisionDay.rule.en);
  });

  it('--json gives the counts with "< T"', () => {
    const r = cli(['--json']);
    const json = JSON.parse(r.stdout) as { threshold: number; items: { check: string; persons: number | string; records: number | string | null }[] };
    expect(json.threshold).toBe(10);
    expect(json.items.find((i) => i.check === 'gap')).toEqual({ check: 'gap', persons: 13, records: 13 });
    expect(json.items.find((i) => i.check === 'deathWithoutRecord')).toEqual({ check: 'deathWithoutRecord', persons: '< 10', records: null });
  });

  it('--out writes the report with its proof and an audit entry that verifies', () => {
    const out = path.join(work, 'kwaliteit.csv');
    const r = cli(['--format', 'csv', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Uitvoerlogboek: #1/);
    expect(readFileSync(out, 'utf8')).toContain(`${QUALITY_RULES.gap.label.nl};13;13;`);
    const verify = runner.run(['audit', 'verify', '--extract', made.path, '--export', out]);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    const again = cli(['--format', 'csv', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^FILE_EXISTS: /);
    const usage = cli(['--format', 'pdf', '--out', out]);
    expect(usage.code).toBe(2);
  });
});
