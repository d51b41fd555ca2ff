import { z } from 'zod';
import { METHOD_NAMES, type MethodName } from '../../../shared/api/contract';
import { ERROR_CODES, type ErrorCode } from '../../../shared/api/errors';
import { AreaLevel, Vintage } from '../../../shared/geo/area-level';
import { MatrixKind } from '../../../shared/matrix/matrix-definition';
import { RenderPart } from '../../../shared/api/methods/app';

/**
 * What the app's event log may hold: an event name from a closed set, and fields that
 * are error codes, method names, enums, booleans or numbers. There is no string field
 * that takes free text, so a data value, a path or a passphrase cannot be logged —
 * not by the type checker and not at runtime (each event is checked before it is written).
 */

/** Host and engine lifecycle events. A call to a contract method is logged as 'engine.call'. */
export const LIFECYCLE_EVENTS = [
  'engine.start',
  'engine.call',
  'engine.stop',
  'engine.exit',
  'session.lock',
  'session.close',
  'host.start',
  'host.request.refused',
  'host.request.blocked',
  'host.navigation.blocked',
  'host.window.denied',
  'host.permission.denied',
  'log.rejected',
  'renderer.error',
] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/** Outcomes a capability may log for one of its methods, e.g. 'extract.open.failed'. */
export const OUTCOMES = ['ok', 'failed', 'cancelled', 'progress', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type LogEventName = LifecycleEvent | `${MethodName}.${Outcome}`;

const EVENT_NAMES: ReadonlySet<string> = new Set<string>([
  ...LIFECYCLE_EVENTS,
  ...METHOD_NAMES.flatMap((m) => OUTCOMES.map((o) => `${m}.${o}`)),
]);

export const isLogEventName = (name: unknown): name is LogEventName => typeof name === 'string' && EVENT_NAMES.has(name);

/** A count, size or duration: a finite number ≥ 0. */
const Amount = z.number().finite().nonnegative();

/** The only fields an event may carry. `.strict()`: any other key rejects the event. */
export const LogFields = z
  .object({
    method: z.enum(METHOD_NAMES as [MethodName, ...MethodName[]]),
    ok: z.boolean(),
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    ms: Amount,
    count: Amount,
    rows: Amount,
    persons: Amount,
    cells: Amount,
    suppressed: Amount,
    tables: Amount,
    files: Amount,
    bytes: Amount,
    attempts: Amount,
    cipher: z.enum(['auto', 'sqlcipher4', 'sqlcipher3', 'custom']),
    level: AreaLevel,
    vintage: Vintage,
    matrixKind: MatrixKind,
    format: z.enum(['xlsx', 'csv', 'json']),
    reason: z.enum(['idle', 'suspend', 'lock-screen', 'user', 'shutdown', 'crash']),
    scheme: z.enum(['http', 'https', 'ws', 'wss', 'ftp', 'file', 'data', 'blob', 'devtools', 'chrome', 'other']),
    process: z.enum(['main', 'engine', 'cli', 'shell']),
    /** The view or chart whose error boundary caught a render error. */
    part: RenderPart,
  })
  .partial()
  .strict();

/** The typed field set; `code` is an ErrorCode (the zod enum above checks it at runtime). */
export type LogFields = Omit<z.input<typeof LogFields>, 'code'> & { code?: ErrorCode };

/** One line of the log file, as written. */
export type LogLine = { t: string; event: LogEventName } & LogFields;
