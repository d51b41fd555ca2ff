import { describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../electron/chromium-shell/chromium-flags';
import { parseShellArgs } from '../../electron/chromium-shell/shell-args';
import { isOnOrigin, SHELL_APP_ORIGIN } from '../../electron/host/app-origin';

describe('Chromium shell configuration', () => {
  it('turns Chromium background networking off and the sandbox off only for root', () => {
    const user = chromiumArgs({ isRoot: false });
    for (const flag of ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']) {
      expect(user).toContain(flag);
    }
    expect(user).not.toContain('--no-sandbox');
    expect(chromiumArgs({ isRoot: true })).toContain('--no-sandbox');
  });

  it('parses its options and refuses unknown ones', () => {
    const args = parseShellArgs(['--headless', '--extract', 'x.db', '--no-auto-open', '--screenshot', 'shot.png']);
    expect(args).toMatchObject({ headless: true, autoOpenDemo: false });
    expect(args.extract).toMatch(/x\.db$/);
    expect(args.screenshot).toMatch(/shot\.png$/);
    expect(parseShellArgs([]).autoOpenDemo).toBe(true);
    expect(() => parseShellArgs(['--remote-debugging-port=9222'])).toThrow(/unknown option/);
    expect(() => parseShellArgs(['--extract'])).toThrow(/needs a value/);
  });

  it('recognises the fake app origin and nothing near it', () => {
    expect(isOnOrigin(`${SHELL_APP_ORIGIN}/assets/a.js`, SHELL_APP_ORIGIN)).toBe(true);
    for (const url of ['http://verhuisverkenner.invalid/', 'https://verhuisverkenner.invalid.evil.org/', 'https://evil.org/?https://verhuisverkenner.invalid/', 'https://verhuisverkenner.invalid:8443/', 'not a url']) {
      expect(isOnOrigin(url, SHELL_APP_ORIGIN), url).toBe(false);
    }
  });
});
