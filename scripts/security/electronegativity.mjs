// Runs electronegativity (Doyensec's Electron security linter) on the app's sources, offline,
// and fails on every finding of MEDIUM severity or above that is not justified inline.
//
//   node scripts/security/electronegativity.mjs [--json] [--root <dir>]
//
// --root scans another tree laid out like this repo (the tests use it on planted fixtures).
//
// Justification convention: on the flagged line or up to three lines above it,
//   // electronegativity-justified: <CHECK_ID> <reason, at least a few words>
// Global findings (no line) are justified by such a comment anywhere in the scanned sources.
// The tool's own `eng-disable` comments are not accepted: they hide a finding without a reason.
//
// Electronegativity exits 0 whatever it finds and makes network calls (translations from S3,
// Electron's release list from GitHub). Here its HTTP client is replaced by one that always
// fails, every socket is refused (./no-network.mjs), and the release check
// (AvailableSecurityFixesGlobalCheck) is excluded. The run reports any attempt it made.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockNetwork, networkAttempts } from './no-network.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rootArg = process.argv.indexOf('--root');
const ROOT = rootArg > 0 ? path.resolve(process.argv[rootArg + 1]) : REPO;
const require = createRequire(import.meta.url);
const asJson = process.argv.includes('--json');

/** What is scanned: the Electron side, the renderer, the built renderer page, and package.json. */
const SOURCES = ['electron', 'renderer', 'dist/renderer', 'package.json'];
const SCANNED_EXT = /\.(ts|tsx|js|jsx|html|htm)$/;
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const MIN_SEVERITY = 2; // MEDIUM
const JUSTIFIED = /electronegativity-justified:\s*([A-Z0-9_]+)\s+(\S.{9,})/;

// 1. No network: the tool's HTTP client always fails; anything else that tries is refused and counted.
let stubbedRequests = 0;
const noRequest = () => {
  stubbedRequests += 1;
  return Promise.reject(new Error('network disabled'));
};
const gotStub = Object.assign(noRequest, { head: noRequest, get: noRequest });
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got') return gotStub;
  return originalLoad.call(this, request, parent, isMain);
};
blockNetwork();

// 2. Stage the sources in a temp folder (the tool only reads .js/.ts/.html, not .cjs/.mjs, and
//    would otherwise also walk tests and scripts).
const stage = mkdtempSync(path.join(os.tmpdir(), 'vv-electronegativity-'));
const staged = [];
function stageTree(rel) {
  const src = path.join(ROOT, rel);
  if (!existsSync(src)) return;
  if (statSync(src).isFile()) {
    cpSync(src, path.join(stage, rel));
    staged.push(rel);
    return;
  }
  for (const name of readdirSync(src)) {
    if (name === 'node_modules') continue;
    const child = path.join(rel, name);
    if (statSync(path.join(ROOT, child)).isDirectory()) stageTree(child);
    else if (SCANNED_EXT.test(name)) {
      cpSync(path.join(ROOT, child), path.join(stage, child));
      staged.push(child);
    }
  }
}
SOURCES.forEach(stageTree);

// 3. Run it programmatically (its console chatter is kept out of our output).
const run = require('@doyensec/electronegativity');
const electronVersion = JSON.parse(readFileSync(path.join(REPO, 'node_modules/electron/package.json'), 'utf8')).version;
const quiet = { log: console.log, warn: console.warn, info: console.info };
console.log = console.warn = console.info = () => {};
let result;
try {
  result = await (run.default ?? run)({
    input: stage,
    isRelative: true,
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: electronVersion,
    severitySet: 'informational',
    confidenceSet: 'tentative',
  });
} finally {
  Object.assign(console, quiet);
  rmSync(stage, { recursive: true, force: true });
}

// 4. Justifications.
const linesOf = new Map();
const sourceLines = (rel) => {
  if (!linesOf.has(rel)) linesOf.set(rel, existsSync(path.join(ROOT, rel)) ? readFileSync(path.join(ROOT, rel), 'utf8').split('\n') : []);
  return linesOf.get(rel);
};
const anywhere = new Map();
const suppressions = [];
for (const rel of staged) {
  sourceLines(rel).forEach((text, i) => {
    const m = JUSTIFIED.exec(text);
    if (m && !anywhere.has(m[1])) anywhere.set(m[1], { file: rel, line: i + 1, reason: m[2].trim() });
    if (/eng-disable/.test(text)) suppressions.push({ file: rel, line: i + 1 });
  });
}

function justification(issue) {
  const rel = issue.file;
  const line = issue.location?.line ?? 0;
  if (!rel || rel === 'N/A' || line < 1) return anywhere.get(issue.id) ?? null;
  const lines = sourceLines(rel);
  for (let i = line - 1; i >= Math.max(0, line - 4); i--) {
    const m = JUSTIFIED.exec(lines[i] ?? '');
    if (m && m[1] === issue.id) return { file: rel, line: i + 1, reason: m[2].trim() };
  }
  return null;
}

const findings = result.issues.map((issue) => {
  const j = justification(issue);
  return {
    id: issue.id,
    severity: issue.severity.name,
    severityValue: issue.severity.value,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location?.line ?? 0,
    sample: String(issue.sample ?? '').slice(0, 160),
    description: issue.description,
    justified: j !== null,
    reason: j?.reason ?? null,
  };
});
const unjustified = findings.filter((f) => f.severityValue >= MIN_SEVERITY && !f.justified);
const parseErrors = result.errors.filter((e) => !e.tolerable);
const report = {
  electronVersion,
  filesScanned: staged.length,
  globalChecks: result.globalChecks,
  atomicChecks: result.atomicChecks,
  excludedChecks: EXCLUDED_CHECKS,
  parseErrors,
  findings,
  unjustified,
  suppressions,
  networkAttempts,
  /** Requests the tool asked its (stubbed) HTTP client for; none left the process. */
  stubbedRequests,
  passed: unjustified.length === 0 && suppressions.length === 0 && networkAttempts.length === 0 && parseErrors.length === 0,
};

if (asJson) process.stdout.write(`${JSON.stringify(report)}\n`);
else {
  console.log(`electronegativity ${report.atomicChecks} atomic + ${report.globalChecks} global checks on ${report.filesScanned} files (Electron ${electronVersion}, offline)`);
  for (const f of findings) {
    const tag = f.severityValue < MIN_SEVERITY ? 'info' : f.justified ? 'justified' : 'FAIL';
    console.log(`  [${tag}] ${f.id} ${f.severity}/${f.confidence} ${f.file}:${f.line}${f.reason ? ` — ${f.reason}` : ''}`);
  }
  for (const s of suppressions) console.log(`  [FAIL] eng-disable comment at ${s.file}:${s.line}: use "electronegativity-justified: <CHECK_ID> <reason>"`);
  for (const e of parseErrors) console.log(`  [FAIL] could not parse ${e.file}: ${e.message}`);
  if (networkAttempts.length) console.log(`  [FAIL] network attempts: ${networkAttempts.join(', ')}`);
  console.log(report.passed ? 'electronegativity: passed' : `electronegativity: ${unjustified.length} unjustified finding(s) of MEDIUM or above`);
}
process.exitCode = report.passed ? 0 : 1;
