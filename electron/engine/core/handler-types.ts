import type { MethodName, ParsedRequestOf, ResponseOf } from '../../../shared/api/contract';
import type { EngineEvent } from '../../../shared/api/events';
import type { HostMethodName } from '../../../shared/api/methods/host';
import type { EngineState } from './engine-state';
import type { EventLog } from '../log/event-log';

/** What a handler gets besides its (already validated) request. */
export interface HandlerContext {
  state: EngineState;
  emit(event: EngineEvent): void;
  /** The app's event log (codes and enums only; see log-fields.ts). */
  log: EventLog;
}

export type Handler<M extends MethodName> = (request: ParsedRequestOf<M>, ctx: HandlerContext) => Promise<ResponseOf<M>> | ResponseOf<M>;

/** Engine methods are all contract methods that the host does not answer itself. */
export type EngineMethodName = Exclude<MethodName, HostMethodName>;

export type HandlerTable<M extends MethodName = EngineMethodName> = { [K in M]: Handler<K> };
