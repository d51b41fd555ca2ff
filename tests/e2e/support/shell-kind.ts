import type { ShellKind } from './app-shell';
import { findElectronBinary } from './electron-binary';

export const SHELL_ENV = 'VERHUIS_E2E_SHELL';

/** The shell the suite runs in, from VERHUIS_E2E_SHELL (default chromium); any other value is an error. */
export function shellKindFrom(env: Record<string, string | undefined>): ShellKind {
  const value = (env[SHELL_ENV] ?? '').trim().toLowerCase();
  if (value === '' || value === 'chromium') return 'chromium';
  if (value === 'electron') return 'electron';
  throw new Error(`${SHELL_ENV}=${env[SHELL_ENV]}: expected "chromium" or "electron"`);
}

/** The one line the suite stops with when Electron was asked for and cannot run here. */
export function electronUnavailableLine(reason: string): string {
  return `${SHELL_ENV}=electron: cannot run the end-to-end suite in Electron here: ${reason}.`;
}

/** The Electron binary for the suite, or an error carrying the one-line reason. */
export function requireElectronBinary(find = findElectronBinary): string {
  const found = find();
  if ('path' in found) return found.path;
  throw new Error(electronUnavailableLine(found.reason));
}

/** The shell of this run (read once per test file). */
export const currentShellKind = (): ShellKind => shellKindFrom(process.env);
