import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The packaged app, started as an analyst starts it. Playwright's `_electron` cannot drive it:
 * the fuses turn off `--inspect`, which that launcher needs. So the AppImage is started with
 * Chromium's remote-debugging port and the window is driven over CDP: renderer only, no
 * access to main, no test switches (a packaged build ignores them anyway).
 */
export interface PackagedApp {
  page: Page;
  /** Everything main printed (its log lines: "network: blocked a … request" among them). */
  output: () => string;
  /** Everything it printed on stderr (Chromium's and Node's own messages). */
  errors: () => string;
  /** The app's data folder ($XDG_CONFIG_HOME/Verhuisverkenner). */
  userData: string;
  close(): Promise<void>;
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** Chromium prints the browser endpoint on stderr once the port is open. */
export function devToolsEndpoint(text: string): string | null {
  return /DevTools listening on (ws:\/\/\S+)/.exec(text)?.[1] ?? null;
}

/** The command line of the packaged smoke run: a free debugging port, and no sandbox only as root. */
export function packagedArgs(options: { isRoot: boolean }): string[] {
  return ['--remote-debugging-port=0', ...(options.isRoot ? ['--no-sandbox'] : [])];
}

async function appPage(browser: Browser, timeoutMs: number): Promise<Page> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const page = browser.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith('app://verhuisverkenner/'));
    if (page) return page;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the packaged app showed no app:// window');
}

export async function launchPackaged(appImage: string, extraArgs: string[] = [], extraEnv: Record<string, string> = {}): Promise<PackagedApp> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'vv-packaged-'));
  const child: ChildProcess = spawn(appImage, [...packagedArgs({ isRoot: isRoot() }), ...extraArgs], {
    // Extract-and-run needs no FUSE (containers, CI); the data folder is the run's own.
    env: { ...process.env, ...extraEnv, APPIMAGE_EXTRACT_AND_RUN: '1', XDG_CONFIG_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the AppImage opened no debugging port within 120 s:\n${err.slice(-2000)}`)), 120_000);
      child.stderr!.on('data', () => {
        const ws = devToolsEndpoint(err);
        if (ws) {
          clearTimeout(timer);
          resolve(ws);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the AppImage exited (${code}) before it opened a window:\n${err.slice(-2000)}`));
      });
    });
    const browser = await chromium.connectOverCDP(endpoint);
    const page = await appPage(browser, 90_000);
    return {
      page,
      output: () => out,
      errors: () => err,
      userData: path.join(home, 'Verhuisverkenner'),
      async close() {
        // Quit as the window's close button would, then make sure nothing is left behind.
        const cdp = await browser.newBrowserCDPSession().catch(() => null);
        await cdp?.send('Browser.close').catch(() => undefined);
        await browser.close().catch(() => undefined);
        await new Promise((r) => setTimeout(r, 2000));
        stop();
        rmSync(home, { recursive: true, force: true });
      },
    };
  } catch (err) {
    stop();
    rmSync(home, { recursive: true, force: true });
    throw err;
  }
}
