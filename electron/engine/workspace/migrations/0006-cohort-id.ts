import type { Migration } from './migration';

/**
 * Saved cohorts get a stable id, and the cross-tab kept with a cohort is keyed by it (table
 * cohort_crosstab) instead of by the cohort's name: a rename keeps it, a cohort deleted and
 * made again under the same name does not inherit it. Cross-tabs kept under a name (settings
 * `crosstab.saved:<name>`) move to the cohort that has that name now; one whose cohort is gone
 * is dropped.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'cohort-id',
  up(db) {
    db.exec(`
      CREATE TABLE cohort_new (
        name TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        id TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16))))
      );
      INSERT INTO cohort_new (name, definition, created_at, updated_at) SELECT name, definition, created_at, updated_at FROM cohort;
      DROP TABLE cohort;
      ALTER TABLE cohort_new RENAME TO cohort;
      CREATE TABLE cohort_crosstab (
        cohort_id TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      INSERT INTO cohort_crosstab (cohort_id, definition, updated_at)
        SELECT c.id, s.value, c.updated_at FROM settings s JOIN cohort c ON s.key = 'crosstab.saved:' || c.name WHERE s.value <> 'null';
      DELETE FROM settings WHERE key LIKE 'crosstab.saved:%';
    `);
  },
};
