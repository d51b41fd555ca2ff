import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the shell looks for a Chromium-family browser, in order: CHROMIUM_PATH, then the
 * usual install locations of Chromium and Google Chrome on Linux, macOS and Windows.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const list: string[] = [];
  if (env.CHROMIUM_PATH) list.push(env.CHROMIUM_PATH);
  if (platform === 'win32') {
    for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((b): b is string => !!b)) {
      list.push(path.win32.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(base, 'Chromium', 'Application', 'chrome.exe'));
    }
  } else if (platform === 'darwin') {
    list.push('/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  } else {
    list.push(
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
    );
  }
  return list;
}

/** The one sentence a user without any of them reads (instead of Playwright's launch error). */
export const NO_CHROMIUM_MESSAGE =
  'No Chromium or Google Chrome found: install Debian\'s "chromium" package (sudo apt install chromium) or Google Chrome, or set CHROMIUM_PATH to the browser\'s executable.';

export class ChromiumNotFound extends Error {
  constructor() {
    super(NO_CHROMIUM_MESSAGE);
    this.name = 'ChromiumNotFound';
  }
}

/** The first candidate that exists; throws ChromiumNotFound with the one sentence otherwise. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (p: string) => boolean = existsSync): string {
  const found = chromiumCandidates(env, platform).find((p) => exists(p));
  if (!found) throw new ChromiumNotFound();
  return found;
}
