import type { ErrorCode } from './errors';
import type { LocalizedText } from './localized';

/**
 * What every API call returns. A failure carries a stable code and a message in
 * both languages; never a stack trace, never a value taken from the data.
 */
export interface ApiError {
  code: ErrorCode;
  message: LocalizedText;
  /** Structured, data-free detail for the UI (e.g. the names of missing tables). */
  detail?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
