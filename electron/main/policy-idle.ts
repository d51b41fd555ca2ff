import { ActivePolicy } from '../../shared/disclosure/policy';
import type { EngineClient } from '../engine-host/engine-client';
import { DEFAULT_IDLE_MINUTES } from './idle-lock';

/** Calls after which the policy in force may have changed (a workspace with the user's choices opened or closed). */
const POLICY_CHANGING = new Set(['extract.open', 'extract.close', 'disclosure.setUserPolicy']);

/**
 * The idle-lock minutes of the policy in force, asked of the engine (`disclosure.policy`):
 * defaults, lowered by the administrator's file and by the user's choices in the open workspace.
 * A command-line limit can only shorten it. When the engine cannot answer, the default holds.
 */
export async function policyIdleMinutes(engine: Pick<EngineClient, 'call'>, cap?: number): Promise<number> {
  let minutes = DEFAULT_IDLE_MINUTES;
  try {
    const r = await engine.call('disclosure.policy', {});
    const parsed = r.ok ? ActivePolicy.safeParse(r.value) : null;
    if (parsed?.success) minutes = parsed.data.policy.idleLockMinutes;
  } catch {
    // keep the default
  }
  return cap !== undefined && cap > 0 ? Math.min(minutes, cap) : minutes;
}

/**
 * The engine client main hands out, watching for calls that change the policy in force: after
 * each successful one `onPolicyMayChange` runs (main then re-reads the idle-lock minutes).
 */
export function watchPolicyChanges<E extends Pick<EngineClient, 'call'>>(engine: E, onPolicyMayChange: () => void): E {
  return {
    ...engine,
    call: async (method: string, request: unknown) => {
      const result = await engine.call(method, request);
      if (result.ok && POLICY_CHANGING.has(method)) onPolicyMayChange();
      return result;
    },
  };
}
