import { APP_HOST, APP_SCHEME } from '../host/app-origin';
import { serveRendererFile } from '../host/renderer-files';
import type { ProtocolLike } from './electron-like';

/**
 * Must run before `app.whenReady()`: app:// becomes a standard, secure scheme, so the
 * renderer has a real origin ('self' in the CSP, fetch of its own files) without file://.
 */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * The app:// handler: serves files from the renderer build only (path traversal refused),
 * only for the app host and only GET, with the CSP header on HTML.
 */
export function appProtocolHandler(rendererDir: string, read?: (file: string) => Promise<Buffer>) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response(null, { status: 403 });
    const served = await serveRendererFile(rendererDir, request.url, read);
    return new Response(served.status === 200 ? new Uint8Array(served.body) : null, { status: served.status, headers: served.headers });
  };
}

export function handleAppProtocol(protocol: Pick<ProtocolLike, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
}
