import type { Migration } from './migration';

/**
 * What the differencing guard compares: per audited export, the cohort, the table and
 * the values that were published (JSON), in the encrypted workspace. The audit entry
 * holds the snapshot's SHA-256, so the chain covers it.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'export-snapshot',
  up(db) {
    db.exec(`
      CREATE TABLE export_snapshot (
        seq INTEGER PRIMARY KEY REFERENCES audit_log(seq),
        cohort TEXT NOT NULL,
        tbl TEXT NOT NULL,
        published TEXT NOT NULL
      );
    `);
  },
};
