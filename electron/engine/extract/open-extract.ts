import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { CipherSettings } from '../../../shared/api/methods/extract';
import { AppError } from '../core/app-error';
import { applyCipher, AUTO_ORDER, type ConcreteCipher } from './cipher';
import type { FileProbe } from './file-probe';
import { fromSqliteError, isNotADatabase } from './sqlite-errors';

export interface KeyedExtract {
  db: Database.Database;
  cipher: ConcreteCipher;
}

/** How long a read waits for another program's lock before FILE_LOCKED. */
const LOCK_WAIT_MS = 1000;

/**
 * Opens the extract read-only with each cipher setting in turn (a fresh connection per
 * attempt: a connection keeps the first key it is given) and returns the first that
 * decrypts page 1. The caller owns `key` and wipes it.
 */
export function openWithKey(filePath: string, key: Buffer, cipher: CipherSettings, probe: FileProbe): KeyedExtract {
  const attempts = cipher.preset === 'auto' ? AUTO_ORDER : [cipher];
  for (const attempt of attempts) {
    const db = tryKey(filePath, key, attempt);
    if (db) return { db, cipher: attempt };
  }
  const file = path.basename(filePath);
  // An intact SQLCipher file is whole pages; anything else failing every key is no database.
  if (!probe.wholePages) throw new AppError('NOT_A_DATABASE', { file }, { reason: 'partial-page' });
  throw new AppError('WRONG_PASSPHRASE', { file }, { tried: attempts.map((a) => a.preset) });
}

/** The keyed connection, or null when the key (or cipher setting) does not decrypt the file. */
function tryKey(filePath: string, key: Buffer, cipher: ConcreteCipher): Database.Database | null {
  let db: Database.Database;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS });
  } catch (err) {
    throw fromSqliteError(err, filePath) ?? new AppError('FILE_UNREADABLE', { file: path.basename(filePath) });
  }
  try {
    applyCipher(db, cipher, key);
    db.pragma('temp_store=MEMORY');
    db.pragma('query_only=1');
    // The first read derives the key and checks page 1: fails fast on a wrong key.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    db.close();
    if (isNotADatabase(err)) return null;
    throw fromSqliteError(err, filePath) ?? err;
  }
}

/**
 * Cheap integrity checks after the key fits. A file truncated after its header claims
 * more pages than it holds; SQLite then reports corruption on the first read of a
 * missing page, but checking sizes first gives the answer without reading the data.
 * `PRAGMA quick_check` reads every page, so it runs only on files small enough for it
 * to be quick; larger files rely on the row counts (which read every table) and on
 * SQLITE_CORRUPT during later reads.
 */
export function checkIntegrity(db: Database.Database, filePath: string, fileSize: number, quickCheckLimit = 64 * 1024 * 1024): void {
  const file = path.basename(filePath);
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pageCount = db.pragma('page_count', { simple: true }) as number;
    if (pageCount * pageSize > fileSize) throw new AppError('CORRUPT_FILE', { file }, { reason: 'truncated' });
    if (fileSize <= quickCheckLimit) {
      const result = db.pragma('quick_check(1)', { simple: true });
      if (result !== 'ok') throw new AppError('CORRUPT_FILE', { file }, { reason: 'quick-check' });
    }
  } catch (err) {
    throw fromSqliteError(err, filePath) ?? (isNotADatabase(err) ? new AppError('CORRUPT_FILE', { file }) : err);
  }
}
