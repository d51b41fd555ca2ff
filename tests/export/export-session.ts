import Database from 'better-sqlite3-multiple-ciphers';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { migrateWorkspace } from '../../electron/engine/workspace/migrate';
import { fillMatrixFixture, sessionFor } from '../support/matrix-fixture';

/** A fixture extract in memory with a real (migrated) workspace, as extract.open gives. */
export function exportSession(seed = 5, persons = 1500): OpenSession {
  const db = new Database(':memory:');
  db.pragma('temp_store=MEMORY');
  const { referenceDate } = fillMatrixFixture(db, { seed, persons, referenceDate: '2025-06-30' });
  const ws = new Database(':memory:');
  migrateWorkspace(ws);
  return sessionFor(db, ws, referenceDate);
}
