import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, webPreferencesFor } from '../../electron/main/main-window';
import type { BrowserWindowOptionsLike } from '../../electron/main/electron-like';

describe('window hardening', () => {
  it.each([true, false])('sandboxes the renderer (packaged: %s)', (isPackaged) => {
    const prefs = webPreferencesFor({ isPackaged, preload: '/app/preload.cjs' });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/preload.cjs',
    });
  });

  it('allows devtools only in unpackaged builds', () => {
    expect(webPreferencesFor({ isPackaged: true, preload: 'p' }).devTools).toBe(false);
    expect(webPreferencesFor({ isPackaged: false, preload: 'p' }).devTools).toBe(true);
  });

  it('creates the window with those preferences, hidden until ready', () => {
    const created: BrowserWindowOptionsLike[] = [];
    class FakeWindow {
      webContents = {};
      constructor(options: BrowserWindowOptionsLike) {
        created.push(options);
      }
      once = vi.fn();
    }
    createMainWindow({ BrowserWindow: FakeWindow as never, app: { isPackaged: true } as never }, '/app/preload.cjs');
    expect(created).toHaveLength(1);
    expect(created[0]!.show).toBe(false);
    expect(created[0]!.webPreferences).toEqual(webPreferencesFor({ isPackaged: true, preload: '/app/preload.cjs' }));
  });
});
