import type { Migration } from './migration';

/**
 * The release ledger: per audited release, what it published and who stands behind each
 * published cell (see electron/engine/ledger/ledger-store.ts), so that every new release is
 * protected against all earlier ones. Replaces export_snapshot for that purpose.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'release-ledger',
  up(db) {
    db.exec(`
      CREATE TABLE release_ledger (
        seq INTEGER PRIMARY KEY REFERENCES audit_log(seq),
        tables INTEGER NOT NULL,
        bytes BLOB NOT NULL
      );
    `);
  },
};
