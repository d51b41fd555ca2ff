import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchShell, type Shell, type ShellOptions } from '../../../electron/chromium-shell/launch-shell';
import { DIST_ELECTRON, SCREENSHOT_DIR, assertBuilt } from './paths';

/** Launches the app in headless Chromium through the same code path as `npm run start:chromium`. */
export async function openApp(options: ShellOptions = {}): Promise<Shell> {
  assertBuilt();
  return launchShell({ headless: true, autoOpenDemo: false, distElectronDir: DIST_ELECTRON, ...options });
}

/** Saves a full-page screenshot under artifacts/screenshots/ (git-ignored). */
export async function saveScreenshot(shell: Shell, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await shell.page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fails when the page asked for anything outside the app origin or logged an error. */
export function expectClean(shell: Shell): void {
  expect(shell.requests, 'requests that left the app origin').toEqual([]);
  expect(shell.consoleErrors, 'console errors').toEqual([]);
}

/**
 * One app per test file: launched before the tests, checked after each test (no request
 * outside the origin, no console error), closed after the file.
 */
export function useApp(options: ShellOptions = {}): () => Shell {
  let shell: Shell | null = null;
  beforeAll(async () => {
    shell = await openApp(options);
  });
  afterEach((context) => {
    if (!shell) return;
    const name = context.task.name;
    return saveScreenshot(shell, `${path.basename(context.task.file.name, '.e2e.test.ts')}--${name}`)
      .catch(() => undefined)
      .then(() => expectClean(shell!));
  });
  afterAll(async () => {
    await shell?.close();
  });
  return () => {
    if (!shell) throw new Error('the app did not start');
    return shell;
  };
}
