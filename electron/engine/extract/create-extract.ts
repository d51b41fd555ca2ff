import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../core/app-error';
import { applyCipher, passphraseBytes, wipe, type ConcreteCipher } from './cipher';
import { createExtractTables, EXTRACT_INDEXES } from './extract-ddl';

/**
 * Opens a NEW encrypted extract for writing (import, demo generator, tests). The file is
 * created exclusively first, so an existing file is never overwritten, even in a race.
 * Tables are created without secondary indexes: bulk-load, then call finishExtract().
 */
export function createEncryptedExtract(targetPath: string, passphrase: string, cipher: ConcreteCipher): Database.Database {
  try {
    // 'wx' fails when the file exists; an empty file is a valid empty SQLite database.
    closeSync(openSync(targetPath, 'wx', 0o600)); // owner-only, like every file the app writes
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('IMPORT_TARGET_EXISTS', { file: path.basename(targetPath) });
    throw new AppError('WRITE_FAILED', { reason: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
  const db = new Database(targetPath, { fileMustExist: true });
  const key = passphraseBytes(passphrase);
  try {
    applyCipher(db, cipher, key);
    wipe(key);
    // Nothing derived from the data may reach disk unencrypted: temp tables/sorts stay in memory.
    db.pragma('temp_store=MEMORY');
    // The rollback journal of a fresh file holds almost nothing (new pages are not journaled);
    // keeping it in memory avoids a second file beside the target. The importer deletes a
    // half-written file on failure, so crash-safety of the bulk load is not needed.
    db.pragma('journal_mode=MEMORY');
    db.pragma('synchronous=OFF');
    db.pragma('cache_size=-131072');
    createExtractTables(db, false);
    return db;
  } catch (err) {
    wipe(key);
    db.close();
    throw err;
  }
}

/**
 * Finishes a bulk-loaded extract: secondary indexes, planner statistics, and a durable
 * last commit (synchronous=FULL makes that commit fsync the file before a rename).
 * Does not close the connection.
 */
export function finishExtract(db: Database.Database): void {
  db.exec(EXTRACT_INDEXES.join(';\n'));
  db.pragma('synchronous=FULL');
  db.exec('ANALYZE');
}

/** Inserts or replaces extract_meta keys (values are bound, never concatenated). */
export function writeExtractMeta(db: Database.Database, meta: Record<string, string>): void {
  const insert = db.prepare('INSERT OR REPLACE INTO extract_meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (const [k, v] of Object.entries(meta)) insert.run(k, v);
  })();
}
