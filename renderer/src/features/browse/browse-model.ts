import type { ColumnFilter } from '../../../../shared/api/methods/browse';
import { EXTRACT_SCHEMA, type ColumnSpec, type ExtractTable } from '../../../../shared/extract/extract-schema';

/**
 * Pure translation between AG Grid's models and the browse contract: the grid says
 * what the analyst asked for, the engine filters and sorts on its allow-list. No SQL
 * is built here, and anything the contract cannot express is dropped, not guessed.
 */
export type BrowseTable = Exclude<ExtractTable, 'extract_meta'>;

export const BROWSE_TABLES: readonly BrowseTable[] = EXTRACT_SCHEMA.filter((t) => t.browsable).map((t) => t.name as BrowseTable);

export const columnsOf = (table: BrowseTable): readonly ColumnSpec[] => EXTRACT_SCHEMA.find((t) => t.name === table)?.columns ?? [];

/** Which AG Grid filter a column gets, and which of its options the engine supports. */
export type GridFilterKind = 'agTextColumnFilter' | 'agNumberColumnFilter' | 'agDateColumnFilter';

export function filterFor(column: ColumnSpec): { filter: GridFilterKind; filterOptions: string[] } {
  const blank = column.nullable ? ['blank', 'notBlank'] : [];
  switch (column.type) {
    case 'int':
      return { filter: 'agNumberColumnFilter', filterOptions: ['equals', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', ...blank] };
    case 'date':
      return { filter: 'agDateColumnFilter', filterOptions: ['equals', 'inRange', ...blank] };
    case 'enum':
      return { filter: 'agTextColumnFilter', filterOptions: ['equals', ...blank] };
    case 'nis':
      return { filter: 'agTextColumnFilter', filterOptions: ['equals', 'startsWith', ...blank] };
    default:
      return { filter: 'agTextColumnFilter', filterOptions: ['contains', 'equals', 'startsWith', ...blank] };
  }
}

type Simple = { filterType?: string; type?: string | null; filter?: unknown; filterTo?: unknown; dateFrom?: unknown; dateTo?: unknown };

/** AG Grid dates come as "YYYY-MM-DD hh:mm:ss"; the extract stores "YYYY-MM-DD". */
const isoDay = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m ? m[1]! : null;
};

const MAX_TEXT = 200;
const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const text = (value: unknown): string | null => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const v = value.trim();
  return v === '' ? null : v.slice(0, MAX_TEXT);
};
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function one(column: string, model: Simple): ColumnFilter | null {
  const type = model.type;
  if (type === 'blank') return { column, op: 'blank' };
  if (type === 'notBlank') return { column, op: 'notBlank' };
  if (model.filterType === 'number') {
    const from = num(model.filter);
    if (from === null) return null;
    if (type === 'equals') return { column, op: 'equals', value: from };
    if (type === 'inRange') {
      const to = num(model.filterTo);
      return to === null ? null : { column, op: 'between', from: Math.min(from, to), to: Math.max(from, to) };
    }
    // Integer columns: <, ≤, >, ≥ as a closed range with an open end (the contract has no comparison ops).
    if (type === 'lessThan') return { column, op: 'between', from: INT_MIN, to: Math.ceil(from) - 1 };
    if (type === 'lessThanOrEqual') return { column, op: 'between', from: INT_MIN, to: Math.floor(from) };
    if (type === 'greaterThan') return { column, op: 'between', from: Math.floor(from) + 1, to: INT_MAX };
    if (type === 'greaterThanOrEqual') return { column, op: 'between', from: Math.ceil(from), to: INT_MAX };
    return null;
  }
  if (model.filterType === 'date') {
    const from = isoDay(model.dateFrom);
    if (from === null) return null;
    if (type === 'equals') return { column, op: 'equals', value: from };
    if (type === 'inRange') {
      const to = isoDay(model.dateTo);
      if (to === null) return null;
      return from <= to ? { column, op: 'between', from, to } : { column, op: 'between', from: to, to: from };
    }
    return null;
  }
  const value = text(model.filter);
  if (value === null) return null;
  if (type === 'equals') return { column, op: 'equals', value };
  if (type === 'contains') return { column, op: 'contains', value };
  if (type === 'startsWith') return { column, op: 'startsWith', value };
  return null;
}

/**
 * Maps AG Grid's filter model ({colId: model}) to the contract's filters. Combined
 * models are only kept when joined by AND (the contract has no OR); columns not in
 * the table's schema are dropped.
 */
export function toColumnFilters(table: BrowseTable, filterModel: unknown): ColumnFilter[] {
  if (!filterModel || typeof filterModel !== 'object') return [];
  const allowed = new Set(columnsOf(table).map((c) => c.name));
  const out: ColumnFilter[] = [];
  for (const [column, raw] of Object.entries(filterModel as Record<string, unknown>)) {
    if (!allowed.has(column) || !raw || typeof raw !== 'object') continue;
    const model = raw as Simple & { operator?: string; conditions?: Simple[] };
    if (Array.isArray(model.conditions)) {
      if (model.operator !== 'AND') continue;
      for (const c of model.conditions) {
        const f = one(column, { ...c, filterType: c.filterType ?? model.filterType });
        if (f) out.push(f);
      }
      continue;
    }
    const f = one(column, model);
    if (f) out.push(f);
  }
  return out.slice(0, 20);
}

/** Maps AG Grid's sort model to the contract's sort (at most 4 keys, allow-listed columns). */
export function toSort(table: BrowseTable, sortModel: readonly { colId: string; sort: 'asc' | 'desc' }[]): { column: string; direction: 'asc' | 'desc' }[] {
  const allowed = new Set(columnsOf(table).map((c) => c.name));
  return sortModel
    .filter((s) => allowed.has(s.colId))
    .slice(0, 4)
    .map((s) => ({ column: s.colId, direction: s.sort }));
}

/** Parses the "go to row" field (1-based, as shown to the analyst) into a 0-based index within the table. */
export function parseRowNumber(input: string, rowCount: number | null): number | null {
  const digits = input.replace(/[\s.]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  if (n < 1) return null;
  if (rowCount !== null && n > rowCount) return rowCount === 0 ? null : rowCount - 1;
  return n - 1;
}
