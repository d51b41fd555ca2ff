import type { BrowserContext, Route } from 'playwright-core';
import { SHELL_APP_ORIGIN, isOnOrigin } from '../host/app-origin';
import { serveRendererFile } from '../host/renderer-files';

/** A request the page tried to make outside the app origin; it was aborted. */
export interface BlockedRequest {
  url: string;
  method: string;
  resourceType: string;
}

/**
 * Serves the renderer build on the fake origin purely by interception: no HTTP server, no
 * open port. Every other request (any host, any scheme Chromium lets Playwright see,
 * WebSockets included) is aborted and recorded.
 */
export async function routeRenderer(context: BrowserContext, rendererDir: string, blocked: BlockedRequest[]): Promise<void> {
  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    const url = request.url();
    if (!isOnOrigin(url, SHELL_APP_ORIGIN) || request.method() !== 'GET') {
      blocked.push({ url, method: request.method(), resourceType: request.resourceType() });
      await route.abort('blockedbyclient');
      return;
    }
    const served = await serveRendererFile(rendererDir, url);
    await route.fulfill({ status: served.status, headers: served.headers, body: served.body });
  });
  await context.routeWebSocket(
    () => true,
    (ws) => {
      blocked.push({ url: ws.url(), method: 'GET', resourceType: 'websocket' });
      // Without connectToServer() nothing is dialled; closing refuses the socket.
      void ws.close({ code: 1008, reason: 'blocked' });
    },
  );
}
