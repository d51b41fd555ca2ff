import type { Database } from 'better-sqlite3-multiple-ciphers';
import { EXTRACT_SCHEMA, type ColumnSpec } from '../../../shared/extract/extract-schema';

const sqlType = (c: ColumnSpec): string => (c.type === 'int' ? 'INTEGER' : 'TEXT');

/** CREATE TABLE statements of an extract, from the one schema description. */
export function extractDdl(): string[] {
  return EXTRACT_SCHEMA.map((t) => {
    const cols = t.columns.map((c) => `${c.name} ${sqlType(c)}${c.nullable ? '' : ' NOT NULL'}`);
    return `CREATE TABLE ${t.name} (${cols.join(', ')}, PRIMARY KEY (${t.primaryKey.join(', ')}))`;
  });
}

/**
 * Secondary indexes (created when an extract is written). residence and
 * protection_decision need none: their primary keys (person_id, start_date) and
 * (person_id, decision_date) already give the same index.
 */
export const EXTRACT_INDEXES = [
  'CREATE INDEX application_person ON asylum_application (person_id)',
  'CREATE INDEX trajectory_person ON kbi_trajectory (person_id)',
  'CREATE INDEX component_person ON kbi_component (person_id)',
];

/** Creates the extract tables in an empty database (the caller has applied the cipher). */
export function createExtractTables(db: Database, withIndexes = true): void {
  db.exec([...extractDdl(), ...(withIndexes ? EXTRACT_INDEXES : [])].join(';\n'));
}
