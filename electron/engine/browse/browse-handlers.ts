import type { ParsedRequestOf, ResponseOf } from '../../../shared/api/contract';
import { tableSpec } from '../../../shared/extract/extract-schema';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import type { OpenSession } from '../core/open-session';
import { browseSql } from './browse-sql';
import { denseRange, hasRowid, materialize, orderCount, type RowOrder } from './row-order';

type Row = Record<string, string | number | null>;

/** Cached views per session; a few, since each costs 8 bytes per row. */
const MAX_VIEWS = 6;

interface BrowseCache {
  views: Map<string, RowOrder>;
  rowid: Map<string, boolean>;
  counts: Map<string, number>;
}

const cacheOf = (session: OpenSession): BrowseCache => {
  let c = session.cache.get('browse') as BrowseCache | undefined;
  if (!c) {
    c = { views: new Map(), rowid: new Map(), counts: new Map() };
    session.cache.set('browse', c);
  }
  return c;
};

export function browseRows(session: OpenSession, req: ParsedRequestOf<'browse.rows'>): ResponseOf<'browse.rows'> {
  const { db } = session;
  const table = req.table;
  const sql = browseSql(table, req.sort, req.filters);
  const cols = sql.columns.join(', ');
  const cache = cacheOf(session);
  if (!cache.rowid.has(table)) cache.rowid.set(table, hasRowid(db, table));
  const key = JSON.stringify([table, req.sort, req.filters]);

  if (!cache.rowid.get(table)) {
    // Fallback for WITHOUT ROWID tables: ordered by the primary key, paged with OFFSET.
    const order = [sql.orderBy, tableSpec(table).primaryKey.join(', ')].filter(Boolean).join(', ');
    const rows = db.prepare(`SELECT ${cols} FROM ${table}${sql.where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...sql.params, req.endRow - req.startRow, req.startRow) as Row[];
    let rowCount = cache.counts.get(key);
    if (rowCount === undefined) {
      rowCount = db.prepare(`SELECT count(*) FROM ${table}${sql.where}`).pluck().get(...sql.params) as number;
      cache.counts.set(key, rowCount);
    }
    return { rows, rowCount };
  }

  let order = cache.views.get(key);
  if (order) {
    cache.views.delete(key); // LRU: re-insert as newest
  } else {
    const total = session.summary.tables.find((t) => t.name === table)?.rows ?? 0;
    const trivial = !sql.where && !sql.orderBy;
    order =
      (trivial ? denseRange(db, table, total) : null) ??
      materialize(db, `SELECT rowid FROM ${table}${sql.where} ORDER BY ${[sql.orderBy, 'rowid'].filter(Boolean).join(', ')}`, sql.params);
  }
  cache.views.set(key, order);
  while (cache.views.size > MAX_VIEWS) cache.views.delete(cache.views.keys().next().value!);

  const rowCount = orderCount(order);
  const start = Math.min(req.startRow, rowCount);
  const end = Math.min(req.endRow, rowCount);
  if (end <= start) return { rows: [], rowCount };
  if (order.kind === 'range') {
    const rows = db.prepare(`SELECT ${cols} FROM ${table} WHERE rowid >= ? AND rowid < ? ORDER BY rowid`).all(order.first + start, order.first + end) as Row[];
    return { rows, rowCount };
  }
  const ids = Array.from(order.rowids.subarray(start, end));
  const fetched = db.prepare(`SELECT rowid AS rid__, ${cols} FROM ${table} WHERE rowid IN (${ids.map(() => '?').join(',')})`).all(...ids) as (Row & { rid__: number })[];
  const byId = new Map(fetched.map((r) => [r.rid__, r]));
  const rows = ids.map((id) => {
    const { rid__: _, ...row } = byId.get(id)!;
    return row;
  });
  return { rows, rowCount };
}

export function browseHandlers(state: EngineState): HandlerTable<'browse.rows'> {
  return {
    'browse.rows': (req) => {
      if (!state.session) throw new AppError('NO_EXTRACT_OPEN');
      return browseRows(state.session, req);
    },
  };
}
