import path from 'node:path';
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY, type ActivePolicy } from '../../shared/disclosure/policy';
import { ok } from '../../shared/api/result';
import { EVENT_CHANNEL } from '../../shared/api/contract';
import type { ElectronLike } from '../../electron/main/electron-like';
import { startMainApp } from '../../electron/main/main-app';
import { policyIdleMinutes } from '../../electron/main/policy-idle';
import { FakePowerMonitor, fakeEngine, fakeIpcMain } from './fakes';

const active = (idleLockMinutes: number): ActivePolicy => ({
  policy: { ...DEFAULT_POLICY, idleLockMinutes },
  adminFile: '/etc/verhuisverkenner/policy.json',
  admin: { idleLockMinutes },
  user: null,
  adminError: null,
});

/** Just enough Electron for main to start; the power monitor is the fake the test drives. */
function minimalElectron() {
  const ipc = fakeIpcMain();
  const powerMonitor = new FakePowerMonitor();
  const sent: unknown[][] = [];
  class FakeWindow {
    webContents = { send: (...a: unknown[]) => sent.push(a), isDestroyed: () => false, on: vi.fn(), setWindowOpenHandler: vi.fn() };
    loadURL = async () => undefined;
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    once = vi.fn();
    show = vi.fn();
  }
  const electron = {
    app: {
      isPackaged: true,
      getVersion: () => '1.0.0',
      getPath: () => path.join(os.tmpdir(), 'vv-idle-policy'),
      requestSingleInstanceLock: () => true,
      enableSandbox: vi.fn(),
      quit: vi.fn(),
      whenReady: async () => undefined,
      on: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: { webRequest: { onBeforeRequest: vi.fn() }, setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), on: vi.fn() } },
    BrowserWindow: FakeWindow,
    ipcMain: ipc.ipcMain,
    powerMonitor,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    clipboard: { writeText: vi.fn() },
  };
  return { electron: electron as unknown as ElectronLike, ipc, powerMonitor, sent };
}

const paths = { rendererDir: '/nowhere', engineWorker: '/dist/engine-worker.cjs', preload: '/dist/preload.cjs', resourcesDir: '/nowhere' };

describe('idle lock from the active policy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks after the administrator\'s minutes, and after the user\'s shorter limit once their workspace is open', async () => {
    const f = minimalElectron();
    let minutes = 5; // the administrator's file says 5
    const { engine } = fakeEngine((method) => (method === 'disclosure.policy' ? ok(active(minutes)) : ok({})));
    const handle = await startMainApp(f.electron, { paths, startEngine: () => engine, autoOpenDemo: false, log: () => undefined });
    await vi.waitFor(() => expect(handle!.idleLock.idleMinutes()).toBe(5));

    f.powerMonitor.idleSeconds = 6 * 60; // past 5, well before the default 15
    await vi.advanceTimersByTimeAsync(60_000);
    expect(engine.call).toHaveBeenCalledWith('extract.close', {});
    expect(f.sent).toContainEqual([EVENT_CHANNEL, { type: 'locked', reason: 'idle' }]);

    // The analyst is back and opens an extract whose workspace tightens the lock to 2 minutes.
    f.powerMonitor.idleSeconds = 0;
    await vi.advanceTimersByTimeAsync(60_000);
    engine.call.mockClear();
    minutes = 2;
    await f.ipc.invoke('verhuis:extract.open', { path: '/data/x.db', passphrase: 'secret' });
    await vi.waitFor(() => expect(handle!.idleLock.idleMinutes()).toBe(2));
    f.powerMonitor.idleSeconds = 3 * 60;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(engine.call).toHaveBeenCalledWith('extract.close', {});
  });

  it('keeps the default when the engine cannot say, and a command-line cap only shortens', async () => {
    const down = fakeEngine(() => ({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: { nl: 'x', en: 'x' } } })).engine;
    expect(await policyIdleMinutes(down)).toBe(15);
    const ten = fakeEngine(() => ok(active(10))).engine;
    expect(await policyIdleMinutes(ten)).toBe(10);
    expect(await policyIdleMinutes(ten, 3)).toBe(3);
    expect(await policyIdleMinutes(ten, 60)).toBe(10);
  });
});
