import { errorMessage, type ErrorCode } from '../../../shared/api/errors';
import type { ApiError } from '../../../shared/api/result';

/**
 * The one error type handlers throw. It carries a stable code and message parameters
 * that are schema names, counts or file names, never values from the data.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly detail?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: errorMessage(this.code, this.params), ...(this.detail ? { detail: this.detail } : {}) };
  }
}

/** Turns anything thrown into an ApiError without leaking a stack trace or a data value. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) return err.toApiError();
  return { code: 'INTERNAL', message: errorMessage('INTERNAL') };
}
