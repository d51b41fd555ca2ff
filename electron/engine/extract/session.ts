import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ExtractSummary } from '../../../shared/api/methods/extract';
import type { OpenSession } from '../core/open-session';

/**
 * The session of one open extract. close() closes both files and drops all derived data;
 * `afterClose` runs once the extract's connection is closed (it releases the hold on the
 * extract's -wal/-shm, see sidecar-files.ts).
 */
export function createOpenSession(db: Database, workspace: Database, summary: ExtractSummary, afterClose?: () => void, filePath?: string): OpenSession {
  const cache = new Map<string, unknown>();
  let closed = false;
  return {
    db,
    workspace,
    summary,
    ...(filePath ? { filePath } : {}),
    cache,
    close() {
      if (closed) return;
      closed = true;
      cache.clear();
      try {
        db.close();
        afterClose?.();
      } finally {
        // A clean close checkpoints the WAL into the (encrypted) workspace file.
        workspace.close();
      }
    },
  };
}
