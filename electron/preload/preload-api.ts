import { buildApi, channelOf, EVENT_CHANNEL, type VerhuisApi } from '../../shared/api/contract';

/** The part of Electron's ipcRenderer the preload uses; a fake one in tests. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.verhuis`: one function per contract method, each invoking its own channel, and
 * `onEvent`. The renderer never sees ipcRenderer, a channel name or the IPC event object.
 */
export function buildPreloadApi(ipcRenderer: IpcRendererLike): VerhuisApi {
  return buildApi(
    (method, request) => ipcRenderer.invoke(channelOf(method), request),
    (listener) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(EVENT_CHANNEL, handler);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, handler);
      };
    },
  );
}
