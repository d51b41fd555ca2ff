import { parentPort, workerData } from 'node:worker_threads';
import { createEngine } from './core/dispatch';
import type { EngineConfig } from './core/engine-state';
import { buildHandlers } from './handlers';
import type { WorkerReply, WorkerRequest } from '../engine-host/worker-protocol';

/**
 * The engine worker: everything that touches data runs here, off the UI thread.
 * Messages are {id, method, request}; answers {id, result}; events {event}.
 */
const port = parentPort;
if (!port) throw new Error('engine worker must run in a worker thread');

const engine = createEngine(workerData as EngineConfig, buildHandlers);
engine.onEvent((event) => port.postMessage({ kind: 'event', event } satisfies WorkerReply));

port.on('message', (msg: WorkerRequest) => {
  void engine.dispatch(msg.method, msg.request).then((result) => {
    port.postMessage({ kind: 'result', id: msg.id, result } satisfies WorkerReply);
  });
});
