import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../../shared/api/events';
import { subscribeEngineEvents, type ProgressTask } from './engine-events';

/**
 * The latest progress event of a task while `active` is true; null otherwise.
 * Screens pass active = "my call is pending", so stale progress never shows.
 */
export function useProgress(task: ProgressTask, active: boolean): ProgressEvent | null {
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return undefined;
    }
    return subscribeEngineEvents((event) => {
      if (event.type === 'progress' && event.task === task) setProgress(event);
    });
  }, [task, active]);
  return active ? progress : null;
}
