import type { EngineEvent } from '../../../shared/api/events';
import type { OpenSession } from '../core/open-session';
import { buildColumnarIndex, type ColumnarIndex } from './columnar-index';

const CACHE_KEY = 'columnar-index';

/** Stores an index built while opening (see openExtractSession), so first use finds it ready. */
export function adoptSessionIndex(session: OpenSession, index: ColumnarIndex): void {
  session.cache.set(CACHE_KEY, index);
}

/**
 * The columnar index of the open extract: normally built while opening; otherwise built on first use and kept in session.cache
 * (memory only; dropped with the session). Emits 'index' progress while building.
 */
export function sessionIndex(session: OpenSession, emit?: (event: EngineEvent) => void): ColumnarIndex {
  const hit = session.cache.get(CACHE_KEY) as ColumnarIndex | undefined;
  if (hit) return hit;
  const index = buildColumnarIndex(session.db, session.summary.referenceDate, (fraction, stage) =>
    emit?.({ type: 'progress', task: 'index', fraction, stage }),
  );
  session.cache.set(CACHE_KEY, index);
  return index;
}
