import type { VerhuisApi } from '../../../shared/api/contract';
import type { ApiError, Result } from '../../../shared/api/result';
import { errorMessage } from '../../../shared/api/errors';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the Chromium shell; the renderer's only way to the engine. */
    verhuis?: VerhuisApi;
  }
}

/** True when the page runs inside the app (Electron or the Chromium shell). */
export const hasBridge = (): boolean => typeof window !== 'undefined' && window.verhuis !== undefined;

/** The typed API. Only call after hasBridge(); the App shows a message otherwise. */
export function verhuis(): VerhuisApi {
  const api = window.verhuis;
  if (!api) throw new Error('window.verhuis is missing');
  return api;
}

/**
 * Awaits an API call and turns a broken bridge (rejected promise, host gone) into an
 * ordinary error result, so every screen handles one shape.
 */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    const result = await call();
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: unavailable() };
  } catch {
    return { ok: false, error: unavailable() };
  }
}

const unavailable = (): ApiError => ({ code: 'ENGINE_UNAVAILABLE', message: errorMessage('ENGINE_UNAVAILABLE') });
