import type { Migration } from './migration';

/**
 * The key of the encrypted index cache (see engine/index-cache/): 32 random bytes made on
 * the first open that writes a cache. Kept only here, in the workspace encrypted with the
 * extract's passphrase, so the cache file beside it is unreadable without that passphrase.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'index-cache-key',
  up(db) {
    db.exec(`
      CREATE TABLE index_cache_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        key BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
    `);
  },
};
