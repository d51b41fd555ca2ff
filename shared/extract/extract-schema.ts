/**
 * The tables and columns of a study extract (see docs/extract-format.md). This one
 * description drives the check on open, the CSV import, the demo generator and
 * the browse allow-list.
 */
export type ColumnType = 'text' | 'int' | 'date' | 'nis' | 'enum';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** For type 'enum': the allowed values. */
  values?: readonly string[];
  /** Column refers to person.person_id (checked on import). */
  referencesPerson?: true;
}

export interface TableSpec {
  name: ExtractTable;
  columns: readonly ColumnSpec[];
  primaryKey: readonly string[];
  /** Shown in the browse view. */
  browsable: boolean;
}

export const EXTRACT_TABLES = [
  'extract_meta',
  'person',
  'asylum_application',
  'protection_decision',
  'residence',
  'kbi_person',
  'kbi_trajectory',
  'kbi_component',
] as const;
export type ExtractTable = (typeof EXTRACT_TABLES)[number];

export const SEXES = ['M', 'F', 'X'] as const;
export const DECISION_STATUSES = ['REFUGEE', 'SUBSIDIARY', 'REJECTED', 'WITHDRAWN', 'CEASED'] as const;
export const RESIDENCE_KINDS = ['MAIN', 'WAITING_REGISTER', 'ABROAD', 'RADIATED', 'DECEASED', 'UNKNOWN'] as const;
export const KBI_TARGET_STATUSES = ['OBLIGED', 'ENTITLED', 'EXEMPT', 'NONE'] as const;
export const TRAJECTORY_STATUSES = ['RUNNING', 'COMPLETED', 'STOPPED'] as const;
export const COMPONENT_TYPES = ['MO', 'NT2', 'LO', 'TB'] as const;
export const COMPONENT_STATUSES = ['RUNNING', 'COMPLETED', 'STOPPED'] as const;
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2'] as const;
export const NIS_VINTAGES = ['as_recorded', '2019', '2025'] as const;

const c = (name: string, type: ColumnType, nullable = false, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  nullable,
  ...extra,
});
const e = (name: string, values: readonly string[], nullable = false): ColumnSpec => c(name, 'enum', nullable, { values });
const person = (name = 'person_id'): ColumnSpec => c(name, 'text', false, { referencesPerson: true });

export const EXTRACT_SCHEMA: readonly TableSpec[] = [
  { name: 'extract_meta', columns: [c('key', 'text'), c('value', 'text')], primaryKey: ['key'], browsable: false },
  {
    name: 'person',
    columns: [
      c('person_id', 'text'),
      c('birth_year', 'int'),
      c('birth_month', 'int', true),
      e('sex', SEXES),
      c('nationality', 'text'),
      c('death_date', 'date', true),
    ],
    primaryKey: ['person_id'],
    browsable: true,
  },
  {
    name: 'asylum_application',
    columns: [c('application_id', 'text'), person(), c('application_date', 'date')],
    primaryKey: ['application_id'],
    browsable: true,
  },
  {
    name: 'protection_decision',
    columns: [person(), c('decision_date', 'date'), e('status', DECISION_STATUSES), c('application_id', 'text', true)],
    primaryKey: ['person_id', 'decision_date'],
    browsable: true,
  },
  {
    name: 'residence',
    columns: [
      person(),
      c('start_date', 'date'),
      c('end_date', 'date', true),
      e('kind', RESIDENCE_KINDS),
      c('nis_code', 'nis', true),
      c('country_code', 'text', true),
    ],
    primaryKey: ['person_id', 'start_date'],
    browsable: true,
  },
  {
    name: 'kbi_person',
    columns: [person(), e('target_status', KBI_TARGET_STATUSES), c('obligation_start', 'date', true)],
    primaryKey: ['person_id'],
    browsable: true,
  },
  {
    name: 'kbi_trajectory',
    columns: [
      c('trajectory_id', 'text'),
      person(),
      c('start_date', 'date'),
      c('contract_date', 'date', true),
      c('attest_date', 'date', true),
      c('end_date', 'date', true),
      e('status', TRAJECTORY_STATUSES),
    ],
    primaryKey: ['trajectory_id'],
    browsable: true,
  },
  {
    name: 'kbi_component',
    columns: [
      c('component_id', 'text'),
      c('trajectory_id', 'text', true),
      person(),
      e('type', COMPONENT_TYPES),
      c('start_date', 'date'),
      c('end_date', 'date', true),
      e('status', COMPONENT_STATUSES),
      e('cefr_level', CEFR_LEVELS, true),
    ],
    primaryKey: ['component_id'],
    browsable: true,
  },
];

export const tableSpec = (name: ExtractTable): TableSpec => {
  const spec = EXTRACT_SCHEMA.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${name}`);
  return spec;
};

/** Keys of extract_meta that must be present. */
export const REQUIRED_META_KEYS = ['extract_id', 'source', 'reference_date', 'schema_version'] as const;
