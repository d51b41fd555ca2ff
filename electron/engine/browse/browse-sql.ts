import type { ColumnFilter } from '../../../shared/api/methods/browse';
import { tableSpec, type ColumnSpec, type ExtractTable } from '../../../shared/extract/extract-schema';
import { AppError } from '../core/app-error';

/**
 * Turns a browse request into SQL. Table and column names come only from the extract
 * schema's allow-list (an unknown name is refused); every value is a bound parameter.
 */
export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
}

export interface BrowseSql {
  /** The schema columns, in schema order: the only columns ever selected. */
  columns: string[];
  /** ' WHERE …' or ''. */
  where: string;
  params: (string | number)[];
  /** 'a ASC, b DESC' or '' (no tie-breaker). */
  orderBy: string;
}

type Value = string | number;

export function browseSql(table: ExtractTable, sort: SortKey[], filters: ColumnFilter[]): BrowseSql {
  const spec = tableSpec(table);
  const byName = new Map(spec.columns.map((c) => [c.name, c]));
  const column = (name: string): ColumnSpec => {
    const c = byName.get(name);
    // The name is not echoed: it came from the caller.
    if (!c) throw new AppError('INVALID_REQUEST', { issue: `unknown column for table ${table}` });
    return c;
  };
  const clauses: string[] = [];
  const params: Value[] = [];
  for (const f of filters) {
    const c = column(f.column);
    const id = c.name;
    switch (f.op) {
      case 'equals': {
        const v = coerce(c, f.value);
        if (v === null) clauses.push('0');
        else {
          clauses.push(`${id} = ?`);
          params.push(v);
        }
        break;
      }
      case 'contains':
        clauses.push(`${id} LIKE ? ESCAPE '\\'`);
        params.push(`%${escapeLike(f.value)}%`);
        break;
      case 'startsWith':
        clauses.push(`${id} LIKE ? ESCAPE '\\'`);
        params.push(`${escapeLike(f.value)}%`);
        break;
      case 'between': {
        const from = coerce(c, f.from);
        const to = coerce(c, f.to);
        if (from === null || to === null) clauses.push('0');
        else {
          clauses.push(`${id} BETWEEN ? AND ?`);
          params.push(from, to);
        }
        break;
      }
      case 'blank':
        clauses.push(`(${id} IS NULL OR ${id} = '')`);
        break;
      case 'notBlank':
        clauses.push(`(${id} IS NOT NULL AND ${id} <> '')`);
        break;
    }
  }
  const orderBy = sort.map((s) => `${column(s.column).name} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
  return {
    columns: spec.columns.map((c) => c.name),
    where: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '',
    params,
    orderBy,
  };
}

/** A filter value as the column stores it: numbers for int columns, text otherwise; null = matches nothing. */
function coerce(c: ColumnSpec, v: Value): Value | null {
  if (c.type === 'int') {
    const n = typeof v === 'number' ? v : Number(v.trim());
    return Number.isFinite(n) && String(v).trim() !== '' ? n : null;
  }
  return String(v);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
