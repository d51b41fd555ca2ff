import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { EngineClient } from '../../electron/engine-host/engine-client';
import type { EngineEvent } from '../../shared/api/events';
import { ok, type Result } from '../../shared/api/result';
import type { IpcInvokeEventLike, IpcMainLike } from '../../electron/ipc/register-handlers';

/** An engine client that records calls and answers `{ok: true, value: {echo: method}}`. */
export function fakeEngine(answer: (method: string, request: unknown) => Result<unknown> = (m) => ok({ echo: m })) {
  const listeners = new Set<(e: EngineEvent) => void>();
  const engine = {
    call: vi.fn(async (method: string, request: unknown) => answer(method, request)),
    onEvent: vi.fn((l: (e: EngineEvent) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    }),
    terminate: vi.fn(async () => undefined),
  } satisfies EngineClient;
  return { engine, emit: (e: EngineEvent) => listeners.forEach((l) => l(e)) };
}

/** ipcMain stand-in: keeps the handlers so a test can invoke a channel as a given frame. */
export function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const handleCalls: string[] = [];
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      handleCalls.push(channel);
      handlers.set(channel, listener);
    },
  };
  const invoke = (channel: string, request: unknown, frame: IpcInvokeEventLike['senderFrame'] = appFrame()) => {
    const h = handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h({ senderFrame: frame }, request) as Promise<Result<unknown>>;
  };
  return { ipcMain, handlers, handleCalls, invoke };
}

export const appFrame = (url = 'app://verhuisverkenner/index.html') => ({ url, parent: null });

/** An event object with preventDefault spied. */
export const cancellableEvent = () => ({ preventDefault: vi.fn() });

export class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime = () => this.idleSeconds;
}
