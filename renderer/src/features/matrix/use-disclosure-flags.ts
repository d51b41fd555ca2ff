import { useEffect, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { MatrixDefinition } from '../../../../shared/matrix/matrix-definition';
import { ProtectedCounts } from '../../../../shared/disclosure/protection';
import { DEFAULT_POLICY } from '../../../../shared/disclosure/policy';
import { hasBridge } from '../../api/verhuis';
import { type CellFlags, flagsFromProtected } from './grid-rows';

export interface DisclosureFlagsState {
  flags: CellFlags | null;
  threshold: number;
  /** False when the engine offers no disclosure preview (yet): the legend says so. */
  available: boolean;
}

type LooseCall = (request: unknown) => Promise<{ ok: boolean; value?: unknown }>;

/** The engine's preview of what disclosure control will protect when this matrix is exported. */
function previewMethod(): LooseCall | null {
  if (!hasBridge()) return null;
  const api = window.verhuis as unknown as Record<string, Record<string, LooseCall> | undefined>;
  return api.disclosure?.preview ?? null;
}

/**
 * Flags for the matrix on screen: which cells disclosure control will suppress on export,
 * and why. The answer is validated; anything unexpected just leaves the cells unmarked.
 */
export function useDisclosureFlags(cohort: CohortDefinition, definition: MatrixDefinition | null, revision: number): DisclosureFlagsState {
  const [state, setState] = useState<DisclosureFlagsState>({ flags: null, threshold: DEFAULT_POLICY.threshold, available: previewMethod() !== null });
  const key = JSON.stringify([cohort, definition]);
  useEffect(() => {
    const preview = previewMethod();
    if (!definition || !preview) {
      setState((s) => ({ ...s, flags: null, available: preview !== null }));
      return undefined;
    }
    let live = true;
    preview({ cohort, definition })
      .then((res) => {
        if (!live) return;
        const raw = res.ok ? res.value : null;
        const parsed = ProtectedCounts.safeParse(raw && typeof raw === 'object' && 'table' in raw ? (raw as { table: unknown }).table : raw);
        setState(
          parsed.success
            ? { flags: flagsFromProtected(parsed.data), threshold: parsed.data.threshold, available: true }
            : { flags: null, threshold: DEFAULT_POLICY.threshold, available: false },
        );
      })
      .catch(() => live && setState((s) => ({ ...s, flags: null, available: false })));
    return () => {
      live = false;
    };
    // `key` stands for cohort and definition; revision re-asks after a recompute.
  }, [key, revision]);
  return state;
}
