import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { findElectronBinary } from './support/electron-binary';
import { REPO_ROOT, SCREENSHOT_DIR, assertBuilt } from './support/paths';

const electron = findElectronBinary();
const skipReason = 'path' in electron ? null : electron.reason;

describe('Electron smoke', () => {
  let app: ElectronApplication | null = null;
  afterAll(async () => {
    await app?.close();
  });

  it(`starts the packaged layout in Electron and shows the Open screen${skipReason ? ` — skipped: ${skipReason}` : ''}`, async (context) => {
    if (!('path' in electron)) {
      context.skip(electron.reason);
      return;
    }
    assertBuilt();
    app = await _electron.launch({
      executablePath: electron.path,
      args: [REPO_ROOT, '--no-auto-open', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: REPO_ROOT,
    });
    const page = await app.firstWindow();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    expect(page.url()).toMatch(/^app:\/\/verhuisverkenner\//);
    // The sandboxed page has no Node, and window.verhuis is exactly the contract.
    const probe = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { verhuis: Record<string, unknown> };
      const names = Object.entries(w.verhuis).flatMap(([ns, v]) => (typeof v === 'function' ? [ns] : Object.keys(v as object).map((fn) => `${ns}.${fn}`)));
      return { names, require: typeof w['require'], process: typeof w['process'] };
    });
    expect(probe.names.sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
    // Remote requests never load: the session cancels them.
    const remote = await page.evaluate(() => fetch('https://example.org/').then(() => 'loaded', () => 'refused'));
    expect(remote).toBe('refused');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'electron-smoke.png') });
    expect(consoleErrors.filter((e) => !e.includes('example.org'))).toEqual([]);
  });
});
