import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../core/app-error';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations';

/**
 * Brings a workspace to the newest schema. Each migration and its schema_version row
 * commit together, so a crash leaves the workspace at the previous or the next version,
 * never in between. A workspace written by a newer app version is refused.
 */
export function migrateWorkspace(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const current = (db.prepare('SELECT coalesce(max(version), 0) FROM schema_version').pluck().get() as number) ?? 0;
  const newest = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (current > newest) throw new AppError('WORKSPACE_ERROR', { reason: `version ${current} > ${newest}` });
  const record = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
  return Math.max(current, newest);
}

export const workspaceVersion = (db: Database): number =>
  db.prepare('SELECT coalesce(max(version), 0) FROM schema_version').pluck().get() as number;
