import { useEffect, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { MatrixDefinition } from '../../../../shared/matrix/matrix-definition';
import type { ProtectedCounts } from '../../../../shared/disclosure/protection';
import type { ApiError } from '../../../../shared/api/result';
import { DEFAULT_POLICY } from '../../../../shared/disclosure/policy';
import { settle, verhuis } from '../../api/verhuis';
import { type CellFlags, flagsFromProtected } from './grid-rows';

export interface DisclosureFlagsState {
  flags: CellFlags | null;
  /** The table as every output would carry it (for rounded values on screen), or null. */
  protectedTable: ProtectedCounts | null;
  threshold: number;
  method: ProtectedCounts['method'];
  roundingBase: number | null;
  /** Cell-key perturbation's D and variance, when the table is perturbed. */
  perturbation: ProtectedCounts['perturbation'] | null;
  /** False while the preview is pending or failed: the legend says cells are not (yet) marked. */
  available: boolean;
  error: ApiError | null;
}

const EMPTY: DisclosureFlagsState = {
  flags: null,
  protectedTable: null,
  threshold: DEFAULT_POLICY.threshold,
  method: DEFAULT_POLICY.method,
  roundingBase: null,
  perturbation: null,
  available: false,
  error: null,
};

/**
 * Which cells disclosure control will protect when this matrix leaves the app, and why:
 * `disclosure.preview` runs the same protection as every export. A preview whose shape does
 * not fit the matrix on screen (rows × cols) is not used, so no mark lands on the wrong cell.
 */
export function useDisclosureFlags(
  cohort: CohortDefinition,
  definition: MatrixDefinition | null,
  shape: { rows: number; cols: number } | null,
  revision: number,
): DisclosureFlagsState {
  const [state, setState] = useState<DisclosureFlagsState>(EMPTY);
  const key = JSON.stringify([cohort, definition, shape]);
  useEffect(() => {
    if (!definition || !shape) {
      setState(EMPTY);
      return undefined;
    }
    let live = true;
    void settle(() => verhuis().disclosure.preview({ cohort, definition })).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setState({ ...EMPTY, error: r.error });
        return;
      }
      const t = r.value;
      if (t.rows !== shape.rows || t.cols !== shape.cols) {
        setState(EMPTY);
        return;
      }
      setState({
        flags: flagsFromProtected(t),
        protectedTable: t,
        threshold: t.threshold,
        method: t.method,
        roundingBase: t.roundingBase,
        perturbation: t.perturbation ?? null,
        available: true,
        error: null,
      });
    });
    return () => {
      live = false;
    };
    // `key` stands for cohort, definition and shape; revision re-asks after a recompute.
  }, [key, revision]);
  return state;
}
