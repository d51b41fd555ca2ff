import { useEffect, useRef, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { MatrixDefinitionInput, MatrixResult } from '../../../../shared/matrix/matrix-definition';
import type { ApiError } from '../../../../shared/api/result';
import { settle, verhuis } from '../../api/verhuis';

export interface MatrixState {
  result: MatrixResult | null;
  error: ApiError | null;
  pending: boolean;
  /** Increases with every new result: charts and the grid redraw on it, tests wait for it. */
  revision: number;
}

/**
 * Computes a matrix whenever the cohort or the definition changes. Only the answer to the
 * latest request is kept, so a slow answer to an older filter never overwrites a newer one.
 * The previous matrix stays on screen (dimmed) while the next one is computed.
 */
export function useMatrix(cohort: CohortDefinition, definition: MatrixDefinitionInput, enabled = true): MatrixState {
  const [state, setState] = useState<MatrixState>({ result: null, error: null, pending: false, revision: 0 });
  const latest = useRef(0);
  const key = JSON.stringify([cohort, definition]);
  useEffect(() => {
    if (!enabled) return;
    const id = ++latest.current;
    setState((s) => ({ ...s, pending: true, error: null }));
    void settle(() => verhuis().matrix.compute({ cohort, definition })).then((res) => {
      if (id !== latest.current) return;
      setState((s) =>
        res.ok
          ? { result: res.value, error: null, pending: false, revision: s.revision + 1 }
          : { result: null, error: res.error, pending: false, revision: s.revision + 1 },
      );
    });
    // `key` stands for cohort and definition (new objects on every render of the parent).
  }, [key, enabled]);
  return state;
}
