import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ElectronLike, SessionLike } from '../../electron/main/electron-like';
import { startMainApp } from '../../electron/main/main-app';
import {
  RECORDED_CALLS_KEY,
  RECORDED_REQUESTS_KEY,
  RECORD_REQUESTS_SWITCH,
  USER_DATA_SWITCH,
  recordEngineCalls,
  recordableRequest,
  requestRecorder,
  testSwitches,
  type RecordedCall,
  type RecordedRequest,
} from '../../electron/main/test-switches';
import { FakePowerMonitor, fakeEngine, fakeIpcMain } from './fakes';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'vv-switches-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('test-only switches of Electron main', () => {
  const argv = ['/opt/electron', '/repo', RECORD_REQUESTS_SWITCH, `${USER_DATA_SWITCH}=/tmp/vv-e2e-data`];

  it('are read in an unpackaged run', () => {
    expect(testSwitches(argv, false)).toEqual({ recordRequests: true, userData: '/tmp/vv-e2e-data' });
    expect(testSwitches(['/opt/electron', '/repo'], false)).toEqual({ recordRequests: false, userData: null });
    expect(testSwitches(['x', `${USER_DATA_SWITCH}=C:\\Temp\\vv`], false).userData).toBe('C:\\Temp\\vv');
  });

  it('are ignored in a packaged build', () => {
    expect(testSwitches(argv, true)).toEqual({ recordRequests: false, userData: null });
  });

  it('take no relative or empty data folder', () => {
    expect(testSwitches(['x', `${USER_DATA_SWITCH}=data`], false).userData).toBeNull();
    expect(testSwitches(['x', `${USER_DATA_SWITCH}=`], false).userData).toBeNull();
  });

  it('the recorder keeps its list on the given global, where the harness reads it', () => {
    const target = {};
    const record = requestRecorder(target);
    record({ url: 'https://example.org/', method: 'GET', resourceType: 'xhr', allowed: false });
    expect((target as Record<string, RecordedRequest[]>)[RECORDED_REQUESTS_KEY]).toEqual([
      { url: 'https://example.org/', method: 'GET', resourceType: 'xhr', allowed: false },
    ]);
  });
});

/** Just enough Electron to start main and reach the session's request listener. */
function fakeElectron(isPackaged: boolean) {
  let listener: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0] | null = null;
  const session: SessionLike = {
    webRequest: { onBeforeRequest: (l) => void (listener = l) },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    on: vi.fn(),
  };
  class FakeWindow {
    webContents = { send: vi.fn(), isDestroyed: () => false, on: vi.fn(), setWindowOpenHandler: vi.fn() };
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
      isPackaged,
      getVersion: () => '0.0.0',
      getPath: () => path.join(tmp, 'userData'),
      requestSingleInstanceLock: () => true,
      enableSandbox: vi.fn(),
      quit: vi.fn(),
      whenReady: async () => undefined,
      on: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: session },
    BrowserWindow: FakeWindow,
    ipcMain: fakeIpcMain().ipcMain,
    powerMonitor: new FakePowerMonitor(),
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    clipboard: { writeText: vi.fn() },
  };
  const request = (url: string, method = 'GET', resourceType = 'xhr') => {
    let answer: { cancel?: boolean } = {};
    listener!({ url, method, resourceType }, (r) => (answer = r));
    return answer;
  };
  return { electron: electron as unknown as ElectronLike, request };
}

const recorded = () => (globalThis as unknown as Record<string, RecordedRequest[] | undefined>)[RECORDED_REQUESTS_KEY];
const paths = { rendererDir: path.join(tmp, 'renderer'), engineWorker: '/w.cjs', preload: '/p.cjs', resourcesDir: path.join(tmp, 'none') };

describe('request recording in main', () => {
  afterAll(() => void delete (globalThis as Record<string, unknown>)[RECORDED_REQUESTS_KEY]);

  it('records every request, allowed or cancelled, when asked in an unpackaged run', async () => {
    delete (globalThis as Record<string, unknown>)[RECORDED_REQUESTS_KEY];
    const f = fakeElectron(false);
    await startMainApp(f.electron, { paths, startEngine: () => fakeEngine().engine, autoOpenDemo: false, recordRequests: true, log: () => undefined });
    expect(f.request('app://verhuisverkenner/index.html', 'GET', 'mainFrame')).toEqual({ cancel: false });
    expect(f.request('https://example.org/tiles.json')).toEqual({ cancel: true });
    expect(recorded()).toEqual([
      { url: 'app://verhuisverkenner/index.html', method: 'GET', resourceType: 'mainFrame', allowed: true },
      { url: 'https://example.org/tiles.json', method: 'GET', resourceType: 'xhr', allowed: false },
    ]);
  });

  it('records nothing in a packaged build, even when asked, and still cancels', async () => {
    delete (globalThis as Record<string, unknown>)[RECORDED_REQUESTS_KEY];
    const f = fakeElectron(true);
    await startMainApp(f.electron, { paths, startEngine: () => fakeEngine().engine, autoOpenDemo: false, recordRequests: true, log: () => undefined });
    expect(f.request('https://example.org/')).toEqual({ cancel: true });
    expect(recorded()).toBeUndefined();
  });

  it('records nothing unless asked', async () => {
    delete (globalThis as Record<string, unknown>)[RECORDED_REQUESTS_KEY];
    const f = fakeElectron(false);
    await startMainApp(f.electron, { paths, startEngine: () => fakeEngine().engine, autoOpenDemo: false, log: () => undefined });
    f.request('https://example.org/');
    expect(recorded()).toBeUndefined();
  });
});

describe('engine calls recorded for the e2e suite', () => {
  it('keeps method and request in order, never a passphrase, and still relays each call', async () => {
    const target = {};
    const { engine } = fakeEngine();
    const recording = recordEngineCalls(engine, target);
    await recording.call('extract.open', { path: '/x.db', passphrase: 'geheim', cipher: { preset: 'auto' } });
    await recording.call('browse.rows', { table: 'person', startRow: 100, endRow: 200 });
    expect(engine.call).toHaveBeenCalledWith('extract.open', { path: '/x.db', passphrase: 'geheim', cipher: { preset: 'auto' } });
    expect((target as Record<string, RecordedCall[]>)[RECORDED_CALLS_KEY]).toEqual([
      { method: 'extract.open', request: { path: '/x.db', passphrase: '[not recorded]', cipher: { preset: 'auto' } } },
      { method: 'browse.rows', request: { table: 'person', startRow: 100, endRow: 200 } },
    ]);
    expect(recordableRequest(null)).toBeNull();
  });

  it('main relays through the recorder only when recording in an unpackaged run', async () => {
    for (const isPackaged of [false, true]) {
      delete (globalThis as Record<string, unknown>)[RECORDED_CALLS_KEY];
      const f = fakeElectron(isPackaged);
      await startMainApp(f.electron, { paths, startEngine: () => fakeEngine().engine, autoOpenDemo: false, recordRequests: true, log: () => undefined });
      const calls = (globalThis as unknown as Record<string, RecordedCall[] | undefined>)[RECORDED_CALLS_KEY];
      if (isPackaged) expect(calls).toBeUndefined();
      else expect(Array.isArray(calls)).toBe(true);
    }
    delete (globalThis as Record<string, unknown>)[RECORDED_CALLS_KEY];
  });
});
