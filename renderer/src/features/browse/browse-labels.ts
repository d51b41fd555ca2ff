import type { UiLanguage } from '../../../../shared/api/localized';
import type { ColumnSpec } from '../../../../shared/extract/extract-schema';
import { formatCount, formatDate } from '../../../../shared/format/number-format';
import { nationalityLabel } from '../../../../shared/format/nationality-name';

/**
 * What the browse grid shows instead of the extract's raw names and codes: labelled
 * column headers, codes as names ("Erkend vluchteling", "Antwerpen (11002)", "Syrië (SYR)")
 * and dates as dd/mm/jjjj, like the rest of the app. The raw column name stays in the
 * header's tooltip; filters and sorting still work on the stored values.
 */
type L = Record<UiLanguage, string>;

const COLUMNS: Record<string, L> = {
  person_id: { nl: 'Persoon', en: 'Person' },
  birth_year: { nl: 'Geboortejaar', en: 'Birth year' },
  birth_month: { nl: 'Geboortemaand', en: 'Birth month' },
  sex: { nl: 'Geslacht', en: 'Sex' },
  nationality: { nl: 'Nationaliteit', en: 'Nationality' },
  death_date: { nl: 'Overlijdensdatum', en: 'Date of death' },
  application_id: { nl: 'Aanvraag', en: 'Application' },
  application_date: { nl: 'Datum aanvraag', en: 'Application date' },
  decision_date: { nl: 'Datum beslissing', en: 'Decision date' },
  status: { nl: 'Status', en: 'Status' },
  start_date: { nl: 'Begindatum', en: 'Start date' },
  end_date: { nl: 'Einddatum', en: 'End date' },
  kind: { nl: 'Soort verblijf', en: 'Kind of residence' },
  nis_code: { nl: 'Gemeente', en: 'Municipality' },
  country_code: { nl: 'Land', en: 'Country' },
  target_status: { nl: 'Doelgroepstatus', en: 'Target status' },
  obligation_start: { nl: 'Begin verplichting', en: 'Obligation start' },
  trajectory_id: { nl: 'Traject', en: 'Trajectory' },
  contract_date: { nl: 'Datum contract', en: 'Contract date' },
  attest_date: { nl: 'Datum attest', en: 'Attestation date' },
  component_id: { nl: 'Onderdeel', en: 'Component' },
  type: { nl: 'Soort onderdeel', en: 'Component type' },
  cefr_level: { nl: 'ERK-niveau', en: 'CEFR level' },
};

const SEX: Record<string, L> = { M: { nl: 'Man', en: 'Male' }, F: { nl: 'Vrouw', en: 'Female' }, X: { nl: 'X', en: 'X' } };
const DECISION: Record<string, L> = {
  REFUGEE: { nl: 'Erkend vluchteling', en: 'Recognised refugee' },
  SUBSIDIARY: { nl: 'Subsidiair beschermd', en: 'Subsidiary protection' },
  REJECTED: { nl: 'Geweigerd', en: 'Rejected' },
  WITHDRAWN: { nl: 'Ingetrokken', en: 'Withdrawn' },
  CEASED: { nl: 'Beëindigd', en: 'Ceased' },
};
const KIND: Record<string, L> = {
  MAIN: { nl: 'Hoofdverblijfplaats', en: 'Main residence' },
  WAITING_REGISTER: { nl: 'Wachtregister', en: 'Waiting register' },
  ABROAD: { nl: 'Buitenland', en: 'Abroad' },
  RADIATED: { nl: 'Ambtshalve afgevoerd', en: 'Removed ex officio' },
  DECEASED: { nl: 'Overleden', en: 'Deceased' },
  UNKNOWN: { nl: 'Onbekend', en: 'Unknown' },
};
const TARGET: Record<string, L> = {
  OBLIGED: { nl: 'Verplicht', en: 'Obliged' },
  ENTITLED: { nl: 'Rechthebbend', en: 'Entitled' },
  EXEMPT: { nl: 'Vrijgesteld', en: 'Exempt' },
  NONE: { nl: 'Geen doelgroep', en: 'Not in target group' },
};
const PROGRESS: Record<string, L> = {
  RUNNING: { nl: 'Lopend', en: 'Running' },
  COMPLETED: { nl: 'Afgerond', en: 'Completed' },
  STOPPED: { nl: 'Stopgezet', en: 'Stopped' },
};
const COMPONENT: Record<string, L> = {
  MO: { nl: 'Maatschappelijke oriëntatie', en: 'Social orientation' },
  NT2: { nl: 'Nederlands als tweede taal', en: 'Dutch as a second language' },
  LO: { nl: 'Loopbaanoriëntatie', en: 'Career orientation' },
  TB: { nl: 'Trajectbegeleiding', en: 'Trajectory guidance' },
};

/** Enum labels per table and column (status means different things in different tables). */
const VALUES: Record<string, Record<string, L>> = {
  'person.sex': SEX,
  'protection_decision.status': DECISION,
  'residence.kind': KIND,
  'kbi_person.target_status': TARGET,
  'kbi_trajectory.status': PROGRESS,
  'kbi_component.status': PROGRESS,
  'kbi_component.type': COMPONENT,
};

export const columnLabel = (column: string, lang: UiLanguage): string => COLUMNS[column]?.[lang] ?? column;

/** The text of a cell; the stored value when nothing better is known. */
export function cellText(table: string, column: ColumnSpec, value: string | number | null | undefined, lang: UiLanguage, municipalityNames: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return '';
  const v = String(value);
  if (column.type === 'date') return formatDate(v, lang);
  if (column.type === 'int') return column.name === 'birth_year' ? v : formatCount(Number(value), lang);
  if (column.type === 'nis') {
    const name = municipalityNames.get(v);
    return name ? `${name} (${v})` : v;
  }
  if (column.name === 'nationality' || column.name === 'country_code') return nationalityLabel(v, lang);
  return VALUES[`${table}.${column.name}`]?.[v]?.[lang] ?? v;
}
