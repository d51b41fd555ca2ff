import path from 'node:path';
import { RECORD_REQUESTS_SWITCH, USER_DATA_SWITCH } from '../../../electron/main/test-switches';

export interface ElectronArgsOptions {
  /** The folder with package.json whose "main" is the built dist/electron/main.cjs. */
  appDir: string;
  /** The run's data folder (absolute). */
  dataDir: string;
  /** Chromium refuses its sandbox as root: only then --no-sandbox. */
  isRoot: boolean;
  autoOpenDemo: boolean;
  idleMinutes?: number;
}

/**
 * Electron's command line for one e2e run: the app folder, the test-only switches (request
 * recording, data folder; main ignores them when packaged), and the app's own options.
 */
export function electronLaunchArgs(options: ElectronArgsOptions): string[] {
  if (!path.isAbsolute(options.appDir)) throw new Error(`app folder must be absolute: ${options.appDir}`);
  if (!path.isAbsolute(options.dataDir)) throw new Error(`data folder must be absolute: ${options.dataDir}`);
  const idle = options.idleMinutes;
  if (idle !== undefined && !(Number.isFinite(idle) && idle > 0)) throw new Error(`idle minutes must be a positive number: ${idle}`);
  return [
    ...(options.isRoot ? ['--no-sandbox'] : []),
    options.appDir,
    RECORD_REQUESTS_SWITCH,
    `${USER_DATA_SWITCH}=${options.dataDir}`,
    ...(options.autoOpenDemo ? [] : ['--no-auto-open']),
    ...(idle !== undefined ? [`--idle-minutes=${idle}`] : []),
  ];
}
