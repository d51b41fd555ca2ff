import { z } from 'zod';
import { ExtractSummary } from './methods/extract';

/** Events the engine pushes to the UI: progress of long work, the idle lock, and a corrected extract summary. */
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
/**
 * The open extract's summary changed after "ready" was answered. Today only one reason: after a
 * cache hit, the background SHA-256 of the file disagreed with the fingerprint the index cache
 * was made for, so the cache was discarded, the index is rebuilt from the file and `summary`
 * carries the file's real fingerprint (recipes, exports and the audit log use it from now on).
 */
export const ExtractSummaryChangedEvent = z.object({
  type: z.literal('extract-summary-changed'),
  reason: z.literal('fingerprint-corrected'),
  /** The fingerprint shown until now (the one the discarded cache was made for). */
  previousFingerprint: z.string(),
  summary: ExtractSummary,
});
export const EngineEvent = z.discriminatedUnion('type', [ProgressEvent, LockedEvent, ExtractSummaryChangedEvent]);
export type EngineEvent = z.infer<typeof EngineEvent>;
export type ProgressEvent = z.infer<typeof ProgressEvent>;
export type ExtractSummaryChangedEvent = z.infer<typeof ExtractSummaryChangedEvent>;
