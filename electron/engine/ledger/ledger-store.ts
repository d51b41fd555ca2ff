import { deflateSync, inflateSync } from 'node:zlib';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Hierarchy } from './hierarchy';
import type { LedgerTable } from './ledger-table';

/**
 * The release ledger in the encrypted workspace: per audited release, every published value
 * of each table and which persons stand behind each cell (PersonCells). Stored as the tables
 * were published, not recomputed, so a later change of the matrix rules cannot make the
 * ledger disagree with what actually left the room.
 *
 * Row format: one deflated blob per release; per table a small JSON header and its typed
 * arrays back to back (little-endian, as typed arrays are on every platform we build for).
 */
interface TableHeader {
  rows: number;
  cols: number;
  threshold: number;
  entries: number;
  weighted: boolean;
  hierarchy: Hierarchy;
}

export function saveLedgerRelease(ws: Database, release: number, tables: LedgerTable[]): number {
  const parts: Buffer[] = [];
  const headers: TableHeader[] = tables.map((t) => ({
    rows: t.rows,
    cols: t.cols,
    threshold: t.threshold,
    entries: t.personCells.person.length,
    weighted: t.personCells.weight !== null,
    hierarchy: t.hierarchy,
  }));
  const head = Buffer.from(JSON.stringify(headers), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  parts.push(len, head);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  for (const t of tables) {
    parts.push(bytes(t.value), bytes(t.halfWidth), bytes(t.sensitive), bytes(t.personCells.person), bytes(t.personCells.cell));
    if (t.personCells.weight) parts.push(bytes(t.personCells.weight));
  }
  const blob = deflateSync(Buffer.concat(parts));
  ws.prepare('INSERT INTO release_ledger (seq, tables, bytes) VALUES (?, ?, ?)').run(release, tables.length, blob);
  return blob.length;
}

/** Forgets a release that did not complete (nothing of it left the app). */
export function dropLedgerRelease(ws: Database, release: number): void {
  ws.prepare('DELETE FROM release_ledger WHERE seq = ?').run(release);
}

export function loadLedger(ws: Database): LedgerTable[] {
  const rows = ws.prepare('SELECT seq, bytes FROM release_ledger ORDER BY seq').all() as { seq: number; bytes: Buffer }[];
  const out: LedgerTable[] = [];
  for (const r of rows) for (const t of decodeRelease(r.seq, r.bytes)) out.push(t);
  return out;
}

const cache = new WeakMap<Database, { key: string; tables: LedgerTable[] }>();

/**
 * The ledger as `loadLedger` reads it, kept in memory per workspace until a release is added
 * or dropped: the preview checks every matrix the analyst looks at against it, and inflating
 * every release each time costs more than the check. The tables are shared: read-only.
 */
export function cachedLedger(ws: Database): readonly LedgerTable[] {
  const { n, last } = ws.prepare('SELECT count(*) AS n, coalesce(max(seq), 0) AS last FROM release_ledger').get() as { n: number; last: number };
  const key = `${n}:${last}`;
  const hit = cache.get(ws);
  if (hit && hit.key === key) return hit.tables;
  const tables = loadLedger(ws);
  cache.set(ws, { key, tables });
  return tables;
}

/** Size of the ledger in bytes (encrypted at rest with the workspace), per release. */
export function ledgerSizes(ws: Database): { seq: number; bytes: number }[] {
  return ws.prepare('SELECT seq, length(bytes) AS bytes FROM release_ledger ORDER BY seq').all() as { seq: number; bytes: number }[];
}

function decodeRelease(release: number, blob: Buffer): LedgerTable[] {
  const buf = inflateSync(blob);
  const headLen = buf.readUInt32LE(0);
  const headers = JSON.parse(buf.subarray(4, 4 + headLen).toString('utf8')) as TableHeader[];
  let off = 4 + headLen;
  // Copy into fresh, aligned buffers: typed arrays need aligned offsets.
  const take = <T>(n: number, size: number, make: (b: ArrayBuffer) => T): T => {
    const ab = new ArrayBuffer(n * size);
    new Uint8Array(ab).set(buf.subarray(off, off + n * size));
    off += n * size;
    return make(ab);
  };
  return headers.map((h, index) => {
    const g = (h.rows + 1) * (h.cols + 1);
    const value = take(g, 8, (b) => new Float64Array(b));
    const halfWidth = take(g, 8, (b) => new Float64Array(b));
    const sensitive = take(g, 1, (b) => new Uint8Array(b));
    const person = take(h.entries, 4, (b) => new Int32Array(b));
    const cell = take(h.entries, 4, (b) => new Int32Array(b));
    const weight = h.weighted ? take(h.entries, 4, (b) => new Int32Array(b)) : null;
    return { release, index, rows: h.rows, cols: h.cols, threshold: h.threshold, value, halfWidth, sensitive, personCells: { person, cell, weight }, hierarchy: h.hierarchy ?? null };
  });
}
