import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ColumnSpec, TableSpec } from '../../../shared/extract/extract-schema';
import { isCountry, isNationality, isNisFormat, parseDate, parseInteger } from './cell-values';
import { readCsv } from './csv-reader';
import type { IssueCollector } from './import-issues';
import type { NisValidator } from './nis-validator';
import type { PersonIdSet } from './person-id-set';

export interface LoadContext {
  db: Database;
  issues: IssueCollector;
  persons: PersonIdSet;
  /** False when person.csv could not be read: references are then not checked (one error, not millions). */
  personsReadable: boolean;
  minDate: string;
  /** Latest plausible date: the extract's reference date. */
  maxDate: string;
  nisVintage: 'as_recorded' | '2019' | '2025';
  nis: NisValidator;
  onBytes(delta: number): void;
  onRows(delta: number): void;
}

export interface LoadResult {
  rows: number;
  headerOk: boolean;
}

type Cell = string | number | null;

/** Trims only when needed: most cells have no surrounding spaces. */
const trimmed = (s: string) => (s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) ? s.trim() : s);

/** Range checks per column beyond the type. */
const INT_RANGE: Record<string, (max: string) => [number, number]> = {
  birth_year: (max) => [1900, Number(max.slice(0, 4))],
  birth_month: () => [1, 12],
};
const MAX_TEXT = 200;
/** dd/mm/yyyy, as the rest of the app writes dates. */
const dmy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);
const NIS_KINDS = ['MAIN', 'WAITING_REGISTER'];

/**
 * Validates one CSV file against its table description and inserts the valid rows.
 * Every finding is reported with file, line and column; rows with findings are skipped.
 */
