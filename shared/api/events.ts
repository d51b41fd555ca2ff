import { z } from 'zod';

/** Events the engine pushes to the UI: progress of long work, and the idle lock. */
export const ProgressEvent = z.object({
  type: z.literal('progress'),
  task: z.enum(['open', 'import', 'matrix', 'export', 'index']),
  /** 0..1, or null when the total is not known. */
  fraction: z.number().min(0).max(1).nullable(),
  /** Rows per second for imports. */
  rowsPerSecond: z.number().nonnegative().optional(),
  rows: z.number().int().nonnegative().optional(),
  stage: z.string().max(80).optional(),
});
export const LockedEvent = z.object({ type: z.literal('locked'), reason: z.enum(['idle', 'suspend', 'lock-screen', 'user']) });
export const EngineEvent = z.discriminatedUnion('type', [ProgressEvent, LockedEvent]);
export type EngineEvent = z.infer<typeof EngineEvent>;
export type ProgressEvent = z.infer<typeof ProgressEvent>;
