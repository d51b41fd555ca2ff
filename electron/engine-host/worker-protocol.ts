import type { EngineEvent } from '../../shared/api/events';
import type { Result } from '../../shared/api/result';

/** Messages between a host (Electron main, Chromium shell, CLI) and the engine worker. */
export interface WorkerRequest {
  id: number;
  method: string;
  request: unknown;
}

export type WorkerReply = { kind: 'result'; id: number; result: Result<unknown> } | { kind: 'event'; event: EngineEvent };
