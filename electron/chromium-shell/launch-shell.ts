import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import pkg from '../../package.json';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { EngineEvent } from '../../shared/api/events';
import { startEngineWorker, type EngineClient } from '../engine-host/engine-client';
import { SHELL_APP_ORIGIN, isOnOrigin } from '../host/app-origin';
import { appPaths } from '../host/app-paths';
import { openDemoExtract } from '../host/demo-extract';
import { createHostHandlers, noDialogs, type HostDialogs } from '../host/host-handlers';
import { createRelay } from '../ipc/relay';
import { chromiumArgs, isRootUser } from './chromium-flags';
import { CALL_BINDING, EVENT_NAME } from './bridge-names';
import { routeRenderer, type BlockedRequest } from './shell-routing';
import { shellClipboard, type ShellClipboard } from './shell-clipboard';

export interface ShellOptions {
  /** Headless even when a display exists. Default: headless when $DISPLAY is unset. */
  headless?: boolean;
  /** Pre-fills the Open screen's path (passed to the page as ?extract=). */
  extract?: string;
  /** Open the bundled demo extract at start when no --extract is given (default true). */
  autoOpenDemo?: boolean;
  /** Engine data folder (settings, workspaces). Default: a fresh temporary folder removed on close. */
  dataDir?: string;
  /** Folder of the built bundles (dist/electron); default: the folder of this bundle. */
  distElectronDir?: string;
  resourcesDir?: string;
  executablePath?: string;
  viewport?: { width: number; height: number };
  appVersion?: string;
  /** The host's file dialogs. Default: none (the UI shows its path fields); the e2e suite injects a fake. */
  dialogs?: HostDialogs;
  /** Sees every call the page makes before it is relayed (the e2e suite records what the UI asked for). */
  onCall?: (method: unknown, request: unknown) => void;
}

export interface Shell {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  engine: EngineClient;
  /** Requests the page tried to make outside the app origin (all aborted). */
  requests: BlockedRequest[];
  /** Console errors and uncaught page errors. */
  consoleErrors: string[];
  /** The clipboard the host writes the protected table to (the page's, through the shell). */
  clipboard: ShellClipboard;
  close(): Promise<void>;
}

export const SHELL_ENTRY_URL = `${SHELL_APP_ORIGIN}/index.html`;

/**
 * Opens the real renderer in the system Chromium, served from a fake origin by request
 * interception, with `window.verhuis` bound to the same relay and engine worker as Electron.
 * Used by `npm run start:chromium` and by the end-to-end tests, so both take this one path.
 */
export async function launchShell(options: ShellOptions = {}): Promise<Shell> {
  const distElectronDir = options.distElectronDir ?? __dirname;
  const paths = appPaths(distElectronDir, options.resourcesDir);
  if (!existsSync(path.join(paths.rendererDir, 'index.html'))) throw new Error('the renderer is not built: run `npm run build:renderer`');
  const ownDataDir = options.dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'vv-shell-'));
  const dataDir = options.dataDir ?? ownDataDir!;
  const pageBridge = readFileSync(path.join(distElectronDir, 'page-bridge.js'), 'utf8');

  const engine = startEngineWorker(paths.engineWorker, {
    resourcesDir: paths.resourcesDir,
    dataDir,
    appVersion: options.appVersion ?? pkg.version,
  });
  // No native dialogs (the UI shows path fields); the clipboard is the page's, written by the shell.
  let page: Page | null = null;
  const clipboard = shellClipboard(async (text) => {
    if (!page) throw new Error('no page');
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  });
  const relay = createRelay({ engine, host: createHostHandlers({ dialogs: options.dialogs ?? noDialogs, clipboard }) });

  const headless = options.headless ?? !process.env.DISPLAY;
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? '/usr/bin/chromium',
    headless,
    chromiumSandbox: !isRootUser(),
    args: chromiumArgs({ isRoot: isRootUser() }),
  });
  const context = await browser.newContext({
    serviceWorkers: 'block',
    acceptDownloads: false,
    viewport: headless ? (options.viewport ?? { width: 1400, height: 900 }) : null,
    locale: 'nl-BE',
  });
  const requests: BlockedRequest[] = [];
  const consoleErrors: string[] = [];
  await routeRenderer(context, paths.rendererDir, requests);
  // Only the host's own writes use it (see shellClipboard); reading the clipboard stays refused.
  await context.grantPermissions(['clipboard-write'], { origin: SHELL_APP_ORIGIN });

  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('popup', (p) => void p.close());

  // The sender check: only the page's own main frame on the app origin may call.
  await page.exposeBinding(CALL_BINDING, (source, method: unknown, request: unknown) => {
    options.onCall?.(method, request);
    return relay(method, request, source.frame === page.mainFrame() && isOnOrigin(source.frame.url(), SHELL_APP_ORIGIN));
  });
  await page.addInitScript({ content: pageBridge });

  const deliver = (event: EngineEvent) =>
    void page
      .evaluate(([name, detail]) => dispatchEvent(new CustomEvent(name as string, { detail })), [EVENT_NAME, event] as const)
      .catch(() => undefined);
  const stopEvents = engine.onEvent(deliver);

  if (!options.extract && options.autoOpenDemo !== false) {
    const demo = await openDemoExtract(paths.resourcesDir, (method, request) => relay(method, request, true));
    if (demo && !demo.ok) console.error(`demo extract: ${demo.error.code}`);
  }

  const url = options.extract ? `${SHELL_ENTRY_URL}?extract=${encodeURIComponent(options.extract)}` : SHELL_ENTRY_URL;
  await page.goto(url, { waitUntil: 'load' });

  let closed = false;
  return {
    page,
    context,
    clipboard,
    browser,
    engine,
    requests,
    consoleErrors,
    async close() {
      if (closed) return;
      closed = true;
      stopEvents();
      await browser.close().catch(() => undefined);
      await engine.terminate();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
