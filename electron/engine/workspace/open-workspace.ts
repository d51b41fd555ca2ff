import { createHash } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../core/app-error';
import { applyCipher } from '../extract/cipher';
import { isNotADatabase, sqliteCode } from '../extract/sqlite-errors';
import { migrateWorkspace } from './migrate';

/**
 * The workspace of an extract: saved cohorts, the export audit log and settings, in a
 * separate SQLCipher 4 file keyed with the extract's passphrase. Never in the extract.
 * The file name is a hash of the extract_id, so no identifier appears in a path and a
 * re-delivered extract with the same id finds its cohorts again.
 */
const PRIVATE_MODE = 0o600;

export const workspacePath = (dataDir: string, extractId: string): string =>
  path.join(dataDir, 'workspaces', `${createHash('sha256').update(extractId, 'utf8').digest('hex').slice(0, 32)}.vvw`);

/**
 * Opens (creating on first use) and migrates the workspace. WAL keeps it consistent if
 * the process dies mid-write; synchronous=FULL makes each committed cohort or audit entry
 * durable. The -wal file holds encrypted pages; the -shm file holds only page numbers.
 * The caller owns `key` and wipes it.
 */
export function openWorkspace(filePath: string, key: Buffer): Database.Database {
  let db: Database.Database;
  try {
    mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
    // Owner-only, also for a workspace made by an older version (0644); SQLite gives the
    // -wal and -shm files the mode of the database file.
    closeSync(openSync(filePath, 'a', PRIVATE_MODE));
    chmodSync(filePath, PRIVATE_MODE);
    db = new Database(filePath, { timeout: 5000 });
  } catch (err) {
    throw new AppError('WORKSPACE_ERROR', { reason: (err as NodeJS.ErrnoException).code || 'io' });
  }
  try {
    applyCipher(db, { preset: 'sqlcipher4' }, key);
    db.pragma('temp_store=MEMORY');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    db.pragma('foreign_keys=ON');
    migrateWorkspace(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    // Same extract_id, different passphrase (e.g. a re-made demo extract): the workspace stays as it is.
    if (isNotADatabase(err)) throw new AppError('WORKSPACE_ERROR', { reason: 'passphrase differs from the workspace' });
    throw new AppError('WORKSPACE_ERROR', { reason: sqliteCode(err) || 'unexpected' });
  }
}
