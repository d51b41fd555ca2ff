import { METHOD_NAMES, channelOf } from '../../shared/api/contract';
import { ELECTRON_APP_ORIGIN, isOnOrigin } from '../host/app-origin';
import { createRelay, type RelayDeps } from './relay';

/** The part of a WebFrameMain the sender check needs. */
export interface SenderFrameLike {
  url: string;
  parent: unknown | null;
}

export interface IpcInvokeEventLike {
  senderFrame: SenderFrameLike | null;
}

/** The part of Electron's ipcMain the handlers need; a fake one in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** A request is trusted only from the main frame of a page on the app:// origin (not an iframe, not a navigated-away page). */
export function isTrustedSender(event: IpcInvokeEventLike, origin = ELECTRON_APP_ORIGIN): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame !== undefined && frame.parent === null && isOnOrigin(frame.url, origin);
}

/** Registers one `verhuis:<method>` handler per contract method; each validates and relays. */
export function registerHandlers(ipcMain: IpcMainLike, deps: RelayDeps): void {
  const relay = createRelay(deps);
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event, request) => relay(method, request, isTrustedSender(event)));
  }
}
