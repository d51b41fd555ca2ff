import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/test-engine';

/**
 * Issue 7.5: electronegativity on the app's sources, offline, failing on any finding of
 * MEDIUM severity or above that has no inline justification
 * (`// electronegativity-justified: <CHECK_ID> <reason>`).
 */
const SCRIPT = path.join(REPO_ROOT, 'scripts/security/electronegativity.mjs');

interface Finding {
  id: string;
  severity: string;
  severityValue: number;
  file: string;
  line: number;
  justified: boolean;
  reason: string | null;
}
interface Report {
  filesScanned: number;
  atomicChecks: number;
  globalChecks: number;
  excludedChecks: string[];
  findings: Finding[];
  unjustified: Finding[];
  suppressions: { file: string; line: number }[];
  networkAttempts: string[];
  parseErrors: { file: string; message: string }[];
  passed: boolean;
}

function scan(root?: string): Report {
  const args = [SCRIPT, '--json', ...(root ? ['--root', root] : [])];
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, LANG: 'en-US' } });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (!line.startsWith('{')) throw new Error(`electronegativity produced no report: ${r.stderr}`);
  const report = JSON.parse(line) as Report;
  expect(r.status).toBe(report.passed ? 0 : 1);
  return report;
}

const fixtures: string[] = [];
afterAll(() => fixtures.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A tiny app tree with a main process file. */
function fixture(mainSource: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'vv-eng-fixture-'));
  fixtures.push(root);
  mkdirSync(path.join(root, 'electron/main'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'fixture', devDependencies: { electron: '^38.0.0' } }));
  writeFileSync(path.join(root, 'electron/main/main.ts'), mainSource);
  return root;
}

const INSECURE_WINDOW = (prefix: string) => `import { BrowserWindow } from 'electron';
export function open() {
${prefix}  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
  return win;
}
`;

describe('electronegativity', () => {
  it('finds no unjustified finding of MEDIUM or above in the app, and makes no network request', () => {
    const report = scan();
    const summary = report.unjustified.map((f) => `${f.id} ${f.severity} ${f.file}:${f.line}`);
    expect(summary).toEqual([]);
    expect(report.suppressions).toEqual([]);
    expect(report.parseErrors).toEqual([]);
    expect(report.networkAttempts).toEqual([]);
    expect(report.excludedChecks).toContain('AvailableSecurityFixesGlobalCheck');
    expect(report.atomicChecks).toBeGreaterThan(30);
    expect(report.filesScanned).toBeGreaterThan(10);
    expect(report.passed).toBe(true);
  });

  it('fails on an insecure window (planted), and accepts it only with an inline reason per check', () => {
    const bad = scan(fixture(INSECURE_WINDOW('')));
    expect(bad.passed).toBe(false);
    const ids = bad.unjustified.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));

    // Every finding justified: line findings right above the line, global ones anywhere.
    const justifiedPrefix = [...new Set(bad.unjustified.map((f) => f.id))]
      .map((id) => `  // electronegativity-justified: ${id} fixture only, this window never loads remote content\n`)
      .join('');
    const justified = scan(fixture(INSECURE_WINDOW(justifiedPrefix)));
    expect(justified.unjustified).toEqual([]);
    expect(justified.passed).toBe(true);
    expect(justified.findings.find((f) => f.id === 'CONTEXT_ISOLATION_JS_CHECK')?.reason).toMatch(/fixture only/);
    // A reason is required: a bare check name does not count.
    const bare = scan(fixture(INSECURE_WINDOW('  // electronegativity-justified: CONTEXT_ISOLATION_JS_CHECK\n')));
    expect(bare.unjustified.map((f) => f.id)).toContain('CONTEXT_ISOLATION_JS_CHECK');
  });

  it("rejects the tool's own eng-disable comments, which hide a finding without a reason", () => {
    const report = scan(fixture(INSECURE_WINDOW('  // eng-disable NODE_INTEGRATION_JS_CHECK CONTEXT_ISOLATION_JS_CHECK\n')));
    expect(report.suppressions).toHaveLength(1);
    expect(report.passed).toBe(false);
  });

  it('the network guard refuses sockets, DNS, HTTP and fetch', () => {
    const probe = `
      import { blockNetwork, networkAttempts } from ${JSON.stringify(path.join(REPO_ROOT, 'scripts/security/no-network.mjs'))};
      import http from 'node:http'; import net from 'node:net'; import dns from 'node:dns';
      blockNetwork();
      const tries = [() => http.get('http://example.com'), () => net.connect(80, 'example.com'), () => dns.lookup('example.com', () => {}), () => fetch('https://example.com')];
      let refused = 0;
      for (const t of tries) { try { t(); } catch { refused++; } }
      console.log(JSON.stringify({ refused, attempts: networkAttempts.length }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ refused: 4, attempts: 4 });
  });
});
