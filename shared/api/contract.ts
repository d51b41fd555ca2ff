import type { z } from 'zod';
import type { MethodSpec } from './method';
import type { Result } from './result';
import { appMethods } from './methods/app';
import { extractMethods } from './methods/extract';
import { importMethods } from './methods/import';
import { cohortMethods } from './methods/cohort';
import { matrixMethods } from './methods/matrix';
import { browseMethods } from './methods/browse';
import { exportMethods } from './methods/export';
import { crosstabMethods } from './methods/crosstab';
import { hostMethods } from './methods/host';
import { sessionStateMethods } from './methods/session-state';
import { trustMethods } from './methods/trust';
import { qualityMethods } from './methods/quality';

/**
 * The one contract between the renderer and the engine: every method the renderer
 * may call, with the zod schemas of its request and response. The preload, the
 * Chromium shell and the main-process handlers are all generated from this table.
 */
export const contract = {
  ...appMethods,
  ...extractMethods,
  ...importMethods,
  ...cohortMethods,
  ...matrixMethods,
  ...browseMethods,
  ...exportMethods,
  ...crosstabMethods,
  ...hostMethods,
  ...sessionStateMethods,
  ...trustMethods,
  ...qualityMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<Contract[M]['response']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** Methods answered by the host process itself (dialogs, clipboard), not the engine. */
export const isHostMethod = (name: MethodName): boolean => (contract[name] as MethodSpec).host === true;

/** The IPC channel of a method: one channel per method, no generic invoke. */
export const channelOf = (name: MethodName): string => `verhuis:${name}`;
export const EVENT_CHANNEL = 'verhuis:event';

/**
 * The shape of `window.verhuis`: `window.verhuis.extract.open(req)` for method
 * `extract.open`, plus `onEvent` for progress and lock notifications.
 */
type Split<S extends string> = S extends `${infer NS}.${infer Fn}` ? [NS, Fn] : never;
type Namespaces = Split<MethodName>[0];
export type VerhuisApi = {
  [NS in Namespaces]: {
    [M in MethodName as Split<M>[0] extends NS ? Split<M>[1] : never]: (
      request: RequestOf<M>,
    ) => Promise<Result<ResponseOf<M>>>;
  };
} & {
  onEvent(listener: (event: unknown) => void): () => void;
};

/** Builds the nested `window.verhuis` object from a flat call function; used by preload and shell. */
export function buildApi(
  call: (method: MethodName, request: unknown) => Promise<unknown>,
  onEvent: VerhuisApi['onEvent'],
): VerhuisApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const name of METHOD_NAMES) {
    const [ns, fn] = name.split('.') as [string, string];
    (api[ns] ??= {})[fn] = (request: unknown) => call(name, request);
  }
  return Object.assign(api, { onEvent }) as unknown as VerhuisApi;
}
