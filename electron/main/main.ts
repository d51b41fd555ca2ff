import path from 'node:path';
import * as electron from 'electron';
import { startEngineWorker } from '../engine-host/engine-client';
import { appPaths } from '../host/app-paths';
import type { ElectronLike } from './electron-like';
import { startMainApp } from './main-app';
import { testSwitches } from './test-switches';

// The only file that touches the real Electron module; everything else takes it injected.
const packagedResources = electron.app.isPackaged ? path.join(process.resourcesPath, 'resources') : undefined;
const idleArg = process.argv.find((a) => a.startsWith('--idle-minutes='));
// Empty in a packaged build: the e2e suite's switches do nothing in an installed app.
const switches = testSwitches(process.argv, electron.app.isPackaged);
if (switches.userData) electron.app.setPath('userData', switches.userData);

startMainApp(electron as unknown as ElectronLike, {
  paths: appPaths(__dirname, packagedResources),
  startEngine: startEngineWorker,
  idleMinutes: idleArg ? Number(idleArg.split('=')[1]) : undefined,
  autoOpenDemo: !process.argv.includes('--no-auto-open'),
  recordRequests: switches.recordRequests,
}).catch((err: unknown) => {
  console.error(`main: start failed (${err instanceof Error ? err.name : 'error'})`);
  electron.app.quit();
});
