import { contextBridge, ipcRenderer } from 'electron';
import { buildPreloadApi } from './preload-api';

// Runs sandboxed with context isolation: only this object crosses into the page.
contextBridge.exposeInMainWorld('verhuis', buildPreloadApi(ipcRenderer));
