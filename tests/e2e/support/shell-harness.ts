import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { AppOptions, AppShell, ShellKind } from './app-shell';
import { launchChromiumApp } from './chromium-app';
import { launchElectronApp } from './electron-app';
import { SCREENSHOT_DIR, assertBuilt } from './paths';
import { currentShellKind } from './shell-kind';

/** The shell of this run: VERHUIS_E2E_SHELL=chromium (default) or electron. */
export const SHELL_KIND: ShellKind = currentShellKind();

/**
 * Launches the app in the shell of this run: headless Chromium through the same code path as
 * `npm run start:chromium`, or Electron through Playwright's `_electron.launch`.
 */
export async function openApp(options: AppOptions = {}): Promise<AppShell> {
  assertBuilt();
  return SHELL_KIND === 'electron' ? launchElectronApp(options) : launchChromiumApp(options);
}

/**
 * For a test that only one shell can run: null when it runs here, else the reason it is
 * skipped (put it in the test's name, so the report says why).
 */
export function onlyIn(kind: ShellKind, why: string): string | null {
  return SHELL_KIND === kind ? null : `runs in the ${kind} shell only (${why}); this run uses ${SHELL_KIND}`;
}

/** Saves a full-page screenshot under artifacts/screenshots/ (git-ignored), named with the shell in Electron. */
export async function saveScreenshot(shell: AppShell, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const base = name.replace(/[^a-z0-9-]+/gi, '-');
  const file = path.join(SCREENSHOT_DIR, `${shell.kind === 'electron' ? `electron--${base}` : base}.png`);
  await shell.page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fails when the page asked for anything outside the app origin or logged an error. */
export async function expectClean(shell: AppShell): Promise<void> {
  expect(await shell.requestsOutsideApp(), 'requests that left the app origin').toEqual([]);
  expect(shell.consoleErrors, 'console errors').toEqual([]);
}

/**
 * One app per test file: launched before the tests, checked after each test (no request
 * outside the origin, no console error), closed after the file.
 */
export function useApp(options: AppOptions = {}): () => AppShell {
  let shell: AppShell | null = null;
  beforeAll(async () => {
    shell = await openApp(options);
  });
  afterEach(async (context) => {
    if (!shell) return;
    const name = context.task.name;
    await saveScreenshot(shell, `${path.basename(context.task.file.name, '.e2e.test.ts')}--${name}`).catch(() => undefined);
    await expectClean(shell);
  });
  afterAll(async () => {
    await shell?.close();
  });
  return () => {
    if (!shell) throw new Error('the app did not start');
    return shell;
  };
}
