import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, METHOD_NAMES } from '../../shared/api/contract';
import { DEMO_PASSPHRASE } from '../../electron/engine/app/app-handlers';
import type { BrowserWindowOptionsLike, ElectronLike } from '../../electron/main/electron-like';
import { startMainApp } from '../../electron/main/main-app';
import { webPreferencesFor } from '../../electron/main/main-window';
import { FakePowerMonitor, fakeEngine, fakeIpcMain } from './fakes';

const REPO = path.resolve(__dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'vv-main-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A whole fake Electron: records the order of calls so "before ready" is checkable. */
function fakeElectron(options: { gotLock?: boolean; isPackaged?: boolean } = {}) {
  const order: string[] = [];
  const appEvents = new EventEmitter();
  const windows: { options: BrowserWindowOptionsLike; loaded: string[]; sent: unknown[][] }[] = [];
  const ipc = fakeIpcMain();
  const powerMonitor = new FakePowerMonitor();
  class FakeWindow {
    record;
    webContents;
    constructor(o: BrowserWindowOptionsLike) {
      order.push('window');
      this.record = { options: o, loaded: [] as string[], sent: [] as unknown[][] };
      windows.push(this.record);
      this.webContents = { send: (...args: unknown[]) => this.record.sent.push(args), isDestroyed: () => false, on: vi.fn(), setWindowOpenHandler: vi.fn() };
    }
    loadURL = async (url: string) => void this.record.loaded.push(url);
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    once = vi.fn();
    show = vi.fn();
  }
  const session = { webRequest: { onBeforeRequest: vi.fn(() => order.push('lockdown')) }, setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), on: vi.fn() };
  const electron = {
    app: {
      isPackaged: options.isPackaged ?? true,
      getVersion: () => '1.2.3',
      getPath: () => path.join(tmp, 'userData'),
      requestSingleInstanceLock: () => options.gotLock ?? true,
      enableSandbox: vi.fn(() => order.push('sandbox')),
      quit: vi.fn(() => order.push('quit')),
      whenReady: async () => void order.push('ready'),
      on: (event: string, l: (...a: unknown[]) => void) => appEvents.on(event, l),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => order.push('privileged')),
      handle: vi.fn(() => order.push('handle')),
    },
    session: { defaultSession: session },
    BrowserWindow: FakeWindow,
    ipcMain: ipc.ipcMain,
    powerMonitor,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    clipboard: { writeText: vi.fn() },
  };
  return { electron: electron as unknown as ElectronLike, order, appEvents, windows, ipc, powerMonitor, session };
}

function paths(resourcesDir = path.join(tmp, 'no-resources')) {
  return { rendererDir: path.join(tmp, 'renderer'), engineWorker: '/dist/engine-worker.cjs', preload: '/dist/preload.cjs', resourcesDir };
}

describe('Electron main', () => {
  it('quits at once when another instance holds the single-instance lock', async () => {
    const f = fakeElectron({ gotLock: false });
    const startEngine = vi.fn();
    expect(await startMainApp(f.electron, { paths: paths(), startEngine })).toBeNull();
    expect(f.order).toEqual(['quit']);
    expect(startEngine).not.toHaveBeenCalled();
  });

  it('registers app:// before ready, then locks down, starts the engine, registers handlers and loads app://', async () => {
    const f = fakeElectron();
    const { engine } = fakeEngine();
    const startEngine = vi.fn(() => engine);
    const handle = await startMainApp(f.electron, { paths: paths(), startEngine, log: () => undefined });
    expect(handle).not.toBeNull();
    expect(f.order.indexOf('privileged')).toBeLessThan(f.order.indexOf('ready'));
    expect(f.order.indexOf('sandbox')).toBeGreaterThanOrEqual(0);
    expect(f.order.indexOf('sandbox')).toBeLessThan(f.order.indexOf('ready'));
    expect(f.order.indexOf('lockdown')).toBeLessThan(f.order.indexOf('window'));
    expect(startEngine).toHaveBeenCalledWith('/dist/engine-worker.cjs', { resourcesDir: paths().resourcesDir, dataDir: path.join(tmp, 'userData'), appVersion: '1.2.3' });
    expect(f.ipc.handleCalls).toHaveLength(METHOD_NAMES.length);
    expect(f.windows).toHaveLength(1);
    expect(f.windows[0]!.options.webPreferences).toEqual(webPreferencesFor({ isPackaged: true, preload: '/dist/preload.cjs' }));
    expect(f.windows[0]!.loaded).toEqual(['app://verhuisverkenner/index.html']);
    expect(f.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(f.session.setPermissionCheckHandler).toHaveBeenCalled();
  });

  it('forwards engine events to the window on the event channel', async () => {
    const f = fakeElectron();
    const { engine, emit } = fakeEngine();
    await startMainApp(f.electron, { paths: paths(), startEngine: () => engine, log: () => undefined });
    emit({ type: 'progress', task: 'open', fraction: 0.5 });
    expect(f.windows[0]!.sent).toContainEqual([EVENT_CHANNEL, { type: 'progress', task: 'open', fraction: 0.5 }]);
  });

  it('on screen lock closes the extract through the engine and tells the UI it is locked', async () => {
    const f = fakeElectron();
    const { engine } = fakeEngine();
    await startMainApp(f.electron, { paths: paths(), startEngine: () => engine, log: () => undefined });
    f.powerMonitor.emit('lock-screen');
    await vi.waitFor(() => expect(f.windows[0]!.sent).toContainEqual([EVENT_CHANNEL, { type: 'locked', reason: 'lock-screen' }]));
    expect(engine.call).toHaveBeenCalledWith('extract.close', {});
  });

  it('opens the bundled demo extract through extract.open when it exists, unless told not to', async () => {
    const resources = path.join(tmp, 'resources');
    mkdirSync(path.join(resources, 'demo'), { recursive: true });
    writeFileSync(path.join(resources, 'demo', 'demo-extract.db'), '');
    const f = fakeElectron();
    const { engine } = fakeEngine();
    await startMainApp(f.electron, { paths: paths(resources), startEngine: () => engine, log: () => undefined });
    expect(engine.call).toHaveBeenCalledWith('extract.open', {
      path: path.join(resources, 'demo', 'demo-extract.db'),
      passphrase: DEMO_PASSPHRASE,
      cipher: { preset: 'auto' },
    });
    const g = fakeElectron();
    const second = fakeEngine();
    await startMainApp(g.electron, { paths: paths(resources), startEngine: () => second.engine, autoOpenDemo: false, log: () => undefined });
    // Only the policy is asked (for the idle lock); nothing is opened.
    expect(second.engine.call.mock.calls.map((c) => c[0])).toEqual(['disclosure.policy']);
  });

  it('has no auto-updater and no crash reporter anywhere in the app', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx|mjs)$/.test(name)) files.push(p);
      }
    };
    for (const dir of ['electron', 'shared', 'scripts']) walk(path.join(REPO, dir));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\b(autoUpdater|crashReporter)\s*\.|electron-updater|update-electron-app/);
    }
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('electron-updater');
  });
});
