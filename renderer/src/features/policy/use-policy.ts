import { useEffect, useState } from 'react';
import type { ActivePolicy, UserPolicy } from '../../../../shared/disclosure/policy';
import type { ApiError, Result } from '../../../../shared/api/result';
import { settle, verhuis } from '../../api/verhuis';

/**
 * The policy in force (`disclosure.policy`), shared by every screen that shows or obeys it:
 * the export buttons (CSV or export forbidden), the legend and the policy panel. One answer is
 * kept; a change through `setUserPolicy` (or an extract opened) refreshes all of them.
 */
type Listener = (p: ActivePolicy | null) => void;
let current: ActivePolicy | null = null;
const listeners = new Set<Listener>();
let inflight: Promise<Result<ActivePolicy>> | null = null;

const publish = (p: ActivePolicy | null) => {
  current = p;
  listeners.forEach((l) => l(p));
};

/** Asks the engine again (after an extract was opened, or to show a change). */
export function reloadPolicy(): Promise<Result<ActivePolicy>> {
  inflight ??= settle(() => verhuis().disclosure.policy({})).then((r) => {
    inflight = null;
    publish(r.ok ? r.value : null);
    return r;
  });
  return inflight;
}

/** Stores the user's tightening in the workspace; the engine answers with the policy now in force. */
export async function applyUserPolicy(user: UserPolicy): Promise<Result<ActivePolicy>> {
  const r = await settle(() => verhuis().disclosure.setUserPolicy({ user }));
  if (r.ok) publish(r.value);
  return r;
}

/** Forgets the policy (extract closed or locked): the next screen asks again. */
export function forgetPolicy(): void {
  publish(null);
}

export function usePolicy(): { policy: ActivePolicy | null; error: ApiError | null } {
  const [policy, setPolicy] = useState<ActivePolicy | null>(current);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const listener: Listener = (p) => setPolicy(p);
    listeners.add(listener);
    if (current === null)
      void reloadPolicy().then((r) => {
        if (!r.ok) setError(r.error);
      });
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return { policy, error };
}
