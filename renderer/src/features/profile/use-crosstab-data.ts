import { useEffect, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { CrosstabSubjectInput } from '../../../../shared/crosstab/crosstab-definition';
import type { ProtectedCounts } from '../../../../shared/disclosure/protection';
import type { ApiError, Result } from '../../../../shared/api/result';
import { settle } from '../../api/verhuis';

export interface Loaded<T> {
  value: T | null;
  error: ApiError | null;
  loading: boolean;
}

/** Calls the engine whenever `key` changes; a late answer to an earlier key is dropped. */
export function useEngineValue<T>(key: string | null, call: () => Promise<Result<T>>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ value: null, error: null, loading: key !== null });
  useEffect(() => {
    if (key === null) {
      setState({ value: null, error: null, loading: false });
      return undefined;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void settle(call).then((r) => {
      if (!live) return;
      setState(r.ok ? { value: r.value, error: null, loading: false } : { value: null, error: r.error, loading: false });
    });
    return () => {
      live = false;
    };
    // `key` stands for the request.
  }, [key]);
  return state;
}

/**
 * The tables as every output would carry them (crosstab.preview runs the release path's
 * protection): the screen marks the cells that will be protected.
 */
export function useProtectedTables(cohort: CohortDefinition, subject: CrosstabSubjectInput | null): Loaded<{ tables: ProtectedCounts[] }> {
  const key = subject ? JSON.stringify([cohort, subject]) : null;
  return useEngineValue(key, () => window.verhuis!.crosstab.preview({ cohort, subject: subject! }));
}
