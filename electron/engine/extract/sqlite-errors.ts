import path from 'node:path';
import { AppError } from '../core/app-error';

/** The SQLite result code of an error thrown by better-sqlite3 (e.g. 'SQLITE_NOTADB'), or ''. */
export const sqliteCode = (err: unknown): string =>
  err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : '';

/** SQLite says this for a wrong key as well as for bytes that are no database at all. */
export const isNotADatabase = (err: unknown) => sqliteCode(err) === 'SQLITE_NOTADB';

/**
 * Maps an SQLite error met while reading an opened extract to the app's stable codes.
 * NOTADB is not mapped here: what it means depends on how far opening got.
 */
export function fromSqliteError(err: unknown, filePath: string): AppError | null {
  if (err instanceof AppError) return err;
  const code = sqliteCode(err);
  const file = path.basename(filePath);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('FILE_LOCKED', { file });
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ') return new AppError('CORRUPT_FILE', { file });
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH') || code.startsWith('SQLITE_IOERR')) {
    return new AppError('FILE_UNREADABLE', { file });
  }
  return null;
}
