import { describe, expect, it, vi } from 'vitest';
import { lockDownSession } from '../../electron/main/session-lockdown';
import type { SessionLike } from '../../electron/main/electron-like';
import { cancellableEvent } from './fakes';

function fakeSession() {
  let beforeRequest: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0] | null = null;
  let permissionRequest: Parameters<SessionLike['setPermissionRequestHandler']>[0] | null = null;
  let permissionCheck: Parameters<SessionLike['setPermissionCheckHandler']>[0] | null = null;
  const sessionEvents = new Map<string, (e: { preventDefault(): void }) => void>();
  const session: SessionLike = {
    webRequest: { onBeforeRequest: (l) => void (beforeRequest = l) },
    setPermissionRequestHandler: (h) => void (permissionRequest = h),
    setPermissionCheckHandler: (h) => void (permissionCheck = h),
    on: (event, l) => sessionEvents.set(event, l),
  };
  const cancelled = (url: string) => {
    let answer: { cancel?: boolean } | undefined;
    beforeRequest!({ url }, (r) => (answer = r));
    return answer!.cancel === true;
  };
  return { session, cancelled, permissionRequest: () => permissionRequest!, permissionCheck: () => permissionCheck!, sessionEvents };
}

describe('session lockdown', () => {
  it.each([
    'http://example.org/',
    'https://example.org/tiles.json',
    'https://verhuisverkenner.invalid/',
    'ws://localhost:8080/',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'chrome-extension://abc/page.html',
    'devtools://devtools/bundled/inspector.html',
    'gopher://example.org/',
  ])('cancels %s in a packaged build', (url) => {
    const f = fakeSession();
    const onBlocked = vi.fn();
    lockDownSession(f.session, { isPackaged: true, onBlocked });
    expect(f.cancelled(url)).toBe(true);
    expect(onBlocked).toHaveBeenCalledWith(url.split(':')[0]);
  });

  it.each(['app://verhuisverkenner/index.html', 'app://verhuisverkenner/assets/app.js', 'data:image/png;base64,AAAA', 'blob:app://verhuisverkenner/1234'])(
    'lets %s through',
    (url) => {
      const f = fakeSession();
      lockDownSession(f.session, { isPackaged: true });
      expect(f.cancelled(url)).toBe(false);
    },
  );

  it('lets devtools load only in unpackaged builds', () => {
    const f = fakeSession();
    lockDownSession(f.session, { isPackaged: false });
    expect(f.cancelled('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(f.cancelled('https://example.org/')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const f = fakeSession();
    lockDownSession(f.session, { isPackaged: true });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      f.permissionRequest()({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(f.permissionCheck()({}, permission)).toBe(false);
    }
  });

  it('cancels downloads', () => {
    const f = fakeSession();
    lockDownSession(f.session, { isPackaged: true });
    const event = cancellableEvent();
    f.sessionEvents.get('will-download')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
