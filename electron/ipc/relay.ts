import { contract, isHostMethod, isMethodName, type MethodName } from '../../shared/api/contract';
import { errorMessage, type ErrorCode } from '../../shared/api/errors';
import type { MethodSpec } from '../../shared/api/method';
import { fail, ok, type Result } from '../../shared/api/result';
import { describeIssue } from '../engine/core/dispatch';
import type { EngineClient } from '../engine-host/engine-client';
import { HostFailure, type HostContext, type HostHandlers, type HostMethodName } from '../host/host-handlers';

export interface RelayDeps {
  engine: Pick<EngineClient, 'call'>;
  host: HostHandlers;
  /** Called once per accepted request (the idle lock counts API calls as activity). */
  onAccepted?: (method: MethodName) => void;
}

/** (method, raw request, is the sender the app's own main frame?) → Result. Never throws. */
export type Relay = (method: unknown, request: unknown, senderTrusted: boolean) => Promise<Result<unknown>>;

const failWith = (code: ErrorCode, params: Record<string, string | number> = {}) =>
  fail({ code, message: errorMessage(code, params) });

/**
 * The boundary shared by Electron main and the Chromium shell: only contract methods, only
 * from the app's main frame, only requests that pass their schema reach a handler. Host
 * methods (dialogs, clipboard, recipe files) are answered here, with the engine at hand;
 * everything else is relayed to the engine worker.
 */
export function createRelay(deps: RelayDeps): Relay {
  return async (method, request, senderTrusted) => {
    if (!isMethodName(method)) return failWith('UNKNOWN_METHOD');
    if (!senderTrusted) return failWith('FORBIDDEN_SENDER');
    const spec = contract[method] as MethodSpec;
    const parsed = spec.request.safeParse(request);
    if (!parsed.success) return failWith('INVALID_REQUEST', { issue: describeIssue(parsed.error) });
    deps.onAccepted?.(method);
    if (isHostMethod(method)) {
      const handler = deps.host[method as HostMethodName] as ((req: unknown, ctx: HostContext) => Promise<unknown>) | undefined;
      if (!handler) return failWith('NOT_SUPPORTED', { what: method });
      try {
        return ok(await handler(parsed.data, { engine: deps.engine }));
      } catch (err) {
        // An expected refusal (an engine error, no clipboard) keeps its code; anything else is INTERNAL.
        return err instanceof HostFailure ? fail(err.error) : failWith('INTERNAL');
      }
    }
    // The audit log records where an export came from: through this boundary it is always the UI.
    const forEngine = method === 'export.matrix' || method === 'export.quality' ? { ...(parsed.data as object), channel: 'ui' } : parsed.data;
    try {
      return await deps.engine.call(method, forEngine);
    } catch {
      return failWith('ENGINE_UNAVAILABLE');
    }
  };
}
