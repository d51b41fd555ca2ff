import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/csp';
import { appProtocolHandler, handleAppProtocol, registerAppScheme } from '../../electron/main/app-protocol';

const root = mkdtempSync(path.join(os.tmpdir(), 'vv-proto-'));
const rendererDir = path.join(root, 'renderer');
mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const handler = appProtocolHandler(rendererDir);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('registers app:// as a standard, secure scheme (a real origin, not file://)', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.lastCall!;
    expect(schemes).toHaveLength(1);
    expect(schemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(schemes[0].privileges.bypassCSP).toBeFalsy();
  });

  it('handles the app scheme with protocol.handle', () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves index.html with the strict CSP header', async () => {
    const res = await get('app://verhuisverkenner/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('id="root"');
    // A route of the single-page app also gets the page.
    expect((await get('app://verhuisverkenner/')).status).toBe(200);
  });

  it('serves scripts with their type', async () => {
    const res = await get('app://verhuisverkenner/assets/app.js');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('CSP: scripts from self only, no eval, no plugins, no framing, connections to self only', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
  });

  it.each([
    'app://verhuisverkenner/..%2fsecret.txt',
    'app://verhuisverkenner/%2e%2e/secret.txt',
    'app://verhuisverkenner/%2e%2e%2fsecret.txt',
    'app://verhuisverkenner/assets/..%2f..%2fsecret.txt',
    'app://verhuisverkenner/..%5csecret.txt',
    'app://verhuisverkenner/%00index.html',
    `app://verhuisverkenner/${encodeURIComponent(path.join(root, 'secret.txt'))}`,
  ])('refuses path traversal: %s', async (url) => {
    const res = await get(url);
    expect(res.status).not.toBe(200);
    expect(await res.text()).not.toContain('TOP-SECRET');
  });

  it('refuses other hosts and non-GET requests, and 404s missing files', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(403);
    expect((await get('app://verhuisverkenner/index.html', 'POST')).status).toBe(403);
    expect((await get('app://verhuisverkenner/assets/missing.js')).status).toBe(404);
  });
});
