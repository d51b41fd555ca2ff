import { AppError } from '../core/app-error';

/**
 * A failure while writing a new file (errno such as ENOSPC, or SQLite's SQLITE_FULL /
 * SQLITE_IOERR_WRITE) as WRITE_FAILED. The reason is the code alone: never a path or data.
 * AppErrors pass unchanged; errors without a code are bugs and pass unchanged too.
 */
export function asWriteFailure(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const code = err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : '';
  if (!/^[A-Z][A-Z0-9_]*$/.test(code)) return err;
  return new AppError('WRITE_FAILED', { reason: code });
}
