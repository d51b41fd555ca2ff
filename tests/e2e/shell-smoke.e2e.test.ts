import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { onlyIn, useApp } from './support/shell-harness';

// The Chromium shell's own machinery (fake origin, exposeBinding, route interception); Electron's
// counterparts are checked in electron-smoke.e2e.test.ts.
const skipReason = onlyIn('chromium', 'its fake origin, page binding and request interception');

describe.skipIf(skipReason !== null)(`Chromium shell${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  const app = useApp();

  it('shows the Open-extract screen on the fake app origin', async () => {
    const { page } = app();
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    expect(page.url()).toMatch(/^https:\/\/verhuisverkenner\.invalid\//);
  });

  it('binds exactly the contract methods on window.verhuis, answered by the engine worker', async () => {
    const { page } = app();
    const names = await page.evaluate(() => {
      const api = (window as unknown as { verhuis: Record<string, unknown> }).verhuis;
      return Object.entries(api).flatMap(([ns, v]) => (typeof v === 'function' ? [ns] : Object.keys(v as object).map((fn) => `${ns}.${fn}`)));
    });
    expect(names.sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    const info = await page.evaluate(() => (window as unknown as { verhuis: { app: { info(r: object): Promise<unknown> } } }).verhuis.app.info({}));
    expect(info).toMatchObject({ ok: true, value: { name: 'Verhuisverkenner', engine: 'idle' } });
    const invalid = await page.evaluate(() =>
      (window as unknown as { verhuis: { extract: { open(r: unknown): Promise<unknown> } } }).verhuis.extract.open({ path: 42 }),
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('refuses calls from a frame other than the main frame', async () => {
    const { page } = app();
    const code = await page.evaluate(async () => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>child</p>';
      document.body.append(frame);
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const child = frame.contentWindow as unknown as Record<string, (m: string, r: unknown) => Promise<{ error?: { code: string } }>>;
      const result = await child['__verhuisCall']!('app.info', {});
      frame.remove();
      return result.error?.code ?? 'ok';
    });
    expect(code).toBe('FORBIDDEN_SENDER');
  });

  it('aborts and records every request that leaves the app origin', async () => {
    const shell = app();
    // A second page without the app's CSP, so the probes reach the interception layer.
    const other = await shell.context.newPage();
    try {
      await other.evaluate(() => {
        new WebSocket('wss://example.org/socket');
        new Image().src = 'http://example.com/pixel.png';
      });
      await expect(other.goto('https://example.org/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
      await expect
        .poll(async () => (await shell.requestsOutsideApp()).map((r) => r.url).sort())
        .toEqual(['http://example.com/pixel.png', 'https://example.org/', 'wss://example.org/socket']);
    } finally {
      await other.close();
    }
    // They were this test's own probes; anything else fails the after-each check.
    await shell.forgetRequests();
  });

  it('the app page itself cannot connect out: its CSP refuses fetch', async () => {
    const shell = app();
    const outcome = await shell.page.evaluate(() =>
      fetch('https://example.org/data.json').then(
        () => 'fetched',
        () => 'refused',
      ),
    );
    expect(outcome).toBe('refused');
    expect(shell.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
    shell.consoleErrors.length = 0;
  });
});
