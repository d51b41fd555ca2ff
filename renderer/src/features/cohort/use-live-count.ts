import { useEffect, useRef, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { ApiError } from '../../../../shared/api/result';
import { settle, verhuis } from '../../api/verhuis';

export interface LiveCount {
  persons: number | null;
  pending: boolean;
  error: ApiError | null;
  computeMs: number | null;
}

/** Waits this long after the last change before asking: typing a year or ticking boxes fast sends one request. */
export const COUNT_DEBOUNCE_MS = 250;

/**
 * The live person count of a cohort. Debounced, and answers that arrive after a newer
 * request are dropped, so the number shown always belongs to the filters shown.
 */
export function useLiveCount(definition: CohortDefinition): LiveCount {
  const [state, setState] = useState<LiveCount>({ persons: null, pending: true, error: null, computeMs: null });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      void settle(() => verhuis().cohort.count({ definition })).then((r) => {
        if (mine !== seq.current) return;
        if (r.ok) setState({ persons: r.value.persons, pending: false, error: null, computeMs: r.value.computeMs });
        else setState({ persons: null, pending: false, error: r.error, computeMs: null });
      });
    }, COUNT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [definition]);
  return state;
}
