import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { onlyIn, useApp } from './support/shell-harness';

/**
 * What only Electron has: the app:// protocol handler, the sandboxed preload exposing exactly
 * the contract to the main frame only, main's validation and the session lockdown, with the
 * engine worker behind them. (The IPC sender check itself cannot be reached from a page, which
 * has no other way to IPC; it is unit-tested.) The rest of the suite runs in Electron as well
 * when VERHUIS_E2E_SHELL=electron.
 */
const skipReason = onlyIn('electron', 'main, preload and app:// exist only there; run with VERHUIS_E2E_SHELL=electron');

describe.skipIf(skipReason !== null)(`Electron smoke${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const app = useApp();

  it('serves the renderer from app:// and shows the Open screen', async () => {
    const { page } = app();
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    expect(page.url()).toMatch(/^app:\/\/verhuisverkenner\//);
  });

  it('the sandboxed page has no Node, and window.verhuis is exactly the contract, answered by the engine', async () => {
    const { page } = app();
    const probe = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { verhuis: Record<string, unknown> };
      const names = Object.entries(w.verhuis).flatMap(([ns, v]) => (typeof v === 'function' ? [ns] : Object.keys(v as object).map((fn) => `${ns}.${fn}`)));
      return { names, require: typeof w['require'], process: typeof w['process'] };
    });
    expect(probe.names.sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
    const info = await page.evaluate(() => (window as unknown as { verhuis: { app: { info(r: object): Promise<unknown> } } }).verhuis.app.info({}));
    expect(info).toMatchObject({ ok: true, value: { name: 'Verhuisverkenner' } });
    // Main validates before relaying: a malformed request never reaches the engine.
    const invalid = await page.evaluate(() =>
      (window as unknown as { verhuis: { extract: { open(r: unknown): Promise<unknown> } } }).verhuis.extract.open({ path: 42 }),
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('a child frame gets no API from the preload', async () => {
    const { page } = app();
    const seen = await page.evaluate(async () => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>child</p>';
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const api = typeof (frame.contentWindow as unknown as { verhuis?: unknown }).verhuis;
      frame.remove();
      return api;
    });
    expect(seen).toBe('undefined');
  });

  it('cancels a request to another host in main, and main recorded it', async () => {
    const shell = app();
    const remote = await shell.page.evaluate(() => fetch('https://example.org/').then(() => 'loaded', () => 'refused'));
    expect(remote).toBe('refused');
    // The CSP refuses it in the page already; whatever got through to the session is recorded and cancelled.
    const seen = await shell.requestsOutsideApp();
    expect(seen.every((r) => r.url.startsWith('https://example.org/'))).toBe(true);
    // This test's own probe; anything else fails the after-each check.
    await shell.forgetRequests();
    shell.consoleErrors.splice(0, shell.consoleErrors.length, ...shell.consoleErrors.filter((e) => !/example\.org|Content Security Policy/.test(e)));
  });
});
