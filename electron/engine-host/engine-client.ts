import { Worker } from 'node:worker_threads';
import type { EngineEvent } from '../../shared/api/events';
import { errorMessage } from '../../shared/api/errors';
import { fail, type Result } from '../../shared/api/result';
import type { EngineConfig } from '../engine/core/engine-state';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** The host's view of the engine: call a method, listen to events. Main only relays. */
export interface EngineClient {
  call(method: string, request: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  terminate(): Promise<void>;
}

/** Starts the engine in a worker thread (the bundled engine-worker.cjs). */
export function startEngineWorker(workerFile: string, config: EngineConfig): EngineClient {
  const worker = new Worker(workerFile, { workerData: config });
  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Set<(e: EngineEvent) => void>();
  let dead = false;

  worker.on('message', (msg: WorkerReply) => {
    if (msg.kind === 'event') listeners.forEach((l) => l(msg.event));
    else {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    }
  });
  const failAll = () => {
    dead = true;
    for (const resolve of pending.values()) resolve(fail({ code: 'ENGINE_UNAVAILABLE', message: errorMessage('ENGINE_UNAVAILABLE') }));
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', failAll);

  return {
    call(method, request) {
      if (dead) return Promise.resolve(fail({ code: 'ENGINE_UNAVAILABLE', message: errorMessage('ENGINE_UNAVAILABLE') }));
      return new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        worker.postMessage({ id, method, request } satisfies WorkerRequest);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
