import type { Migration } from './migration';

/**
 * The secret per-person keys of cell-key perturbation: one random 32-bit key per person
 * index of the columnar index (row order of the extract's person table), made once from a
 * CSPRNG on first use and kept for good. One row per extract fingerprint, because person
 * indexes only mean the same persons within one fingerprinted extract. In the encrypted
 * workspace only; never in the extract, never in a file of its own.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'person-keys',
  up(db) {
    db.exec(`
      CREATE TABLE person_key (
        fingerprint TEXT PRIMARY KEY,
        persons INTEGER NOT NULL,
        keys BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
    `);
  },
};
