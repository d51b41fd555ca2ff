import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronHeadersDir, preflight, summaryLine, testCounts } from '../../scripts/verify-electron/plan.mjs';
import { findElectronBinary } from '../e2e/support/electron-binary';
import { devToolsEndpoint, packagedArgs } from '../packaged/packaged-app';

const REPO = path.resolve(__dirname, '../..');
const ready = { platform: 'linux', binary: '/x/electron', electronVersion: '38.8.6', headersDir: '/home/u/.electron-gyp', headersPresent: true, display: ':0', xvfbRun: null };

describe('npm run verify:electron: can it run here', () => {
  it('runs with Electron and a display, or under xvfb without one', () => {
    expect(preflight(ready)).toEqual({ ok: true, needsXvfb: false });
    expect(preflight({ ...ready, display: undefined, xvfbRun: '/usr/bin/xvfb-run' })).toEqual({ ok: true, needsXvfb: true });
  });

  it('says in one line why not: no binary (and whether the headers are there), no display, not Linux', () => {
    const lines = [
      preflight({ ...ready, binary: null, headersPresent: false }),
      preflight({ ...ready, binary: null }),
      preflight({ ...ready, display: undefined }),
      preflight({ ...ready, platform: 'win32' }),
    ].map((r) => (r.ok ? '' : r.line));
    expect(lines[0]).toMatch(/^verify:electron: not run — Electron 38\.8\.6's binary is not installed here .* nor are its headers in \/home\/u\/\.electron-gyp/);
    expect(lines[1]).toMatch(/its headers are in \/home\/u\/\.electron-gyp/);
    expect(lines[2]).toMatch(/no display .* no xvfb-run/);
    expect(lines[3]).toMatch(/Linux AppImage, and this is win32/);
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('looks for the headers where node-gyp keeps them', () => {
    expect(electronHeadersDir({}, '/home/u')).toBe('/home/u/.electron-gyp');
    expect(electronHeadersDir({ npm_config_devdir: '/cache/gyp' }, '/home/u')).toBe('/cache/gyp');
  });
});

describe('npm run verify:electron: its summary line', () => {
  const e2e = testCounts({ numPassedTests: 38, numFailedTests: 0, numPendingTests: 5, numTodoTests: 0 });

  it('on success names the tests, the AppImage and its checksum', () => {
    const line = summaryLine({ e2e, appImage: { file: '/r/release/Verhuisverkenner-0.1.0.AppImage', bytes: 120 * 1024 * 1024, sha256: 'ab'.repeat(32) }, smoke: { passed: 1, failed: 0, skipped: 0 } });
    expect(line).toBe(
      'verify:electron: OK — e2e in Electron: 38 passed, 0 failed, 5 skipped; Verhuisverkenner-0.1.0.AppImage (120 MB, sha256 abababababababab…) built; packaged smoke (demo opened, matrix computed, exported, audit entry verified; --inspect and ELECTRON_RUN_AS_NODE refused): 1 passed, 0 failed, 0 skipped',
    );
  });

  it('on failure names the step and its log', () => {
    expect(summaryLine({ e2e: { passed: 30, failed: 2, skipped: 5 }, failedAt: 'e2e', log: 'artifacts/verify-electron/e2e-electron.log' })).toBe(
      'verify:electron: FAILED at e2e — e2e in Electron: 30 passed, 2 failed, 5 skipped; log: artifacts/verify-electron/e2e-electron.log',
    );
    expect(summaryLine({ e2e, failedAt: 'dist', log: 'x.log' })).toMatch(/FAILED at dist — .*; packaging; log: x\.log$/);
    expect(summaryLine({ e2e: null, failedAt: 'e2e', log: 'x.log' })).toMatch(/e2e in Electron: no report/);
  });
});

describe('the packaged smoke test\'s launch', () => {
  it('asks for a free debugging port (no --inspect: the fuses refuse it), no sandbox only as root', () => {
    expect(packagedArgs({ isRoot: false })).toEqual(['--remote-debugging-port=0']);
    expect(packagedArgs({ isRoot: true })).toEqual(['--remote-debugging-port=0', '--no-sandbox']);
  });

  it('reads the browser endpoint Chromium prints', () => {
    expect(devToolsEndpoint('[1:2:INFO] x\n\nDevTools listening on ws://127.0.0.1:40123/devtools/browser/3f1c-aa\n')).toBe('ws://127.0.0.1:40123/devtools/browser/3f1c-aa');
    expect(devToolsEndpoint('Fontconfig warning')).toBeNull();
  });
});

const binary = findElectronBinary();
const hasBinary = 'path' in binary;

describe('npm run verify:electron where Electron cannot be had', () => {
  it(`prints one line and exits non-zero${hasBinary ? ' — skipped: the Electron binary is installed here (the command would run the full check)' : ''}`, (context) => {
    if (hasBinary) {
      context.skip('the Electron binary is installed here');
      return;
    }
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'verify-electron.mjs')], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).not.toBe(0);
    const out = `${r.stdout}${r.stderr}`.trim();
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toMatch(/^verify:electron: not run — Electron \d+\.\d+\.\d+'s binary is not installed here/);
  });
});
