import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ExtractSummary } from '../../../shared/api/methods/extract';

/**
 * An open extract: the read-only extract connection, its encrypted workspace, and the
 * data derived from it in memory (columnar index, caches). Derived data never leaves
 * memory unencrypted; close() drops it.
 */
export interface OpenSession {
  /** The extract, opened read-only. */
  readonly db: Database;
  /** The encrypted workspace of this extract (saved cohorts, audit log, settings). */
  readonly workspace: Database;
  readonly summary: ExtractSummary;
  /** The extract's path as opened (write paths may never point at it). */
  readonly filePath?: string;
  /** In-memory derived data keyed by capability (e.g. 'columnar-index'). */
  readonly cache: Map<string, unknown>;
  /**
   * Work the open left running once the session was answered: writing the encrypted index
   * cache, or verifying a cached index against the full SHA-256. Never rejects.
   */
  background?: Promise<void>;
  /**
   * Settles once summary.fingerprint is the full SHA-256 of the file: at once after a build,
   * after a cache hit once the background check confirmed or corrected it (or the session
   * closed). Never rejects. Every path that writes the fingerprint into a lasting record (a
   * release, a recipe, the audit report) awaits it (see settledSession in export/release.ts).
   */
  fingerprintChecked?: Promise<void>;
  close(): void;
}
