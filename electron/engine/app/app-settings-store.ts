import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * App-wide settings outside any extract: the UI language and recently opened files
 * (paths only; never a passphrase, never a value from the data). One JSON file in the
 * app's data folder, written atomically (temp file + rename) so a crash leaves either
 * the old or the new settings.
 */
export const AppSettings = z.object({
  language: z.enum(['nl', 'en']).catch('nl'),
  recentFiles: z.array(z.string().min(1).max(4096)).max(50).catch([]),
});
export type AppSettings = z.infer<typeof AppSettings>;

export const MAX_RECENT = 10;
const FILE_NAME = 'app-settings.json';
const DEFAULTS: AppSettings = { language: 'nl', recentFiles: [] };

export const appSettingsPath = (dataDir: string) => path.join(dataDir, FILE_NAME);

export function readAppSettings(dataDir: string): AppSettings {
  let raw: string;
  try {
    raw = readFileSync(appSettingsPath(dataDir), 'utf8');
  } catch {
    return { ...DEFAULTS, recentFiles: [] };
  }
  try {
    const parsed = AppSettings.safeParse(JSON.parse(raw));
    if (!parsed.success) return { ...DEFAULTS, recentFiles: [] };
    return { ...parsed.data, recentFiles: parsed.data.recentFiles.slice(0, MAX_RECENT) };
  } catch {
    // A damaged settings file is not worth stopping the app for: start from the defaults.
    return { ...DEFAULTS, recentFiles: [] };
  }
}

export function writeAppSettings(dataDir: string, settings: AppSettings): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const target = appSettingsPath(dataDir);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(settings, null, 2), { encoding: 'utf8', flush: true, mode: 0o600 });
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

export function updateAppSettings(dataDir: string, change: (s: AppSettings) => AppSettings): AppSettings {
  const next = change(readAppSettings(dataDir));
  writeAppSettings(dataDir, next);
  return next;
}

/** Puts a path first in the recent list (most recent first, no duplicates, at most 10). */
export function rememberRecent(dataDir: string, filePath: string): AppSettings {
  const abs = path.resolve(filePath);
  return updateAppSettings(dataDir, (s) => ({
    ...s,
    recentFiles: [abs, ...s.recentFiles.filter((p) => p !== abs)].slice(0, MAX_RECENT),
  }));
}
