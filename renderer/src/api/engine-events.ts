import { EngineEvent, type ProgressEvent } from '../../../shared/api/events';
import { hasBridge, verhuis } from './verhuis';

type Listener = (event: EngineEvent) => void;

/**
 * One subscription to window.verhuis.onEvent for the whole page, fanned out to
 * components. Events are validated: anything not in the contract is ignored.
 */
const listeners = new Set<Listener>();
let unsubscribeBridge: (() => void) | null = null;

export function subscribeEngineEvents(listener: Listener): () => void {
  listeners.add(listener);
  if (!unsubscribeBridge && hasBridge()) {
    unsubscribeBridge = verhuis().onEvent((raw) => {
      const parsed = EngineEvent.safeParse(raw);
      if (!parsed.success) return;
      for (const l of [...listeners]) l(parsed.data);
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribeBridge) {
      unsubscribeBridge();
      unsubscribeBridge = null;
    }
  };
}

export type ProgressTask = ProgressEvent['task'];
