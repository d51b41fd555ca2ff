import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyCipher } from '../../electron/engine/extract/cipher';
import { makeTestEngine } from '../support/test-engine';
import { tempDir } from './csv-fixture';

export const PASS = 'import-test-passphrase';

/** Imports a folder through the engine (import.fromCsv) into a fresh target folder. */
export async function runImport(sourceDir: string) {
  const te = makeTestEngine();
  const targetDir = tempDir('vv-target-');
  const targetPath = path.join(targetDir, 'extract.db');
  const events: { fraction: number | null; rows?: number }[] = [];
  te.engine.onEvent((e) => {
    if (e.type === 'progress' && e.task === 'import') events.push({ fraction: e.fraction, rows: e.rows });
  });
  const result = await te.call('import.fromCsv', { sourceDir, targetPath, passphrase: PASS });
  return { te, targetDir, targetPath, result, events };
}

/** Reads the imported (encrypted) extract directly, read-only. */
export function openImported(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  applyCipher(db, { preset: 'sqlcipher4' }, Buffer.from(PASS));
  db.pragma('temp_store=MEMORY');
  return db;
}
