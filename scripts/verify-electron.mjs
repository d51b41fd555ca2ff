// `npm run verify:electron`: the check a build host runs before handing out an installer.
//   1. the whole end-to-end suite in real Electron (VERHUIS_E2E_SHELL=electron);
//   2. `npm run dist -- --linux AppImage`;
//   3. a smoke test of that AppImage (tests/packaged): demo, matrix, export, audit entry.
// Under xvfb when there is no display. Each step's output goes to artifacts/verify-electron/;
// the command prints one summary line and exits non-zero on any failure, or at once (one
// line) where it cannot run: no Linux, no Electron binary, no display and no xvfb-run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronHeadersDir, preflight, summaryLine, testCounts } from './verify-electron/plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const logDir = path.join(root, 'artifacts', 'verify-electron');
const UNDER_XVFB = 'VERHUIS_VERIFY_UNDER_XVFB';

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function which(command) {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Runs a command with its output in a log file; returns its exit status. */
function step(name, command, args, env = {}) {
  mkdirSync(logDir, { recursive: true });
  const log = path.join(logDir, `${name}.log`);
  const fd = openSync(log, 'w');
  const r = spawnSync(command, args, { cwd: root, stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
  closeSync(fd);
  return { ok: r.status === 0, log: path.relative(root, log) };
}

const readCounts = (file) => (existsSync(file) ? testCounts(JSON.parse(readFileSync(file, 'utf8'))) : null);

function main() {
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const headersDir = electronHeadersDir(process.env, os.homedir());
  const check = preflight({
    platform: process.platform,
    binary: electronBinary(),
    electronVersion,
    headersDir,
    headersPresent: existsSync(path.join(headersDir, electronVersion, 'include', 'node', 'node.h')),
    display: process.env.DISPLAY,
    xvfbRun: which('xvfb-run'),
  });
  if (!check.ok) {
    console.log(check.line);
    return 1;
  }
  if (check.needsXvfb && !process.env[UNDER_XVFB]) {
    // Again, under a virtual display: Electron's windows, clipboard and dialogs need an X server.
    const r = spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1920x1080x24', process.execPath, fileURLToPath(import.meta.url)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, [UNDER_XVFB]: '1' },
    });
    return r.status ?? 1;
  }

  const results = path.join(root, 'artifacts', 'test-results');
  rmSync(path.join(results, 'e2e.json'), { force: true });
  rmSync(path.join(results, 'packaged.json'), { force: true });

  const e2eRun = step('e2e-electron', 'npm', ['run', 'test:e2e'], { VERHUIS_E2E_SHELL: 'electron' });
  const e2e = readCounts(path.join(results, 'e2e.json'));
  if (!e2eRun.ok || !e2e || e2e.failed > 0) {
    console.log(summaryLine({ e2e, failedAt: 'e2e', log: e2eRun.log }));
    return 1;
  }

  const started = Date.now();
  const dist = step('dist-appimage', 'npm', ['run', 'dist', '--', '--linux', 'AppImage']);
  const releaseDir = path.join(root, 'release');
  const built = existsSync(releaseDir)
    ? readdirSync(releaseDir)
        .filter((f) => f.endsWith('.AppImage'))
        .map((f) => path.join(releaseDir, f))
        .filter((f) => statSync(f).mtimeMs >= started - 1000)
    : [];
  if (!dist.ok || built.length !== 1) {
    console.log(summaryLine({ e2e, failedAt: 'dist', log: dist.log }));
    return 1;
  }
  const file = built[0];
  const appImage = { file, bytes: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') };

  const smokeRun = step(
    'appimage-smoke',
    'npx',
    ['vitest', 'run', '--config', 'tests/packaged/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'packaged.json')}`],
    { VERHUIS_APPIMAGE: file },
  );
  const smoke = readCounts(path.join(results, 'packaged.json'));
  if (!smokeRun.ok || !smoke || smoke.failed > 0 || smoke.passed === 0) {
    console.log(summaryLine({ e2e, appImage, smoke, failedAt: 'smoke', log: smokeRun.log }));
    return 1;
  }
  console.log(summaryLine({ e2e, appImage, smoke }));
  return 0;
}

process.exit(main());
