import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import type { EngineEvent } from '../../../shared/api/events';
import { errorMessage } from '../../../shared/api/errors';
import { fail, ok, type Result } from '../../../shared/api/result';
import { toApiError } from './app-error';
import type { EngineConfig } from './engine-state';
import { EngineState } from './engine-state';
import type { EngineMethodName, HandlerTable } from './handler-types';
import { createFileEventLog, logDirOf, type EventLog } from '../log/event-log';
import { effectiveDataDir, policySources, readAdminPolicy } from '../policy/policy-file';

export interface Engine {
  dispatch(method: string, request: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  readonly state: EngineState;
}

export interface EngineOptions {
  /** Check every response against its schema (tests, development). */
  validateResponses?: boolean;
  /** The event log (method, ok/code, duration per call). Default: <dataDir>/logs/verhuis.log. */
  log?: EventLog;
}

/** First line of the zod issue, with the path but without the offending value. */
export function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const path = first.path.map(String).join('.') || '(root)';
  return `${path}: ${first.message}`.slice(0, 200);
}

/**
 * The engine's single entry point: validates the request against the contract (again:
 * the engine trusts no caller, the CLI and the shell included), runs the handler, and
 * wraps the outcome in a Result.
 */
export function createEngine(
  config: EngineConfig,
  buildHandlers: (state: EngineState) => HandlerTable,
  options: EngineOptions = {},
): Engine {
  // The administrator's pinned data folder wins over the host's (--data-dir, userData): the
  // audit log and release ledger live there, and a fresh folder must not mean a fresh record.
  const state = new EngineState({ ...config, dataDir: effectiveDataDir(config.dataDir, readAdminPolicy(policySources(config.policy))) });
  const handlers = buildHandlers(state);
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent) => listeners.forEach((l) => l(event));

  const log = options.log ?? createFileEventLog(logDirOf(state.config.dataDir));
  log.event('engine.start', {});

  // Logs each call's method (only a contract name, never the raw string), outcome and duration.
  async function dispatch(method: string, request: unknown): Promise<Result<unknown>> {
    const started = performance.now();
    const known = isMethodName(method) ? { method } : {};
    try {
      const result = await dispatchCall(method, request);
      log.event('engine.call', { ...known, ok: result.ok, ...(result.ok ? {} : { code: result.error.code }), ms: performance.now() - started });
      return result;
    } catch (err) {
      log.event('engine.call', { ...known, ok: false, code: 'INTERNAL', ms: performance.now() - started });
      throw err;
    }
  }

  async function dispatchCall(method: string, request: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method) || !(method in handlers)) {
      return fail({ code: 'UNKNOWN_METHOD', message: errorMessage('UNKNOWN_METHOD') });
    }
    const spec = contract[method as MethodName];
    const parsed = spec.request.safeParse(request);
    if (!parsed.success) {
      return fail({ code: 'INVALID_REQUEST', message: errorMessage('INVALID_REQUEST', { issue: describeIssue(parsed.error) }) });
    }
    try {
      const handler = handlers[method as EngineMethodName] as (req: unknown, ctx: { state: EngineState; emit: typeof emit; log: EventLog }) => unknown;
      const value = await handler(parsed.data, { state, emit, log });
      if (options.validateResponses) {
        const checked = spec.response.safeParse(value);
        if (!checked.success) throw new Error(`response of ${method} fails its schema: ${describeIssue(checked.error)}`);
      }
      return ok(value);
    } catch (err) {
      if (options.validateResponses && !(err instanceof Error && err.name === 'AppError')) throw err;
      return fail(toApiError(err));
    }
  }

  return {
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state,
  };
}
