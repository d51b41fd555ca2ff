import { ELECTRON_APP_ORIGIN } from '../host/app-origin';
import type { BrowserWindowLike, ElectronLike, WebPreferencesLike } from './electron-like';

/**
 * The renderer's sandbox: no Node, isolated context, web security on, no spellcheck
 * (Chromium would download dictionaries), devtools only in unpackaged builds.
 */
export function webPreferencesFor(options: { isPackaged: boolean; preload: string }): WebPreferencesLike {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: !options.isPackaged,
    navigateOnDragDrop: false,
    safeDialogs: true,
    preload: options.preload,
  };
}

export const APP_ENTRY_URL = `${ELECTRON_APP_ORIGIN}/index.html`;

/** Creates the one app window; it is shown once the first paint is ready. */
export function createMainWindow(electron: Pick<ElectronLike, 'BrowserWindow' | 'app'>, preload: string): BrowserWindowLike {
  const window = new electron.BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Verhuisverkenner',
    autoHideMenuBar: true,
    webPreferences: webPreferencesFor({ isPackaged: electron.app.isPackaged, preload }),
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
