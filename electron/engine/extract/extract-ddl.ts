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

/** Secondary indexes the engine's queries rely on (created when an extract is written). */
export const EXTRACT_INDEXES = [
  'CREATE INDEX residence_person ON residence (person_id, start_date)',
  'CREATE INDEX decision_person ON protection_decision (person_id, decision_date)',
  'CREATE INDEX application_person ON asylum_application (person_id)',
  'CREATE INDEX trajectory_person ON kbi_trajectory (person_id)',
  'CREATE INDEX component_person ON kbi_component (person_id)',
];

/** Creates the extract tables in an empty database (the caller has applied the cipher). */
export function createExtractTables(db: Database, withIndexes = true): void {
  db.exec([...extractDdl(), ...(withIndexes ? EXTRACT_INDEXES : [])].join(';\n'));
}
