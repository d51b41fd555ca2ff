import { createHostHandlers, type ClipboardSink, type HostHandlers } from '../host/host-handlers';
import type { BrowserWindowLike, DialogLike } from './electron-like';

/**
 * The host methods in Electron: native file dialogs (a cancelled dialog answers `{path: null}`)
 * and Electron's clipboard, which only ever receives the engine's protected text.
 */
export function electronHostHandlers(dialog: DialogLike, window: () => BrowserWindowLike | null, clipboard: ClipboardSink): HostHandlers {
  const parent = () => {
    const w = window();
    if (!w || w.isDestroyed()) throw new Error('no window');
    return w;
  };
  return createHostHandlers({
    clipboard,
    dialogs: {
      'dialog.openFile': async (req) => {
        const r = await dialog.showOpenDialog(parent(), { title: req.title, properties: ['openFile'], filters: req.filters });
        return { path: r.canceled ? null : (r.filePaths[0] ?? null) };
      },
      'dialog.openFolder': async (req) => {
        const r = await dialog.showOpenDialog(parent(), { title: req.title, properties: ['openDirectory'] });
        return { path: r.canceled ? null : (r.filePaths[0] ?? null) };
      },
      'dialog.saveFile': async (req) => {
        const r = await dialog.showSaveDialog(parent(), { title: req.title, defaultPath: req.defaultName, filters: req.filters });
        return { path: r.canceled || !r.filePath ? null : r.filePath };
      },
    },
  });
}
