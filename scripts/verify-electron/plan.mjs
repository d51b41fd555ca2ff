// The pure parts of `npm run verify:electron`: whether it can run here, and its one summary line.
import path from 'node:path';

/**
 * Can the check run on this machine? It needs Linux (the AppImage), Electron's binary, and a
 * display or xvfb-run. Returns { ok: true, needsXvfb } or { ok: false, line } with the one line to print.
 */
export function preflight({ platform, binary, electronVersion, headersDir, headersPresent, display, xvfbRun }) {
  const prefix = 'verify:electron: not run —';
  if (platform !== 'linux') return { ok: false, line: `${prefix} it builds and starts a Linux AppImage, and this is ${platform}; run it on a Linux build host.` };
  if (!binary) {
    const headers = headersPresent ? `its headers are in ${headersDir}` : `nor are its headers in ${headersDir}`;
    return {
      ok: false,
      line: `${prefix} Electron ${electronVersion}'s binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or an offline install), ${headers}; see docs/secure-room.md, "Checking a build".`,
    };
  }
  if (!display && !xvfbRun) return { ok: false, line: `${prefix} no display ($DISPLAY unset) and no xvfb-run (Debian/Ubuntu: apt install xvfb).` };
  return { ok: true, needsXvfb: !display };
}

/** Where node-gyp keeps Electron's headers (what the native module's rebuild needs). */
export function electronHeadersDir(env, home) {
  return env.npm_config_devdir || path.join(home, '.electron-gyp');
}

/** Passed/failed/skipped from a vitest JSON report. */
export function testCounts(report) {
  if (!report || typeof report !== 'object') return null;
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

const counts = (c) => (c ? `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : 'no report');

/**
 * The one line the command ends with. `result`: { e2e, appImage?: { file, bytes, sha256 }, smoke?, failedAt?, log? }.
 */
export function summaryLine(result) {
  const e2e = `e2e in Electron: ${counts(result.e2e)}`;
  if (result.failedAt) {
    const done = result.failedAt === 'e2e' ? e2e : `${e2e}; ${result.failedAt === 'dist' ? 'packaging' : `AppImage smoke: ${counts(result.smoke)}`}`;
    return `verify:electron: FAILED at ${result.failedAt} — ${done}; log: ${result.log}`;
  }
  const mb = (result.appImage.bytes / 1024 / 1024).toFixed(0);
  return `verify:electron: OK — ${e2e}; ${path.basename(result.appImage.file)} (${mb} MB, sha256 ${result.appImage.sha256.slice(0, 16)}…) built; packaged smoke (demo opened, matrix computed, exported, audit entry verified; --inspect and ELECTRON_RUN_AS_NODE refused): ${counts(result.smoke)}`;
}
