import type { ImportIssue } from '../../../shared/api/methods/import';

/**
 * Validation findings of a CSV import, with NL/EN messages. Parameters are column names,
 * file names, schema constants and counts; a finding about one cell also quotes that cell
 * ({value}, shortened), so the analyst can find and fix it in their own file. The report
 * stays in the import wizard and the CLI's output: it is never logged or exported.
 */
type P = Record<string, string | number>;
const m = (nl: string, en: string) => (p: P) => ({ nl: fill(nl, p), en: fill(en, p) });
const fill = (s: string, p: P) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? `{${k}}`));

export const ISSUE_MESSAGES = {
  EMPTY_FILE: m('Het bestand is leeg: de kopregel ontbreekt.', 'The file is empty: the header row is missing.'),
  NOT_TEXT: m(
    'Dit is geen CSV- of tekstbestand (het bevat binaire gegevens). Bewaar de tabel als CSV (UTF-8 of Windows-1252).',
    'This is not a CSV or text file (it contains binary data). Save the table as CSV (UTF-8 or Windows-1252).',
  ),
  MISSING_COLUMN: m('De kolom {column} ontbreekt in de kopregel.', 'Column {column} is missing from the header row.'),
  CSV_SYNTAX: m(
    'De CSV-structuur is ongeldig (bv. een aanhalingsteken dat niet gesloten is); de rest van het bestand is niet gelezen.',
    'The CSV structure is invalid (e.g. a quote that is not closed); the rest of the file was not read.',
  ),
  FIELD_COUNT: m('De rij heeft {found} velden, de kopregel {expected}.', 'The row has {found} fields, the header {expected}.'),
  REQUIRED: m('Verplichte waarde ontbreekt.', 'A required value is missing.'),
  NOT_INTEGER: m('{value} is geen geheel getal.', '{value} is not a whole number.'),
  OUT_OF_RANGE: m('{value} ligt buiten het toegelaten bereik ({min}–{max}).', '{value} is outside the allowed range ({min}–{max}).'),
  BAD_DATE: m(
    '{value} is geen bestaande datum (verwacht JJJJ-MM-DD of DD/MM/JJJJ).',
    '{value} is not a valid date (expected YYYY-MM-DD or DD/MM/YYYY).',
  ),
  DATE_OUT_OF_RANGE: m('De datum {value} ligt buiten het plausibele bereik ({min} – {max}).', 'The date {value} is outside the plausible range ({min} – {max}).'),
  START_AFTER_END: m('De einddatum ligt vóór de begindatum ({start}).', 'The end date lies before the start date ({start}).'),
  BAD_ENUM: m('Onbekende waarde {value}; toegelaten: {allowed}.', 'Unknown value {value}; allowed: {allowed}.'),
  BAD_COUNTRY: m(
    '{value} is geen landcode ISO 3166-1 alpha-3 (of STATELESS, UNKNOWN).',
    '{value} is not an ISO 3166-1 alpha-3 country code (or STATELESS, UNKNOWN).',
  ),
  TOO_LONG: m('Waarde langer dan {max} tekens.', 'Value longer than {max} characters.'),
  BAD_NIS_ON_DATE: m(
    'Code {value} is geen NIS-code van een gemeente die geldig was op {date} ({dateColumn} van de rij).',
    'Code {value} is not the NIS code of a municipality valid on {date} (the row\'s {dateColumn}).',
  ),
  BAD_NIS_IN_VINTAGE: m(
    'Code {value} is geen NIS-code van een gemeente in de indeling {vintage} (extract_meta.nis_vintage).',
    'Code {value} is not the NIS code of a municipality in the {vintage} list (extract_meta.nis_vintage).',
  ),
  NIS_REQUIRED: m('Een NIS-code is verplicht bij soort {kinds}.', 'A NIS code is required for kind {kinds}.'),
  // Person ids are pseudonyms of real people: never quoted.
  UNKNOWN_PERSON: m('Deze persoon komt niet voor in person.csv.', 'This person does not occur in person.csv.'),
  DUPLICATE_KEY: m('Dubbele sleutel ({key}): een eerdere rij heeft dezelfde sleutel.', 'Duplicate key ({key}): an earlier row has the same key.'),
  META_MISSING_KEY: m('De sleutel {key} ontbreekt in extract_meta.', 'Key {key} is missing from extract_meta.'),
  META_BAD_VALUE: m('Ongeldige waarde voor {key} in extract_meta ({expected}).', 'Invalid value for {key} in extract_meta ({expected}).'),
} as const;
export type IssueCode = keyof typeof ISSUE_MESSAGES;

/** Keeps the first `keep` issues and counts all of them. */
export class IssueCollector {
  readonly issues: ImportIssue[] = [];
  total = 0;

  constructor(private readonly keep = 100) {}

  add(file: string, line: number, column: string, code: IssueCode, params: P = {}): void {
    this.total++;
    if (this.issues.length < this.keep) {
      const p = typeof params.value === 'string' ? { ...params, value: quoteValue(params.value) } : params;
      this.issues.push({ file, line, column, code, message: ISSUE_MESSAGES[code]({ column, ...p }) });
    }
  }
}

/** A cell as shown in a message: quoted, control characters made visible, at most 40 characters. */
export function quoteValue(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `"${clean.length > 40 ? `${clean.slice(0, 39)}…` : clean}"`;
}
