import { ELECTRON_APP_ORIGIN, isOnOrigin } from '../host/app-origin';
import type { SessionLike } from './electron-like';
import type { RecordedRequest } from './test-switches';

/**
 * Which URLs the renderer may load: its own app:// origin, and data:/blob: URLs (images the
 * page builds itself, e.g. a chart's PNG export; they never leave the machine). devtools: only
 * in unpackaged builds. Everything else — http, https, ws, wss, ftp, file, other app hosts,
 * chrome-extension — is cancelled.
 */
export function isAllowedRequest(url: string, options: { isPackaged: boolean }): boolean {
  if (isOnOrigin(url, ELECTRON_APP_ORIGIN)) return true;
  const scheme = url.slice(0, Math.max(0, url.indexOf(':'))).toLowerCase();
  if (scheme === 'data' || scheme === 'blob') return true;
  return scheme === 'devtools' && !options.isPackaged;
}

/** Network, permission and download lockdown of the renderer's session. */
export function lockDownSession(
  session: SessionLike,
  options: { isPackaged: boolean; onBlocked?: (scheme: string) => void; onRequest?: (request: RecordedRequest) => void },
): void {
  // A session has one onBeforeRequest listener (a second replaces the first): the test-only recorder rides on this one.
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, options);
    options.onRequest?.({ url: details.url, method: details.method ?? 'GET', resourceType: details.resourceType ?? 'other', allowed });
    // Log the scheme only: a URL could carry a file name or a query.
    if (!allowed) options.onBlocked?.(details.url.split(':')[0] ?? '');
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