export async function loadTable(spec: TableSpec, file: string, fileLabel: string, ctx: LoadContext): Promise<LoadResult> {
  const { issues } = ctx;
  const cols = spec.columns;
  let index: number[] = [];
  let headerOk = false;
  let fieldCount = 0;
  let rows = 0;
  let lastBytes = 0;
  const insert = ctx.db.prepare(
    `INSERT OR IGNORE INTO ${spec.name} (${cols.map((c) => c.name).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  );
  const pos = (name: string) => cols.findIndex((c) => c.name === name);
  const startAt = pos('start_date');
  const endAt = pos('end_date');
  const kindAt = pos('kind');
  const nisAt = pos('nis_code');
  const keyLabel = spec.primaryKey.join(',');
  const isPerson = spec.name === 'person';
  const values: Cell[] = new Array(cols.length);
  let pending = 0;

  const result = await readCsv(file, {
    header(fields) {
      const names = fields.map((f) => f.trim().toLowerCase());
      index = cols.map((c) => names.indexOf(c.name));
      fieldCount = fields.length;
      headerOk = true;
      cols.forEach((c, i) => {
        if (index[i] === -1 && !c.nullable) {
          issues.add(fileLabel, 1, c.name, 'MISSING_COLUMN');
          headerOk = false;
        }
      });
    },
    record(fields, line) {
      if (!headerOk) return;
      if (fields.length !== fieldCount) {
        issues.add(fileLabel, line, '', 'FIELD_COUNT', { found: fields.length, expected: fieldCount });
        return;
      }
      let ok = true;
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i];
        const raw = index[i] === -1 ? '' : trimmed(fields[index[i]]);
        const v = cell(c, raw, line);
        if (v === undefined) ok = false;
        else values[i] = v;
      }
      if (!ok) {
        // A person row with a bad cell is reported once; its id still counts as known, so the
        // other tables' rows of that person do not each add a false "person does not occur".
        if (isPerson && index[0] !== -1) {
          const id = trimmed(fields[index[0]]);
          if (id !== '') ctx.persons.add(id);
        }
        return;
      }
      if (startAt !== -1 && endAt !== -1 && values[endAt] !== null && (values[endAt] as string) < (values[startAt] as string)) {
        issues.add(fileLabel, line, 'end_date', 'START_AFTER_END', { start: 'start_date' });
        return;
      }
      if (kindAt !== -1) {
        if (NIS_KINDS.includes(values[kindAt] as string)) {
          if (values[nisAt] === null) {
            issues.add(fileLabel, line, 'nis_code', 'NIS_REQUIRED', { kinds: NIS_KINDS.join('/') });
            return;
          }
        }
        if (values[nisAt] !== null && !nisValid(values[nisAt] as string, values[startAt] as string, line)) return;
      }
      if (insert.run(values).changes === 0) {
        issues.add(fileLabel, line, keyLabel, 'DUPLICATE_KEY', { key: keyLabel });
        return;
      }
      if (isPerson) ctx.persons.add(values[0] as string);
      rows++;
      if (++pending === 10_000) {
        ctx.onRows(pending);
        pending = 0;
      }
    },
    bytes(read) {
      ctx.onBytes(read - lastBytes);
      lastBytes = read;
    },
  });
  ctx.onRows(pending);
  if (result.binary) issues.add(fileLabel, 1, '', 'NOT_TEXT');
  else if (result.empty) issues.add(fileLabel, 1, '', 'EMPTY_FILE');
  if (result.syntaxErrorLine !== null) issues.add(fileLabel, result.syntaxErrorLine, '', 'CSV_SYNTAX');
  return { rows, headerOk: headerOk && !result.empty };

  /** The stored value of a cell, or undefined after reporting why it is invalid. */
  function cell(c: ColumnSpec, raw: string, line: number): Cell | undefined {
    if (raw === '') {
      if (c.nullable) return null;
      issues.add(fileLabel, line, c.name, 'REQUIRED');
      return undefined;
    }
    switch (c.type) {
      case 'int': {
        const n = parseInteger(raw);
        if (n === null) return void issues.add(fileLabel, line, c.name, 'NOT_INTEGER', { value: raw });
        const range = INT_RANGE[c.name]?.(ctx.maxDate);
        if (range && (n < range[0] || n > range[1])) return void issues.add(fileLabel, line, c.name, 'OUT_OF_RANGE', { value: raw, min: range[0], max: range[1] });
        return n;
      }
      case 'date': {
        const d = parseDate(raw);
        if (d === null) return void issues.add(fileLabel, line, c.name, 'BAD_DATE', { value: raw });
        if (d < ctx.minDate || d > ctx.maxDate) return void issues.add(fileLabel, line, c.name, 'DATE_OUT_OF_RANGE', { value: raw, min: ctx.minDate, max: ctx.maxDate });
        return d;
      }
      case 'enum':
        if (!c.values!.includes(raw)) return void issues.add(fileLabel, line, c.name, 'BAD_ENUM', { value: raw, allowed: c.values!.join(', ') });
        return raw;
      case 'nis':
        // In a table with a kind column the row's date is known later: nisValid reports it with that date.
        if (!isNisFormat(raw) && kindAt === -1)
          return void issues.add(fileLabel, line, c.name, ctx.nisVintage === 'as_recorded' ? 'BAD_NIS_ON_DATE' : 'BAD_NIS_IN_VINTAGE', { value: raw, date: '?', dateColumn: 'start_date', vintage: ctx.nisVintage });
        return raw;
      case 'text':
        if (raw.length > MAX_TEXT) return void issues.add(fileLabel, line, c.name, 'TOO_LONG', { max: MAX_TEXT });
        if (c.name === 'nationality' && !isNationality(raw)) return void issues.add(fileLabel, line, c.name, 'BAD_COUNTRY', { value: raw });
        if (c.name === 'country_code' && !isCountry(raw)) return void issues.add(fileLabel, line, c.name, 'BAD_COUNTRY', { value: raw });
        if (c.referencesPerson && !isPerson && ctx.personsReadable && !ctx.persons.has(raw)) {
          return void issues.add(fileLabel, line, c.name, 'UNKNOWN_PERSON');
        }
        return raw;
    }
  }

  function nisValid(code: string, date: string, line: number): boolean {
    if (ctx.nisVintage === 'as_recorded') {
      if (ctx.nis.isValidOn(code, date)) return true;
      issues.add(fileLabel, line, 'nis_code', 'BAD_NIS_ON_DATE', { value: code, date: dmy(date), dateColumn: 'start_date' });
    } else {
      if (ctx.nis.isValidInVintage(code, ctx.nisVintage)) return true;
      issues.add(fileLabel, line, 'nis_code', 'BAD_NIS_IN_VINTAGE', { value: code, vintage: ctx.nisVintage });
    }
    return false;
  }
}
