import { EVENT_CHANNEL } from '../../shared/api/contract';
import type { EngineEvent } from '../../shared/api/events';
import type { EngineConfig } from '../engine/core/engine-state';
import type { EngineClient } from '../engine-host/engine-client';
import type { AppPaths } from '../host/app-paths';
import { openDemoExtract } from '../host/demo-extract';
import { registerHandlers } from '../ipc/register-handlers';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import type { BrowserWindowLike, ElectronLike } from './electron-like';
import { electronHostHandlers } from './host-dialogs';
import { DEFAULT_IDLE_MINUTES, startIdleLock, type IdleLock } from './idle-lock';
import { policyIdleMinutes, watchPolicyChanges } from './policy-idle';
import { APP_ENTRY_URL, createMainWindow } from './main-window';
import { guardAllWebContents } from './navigation-guard';
import { lockDownSession } from './session-lockdown';
import { recordEngineCalls, requestRecorder } from './test-switches';

export interface MainOptions {
  paths: AppPaths;
  startEngine: (workerFile: string, config: EngineConfig) => EngineClient;
  /**
   * Minutes without input before the extract is closed come from the active policy
   * (`disclosure.policy`); this optional cap (--idle-minutes) can only shorten them.
   */
  idleMinutes?: number;
  /** Open the bundled demo extract at start when it exists (off with --no-auto-open). */
  autoOpenDemo?: boolean;
  /** Test-only (--verhuis-test-record-requests): record every network request and engine call for the e2e suite; ignored when packaged. */
  recordRequests?: boolean;
  log?: (line: string) => void;
}

export interface MainHandle {
  window: BrowserWindowLike;
  engine: EngineClient;
  idleLock: IdleLock;
}

/**
 * Electron main, with Electron injected. Holds no data: it builds the sandboxed window,
 * serves app://, locks the session down and relays each validated request to the engine worker.
 * There is deliberately no autoUpdater and no crashReporter anywhere in the app.
 */
export async function startMainApp(electron: ElectronLike, options: MainOptions): Promise<MainHandle | null> {
  const { app } = electron;
  const log = options.log ?? ((line: string) => console.log(line));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  // Every renderer sandboxed, whatever a window's own preferences say; must precede ready.
  app.enableSandbox();
  registerAppScheme(electron.protocol);
  guardAllWebContents(app);

  let window: BrowserWindowLike | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  handleAppProtocol(electron.protocol, options.paths.rendererDir);
  const recording = options.recordRequests === true && !app.isPackaged;
  lockDownSession(electron.session.defaultSession, {
    isPackaged: app.isPackaged,
    onBlocked: (scheme) => log(`network: blocked a ${scheme} request`),
    // Checked here as well as in main.ts: whatever the caller says, an installed app never records.
    onRequest: recording ? requestRecorder() : undefined,
  });

  // The idle limit follows the policy in force: read at start and after every call that may change it.
  let refreshIdle = (): void => undefined;
  const engine = watchPolicyChanges(
    options.startEngine(options.paths.engineWorker, {
      resourcesDir: options.paths.resourcesDir,
      dataDir: app.getPath('userData'),
      appVersion: app.getVersion(),
    }),
    () => refreshIdle(),
  );
  app.on('before-quit', () => void engine.terminate());

  const send = (event: EngineEvent) => {
    if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  };
  engine.onEvent(send);
  registerHandlers(electron.ipcMain, { engine: recording ? recordEngineCalls(engine) : engine, host: electronHostHandlers(electron.dialog, () => window, electron.clipboard) });

  const idleLock = startIdleLock({
    idleMinutes: Math.min(options.idleMinutes ?? DEFAULT_IDLE_MINUTES, DEFAULT_IDLE_MINUTES),
    powerMonitor: electron.powerMonitor,
    lock: async (reason) => {
      await engine.call('extract.close', {});
      send({ type: 'locked', reason });
      log(`lock: extract closed (${reason})`);
    },
  });
  let asked = 0;
  refreshIdle = () => {
    const ticket = ++asked;
    void policyIdleMinutes(engine, options.idleMinutes).then((minutes) => {
      // Only the latest answer counts: an open and a close in quick succession must not race.
      if (ticket === asked) idleLock.setIdleMinutes(minutes);
    });
  };
  refreshIdle();

  if (options.autoOpenDemo !== false) {
    const demo = await openDemoExtract(options.paths.resourcesDir, (method, request) => engine.call(method, request));
    if (demo && !demo.ok) log(`demo extract: ${demo.error.code}`);
  }

  window = createMainWindow(electron, options.paths.preload);
  await window.loadURL(APP_ENTRY_URL);
  return { window, engine, idleLock };
}
