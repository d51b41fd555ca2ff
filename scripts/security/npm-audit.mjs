// `npm audit --omit=dev` against an allow-list: every high or critical advisory on a runtime
// dependency must be listed in audit-allowlist.json with a written reason, or the check fails.
//
//   node scripts/security/npm-audit.mjs [--json]
//
// npm audit needs the registry's advisory endpoint. Where it cannot be reached (offline
// build machine, a mirror without the audit API) the check reports "skipped" with the reason
// and exits 0; it does not pretend to have passed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ALLOWLIST_FILE = path.join(ROOT, 'scripts/security/audit-allowlist.json');
const BLOCKING = new Set(['high', 'critical']);
const MIN_REASON = 20;

/** The advisory id of a `via` entry: the GHSA id from its URL, or npm's numeric source. */
const advisoryId = (via) => /GHSA-[\w-]+/i.exec(String(via.url ?? ''))?.[0] ?? String(via.source);

/**
 * Compares `npm audit --json` output (auditReportVersion 2) with the allow-list.
 * Returns { status: 'passed' | 'failed' | 'skipped', reason?, blocking, allowed, unexplained, stale, invalidEntries }.
 */
export function evaluateAudit(audit, allowlist) {
  if (!audit || typeof audit !== 'object' || !audit.vulnerabilities) {
    const reason = audit?.error?.summary || audit?.message || audit?.error?.code || 'npm audit gave no report';
    return { status: 'skipped', reason: `npm audit could not run: ${reason}`, blocking: [], allowed: [], unexplained: [], stale: [], invalidEntries: [] };
  }
  const entries = Array.isArray(allowlist?.advisories) ? allowlist.advisories : [];
  const invalidEntries = entries.filter((e) => !e || typeof e.id !== 'string' || typeof e.reason !== 'string' || e.reason.trim().length < MIN_REASON);
  const valid = new Map(entries.filter((e) => !invalidEntries.includes(e)).map((e) => [e.id.toUpperCase(), e]));

  const blocking = new Map();
  for (const [pkg, vuln] of Object.entries(audit.vulnerabilities)) {
    for (const via of vuln.via ?? []) {
      if (typeof via !== 'object' || !BLOCKING.has(via.severity)) continue;
      const id = advisoryId(via);
      if (!blocking.has(id)) blocking.set(id, { id, package: via.name ?? pkg, severity: via.severity, title: via.title ?? '', url: via.url ?? '' });
    }
  }
  const list = [...blocking.values()];
  const allowed = list.filter((a) => valid.has(a.id.toUpperCase()));
  const unexplained = list.filter((a) => !valid.has(a.id.toUpperCase()));
  const stale = [...valid.keys()].filter((id) => !blocking.has(id) && ![...blocking.keys()].some((b) => b.toUpperCase() === id));
  const status = unexplained.length === 0 && invalidEntries.length === 0 ? 'passed' : 'failed';
  return { status, blocking: list, allowed, unexplained, stale, invalidEntries };
}

export function runNpmAudit(cwd = ROOT) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd, encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32' });
  if (r.error) return { error: { summary: r.error.message } };
  try {
    return JSON.parse(r.stdout);
  } catch {
    return { error: { summary: (r.stderr || 'unreadable output').split('\n').find((l) => l.trim()) ?? 'unreadable output' } };
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const allowlist = JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8'));
  const result = evaluateAudit(runNpmAudit(), allowlist);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    if (result.status === 'skipped') console.log(`npm audit: skipped (${result.reason})`);
    for (const a of result.allowed) console.log(`  [allowed] ${a.id} ${a.package} ${a.severity}: ${valid(a.id, allowlist)}`);
    for (const a of result.unexplained) console.log(`  [FAIL] ${a.id} ${a.package} ${a.severity}: ${a.title} ${a.url}`);
    for (const e of result.invalidEntries) console.log(`  [FAIL] allow-list entry without id or reason: ${JSON.stringify(e)}`);
    for (const id of result.stale) console.log(`  [stale] ${id} is allow-listed but no longer reported; remove it`);
    if (result.status !== 'skipped') console.log(`npm audit: ${result.status} (${result.blocking.length} high/critical advisories, ${result.allowed.length} allow-listed)`);
  }
  process.exitCode = result.status === 'failed' ? 1 : 0;
}

function valid(id, allowlist) {
  return allowlist.advisories.find((e) => e.id.toUpperCase() === id.toUpperCase())?.reason ?? '';
}
