import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The order of a browse view, kept in memory so any block of rows is one indexed lookup:
 * - no sort, no filter, rowids 1..n without gaps: block k is a rowid range (nothing stored);
 * - otherwise the view's rowids in order, computed once (one scan and sort of the table)
 *   and cached per (table, sort, filters), which also gives the filtered row count.
 * The extract is read-only (no indexes can be added); this costs 8 bytes per row of a
 * cached view, kept in memory only.
 */
export type RowOrder = { kind: 'range'; first: number; count: number } | { kind: 'list'; rowids: Float64Array };

export const orderCount = (o: RowOrder) => (o.kind === 'range' ? o.count : o.rowids.length);

/** The contiguous rowid range of the whole table, or null when rowids have gaps. */
export function denseRange(db: Database, table: string, count: number): RowOrder | null {
  if (count === 0) return { kind: 'range', first: 1, count: 0 };
  // Two statements: SQLite answers a lone min() or max() from the b-tree edge, both together by a scan.
  const lo = db.prepare(`SELECT min(rowid) FROM ${table}`).pluck().get() as number | null;
  const hi = db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null;
  if (lo === null || hi === null || hi - lo + 1 !== count) return null;
  return { kind: 'range', first: lo, count };
}

export function materialize(db: Database, sql: string, params: (string | number)[]): RowOrder {
  const ids = db.prepare(sql).pluck().all(...params) as number[];
  return { kind: 'list', rowids: Float64Array.from(ids) };
}

/** Whether the table has rowids (tables made by other tools may be WITHOUT ROWID). */
export function hasRowid(db: Database, table: string): boolean {
  try {
    db.prepare(`SELECT rowid FROM ${table} LIMIT 0`);
    return true;
  } catch {
    return false;
  }
}
