import { buildApi } from '../../shared/api/contract';
import { CALL_BINDING, EVENT_NAME } from './bridge-names';

/**
 * Runs inside the page of the Chromium shell (bundled as an IIFE and added with
 * addInitScript): builds `window.verhuis` from the contract, exactly like the preload, on
 * top of the one binding the shell exposes. Events arrive as a DOM event from the shell.
 */

type CallBinding = (method: string, request: unknown) => Promise<unknown>;

function install(): void {
  const scope = globalThis as unknown as Record<string, unknown> & EventTarget;
  if ('verhuis' in scope) return;
  // Looked up per call: the binding is the shell's, installed by Playwright for every document.
  const call: CallBinding = (method, request) => (scope[CALL_BINDING] as CallBinding)(method, request);
  const api = buildApi(
    (method, request) => call(method, request),
    (listener) => {
      const handler = (e: Event) => listener((e as CustomEvent<unknown>).detail);
      scope.addEventListener(EVENT_NAME, handler);
      return () => scope.removeEventListener(EVENT_NAME, handler);
    },
  );
  Object.defineProperty(scope, 'verhuis', { value: Object.freeze(api), writable: false, configurable: false });
}

install();
