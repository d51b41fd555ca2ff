import type { btreeModule } from './btree-walk';
import type { PersonIdMemory, personIdModule } from './person-ids';
import type { recordModule } from './record-decode';
import type { PageFormat, pageCryptoModule } from './sqlcipher-pages';

/** Tables in chunk order: all person chunks come first (the others look persons up). */
export const PERSON = 0;
export const DECISION = 1;
export const RESIDENCE = 2;

/** Column positions in the records of each table (from PRAGMA table_xinfo). */
export interface ColumnPositions {
  person: { id: number; birthYear: number; birthMonth: number; sex: number; nationality: number; deathDate: number };
  decision: { id: number; date: number; status: number };
  residence: { id: number; start: number; end: number; kind: number; nis: number };
}

/**
 * A unit of work: leaf pages in file order (read with one read per run of consecutive
 * pages), each with its table and its position among that table's leaves (rowid order).
 */
export interface Chunk {
  pages: Int32Array;
  tables: Uint8Array;
  leaves: Int32Array;
}

export interface WorkerData {
  file: string;
  format: PageFormat;
  /** Copies for this worker; wiped as soon as the worker is done with them. */
  key: Uint8Array;
  hmacKey: Uint8Array;
  chunks: Chunk[];
  personChunks: number;
  /** [next chunk, person chunks done, abort]. */
  control: Int32Array;
  personIds: PersonIdMemory;
  columns: ColumnPositions;
  /** The packing constants of packed-queries.ts and locations.ts (this code cannot import them). */
  packing: { daySpan: number; abroad: number; radiated: number; deceased: number; unknown: number };
}

/** The rows of one table in one chunk, leaf by leaf in the chunk's page order. */
export interface TablePart {
  table: number;
  values: Float64Array[];
  rowids: Float64Array;
  /** Per leaf of the part: its position among the table's leaves, and its rows. */
  leaves: Int32Array;
  leafRows: Int32Array;
  /** Positions (in this part) whose values SQLite computes. */
  fallback: Int32Array;
  /** person: [rowid, nationality] of text nationalities that are no alpha-3 code. */
  textNationalities?: [number, string][];
  /** person: some nationality is not clean UTF-8 text: readTextNationalities() through SQLite instead. */
  nationalitiesBySqlite?: boolean;
}

/** What a worker posts per chunk. */
export interface ChunkResult {
  chunk: number;
  parts: TablePart[];
}

export type WorkerFailure = { failure: 'unsupported' | 'corrupt' | 'internal'; reason: string };

interface Modules {
  crypto: ReturnType<typeof pageCryptoModule>;
  btree: ReturnType<typeof btreeModule>;
  record: ReturnType<typeof recordModule>;
  makePersonIds: typeof personIdModule;
}

/**
 * The worker: takes chunks from a shared counter, reads their pages in runs (one read per
 * run of nearby pages), verifies every page's HMAC, decrypts, and packs each row exactly as
 * packed-queries.ts does. Self-contained: the modules come in as arguments and the source
 * of this function is run as the worker (direct-read-jobs.ts).
 */
export function directReadWorker(
  data: WorkerData,
  m: Modules,
  fs: typeof import('node:fs'),
  post: (msg: ChunkResult | WorkerFailure, transfer?: ArrayBuffer[]) => void,
): void {
  const { format, chunks, personChunks, control, columns } = data;
  // Same numbers as the exports above (this function may not refer to anything outside it).
  const PERSON = 0;
  const DECISION = 1;
  const RESIDENCE = 2;
  const key = Buffer.from(data.key.buffer, data.key.byteOffset, data.key.byteLength);
  const hmacKey = Buffer.from(data.hmacKey.buffer, data.hmacKey.byteOffset, data.hmacKey.byteLength);
  const { record, btree } = m;
  const ids = m.makePersonIds(data.personIds);
  const pageSize = format.pageSize;
  const usable = pageSize - format.reserve;
  const maxLocal = usable - 35;
  const DAY_SPAN = data.packing.daySpan;
  const { abroad: LOC_ABROAD, radiated: LOC_RADIATED, deceased: LOC_DECEASED, unknown: LOC_UNKNOWN } = data.packing;
  const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const W = {
    M: ascii('M'),
    F: ascii('F'),
    REFUGEE: ascii('REFUGEE'),
    SUBSIDIARY: ascii('SUBSIDIARY'),
    MAIN: ascii('MAIN'),
    WAITING_REGISTER: ascii('WAITING_REGISTER'),
    ABROAD: ascii('ABROAD'),
    RADIATED: ascii('RADIATED'),
    DECEASED: ascii('DECEASED'),
  };
  const MAIN_WORD = (0x4d << 24) | (0x41 << 16) | (0x49 << 8) | 0x4e; // 'MAIN'
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const types = new Int32Array(64);
  const offs = new Int32Array(64);
  // Per table, the previous row's person_id: rows of one person usually follow each other.
  const prevIds = [new Uint8Array(256), new Uint8Array(256), new Uint8Array(256)];
  const prevIdLen = [-1, -1, -1];
  const prevRowid = [-1, -1, -1];
  const fd = fs.openSync(data.file, 'r');

  class Stop extends Error {
    constructor(readonly failure: WorkerFailure['failure'], readonly reason: string) {
      super(reason);
    }
  }
  const unsupported = (reason: string) => new Stop('unsupported', reason);

  let personsIndexed = false;

  /** Before the first residence or decision chunk: all person ids are in, and indexed here. */
  function waitForPersons(): void {
    if (personsIndexed) return;
    for (;;) {
      const done = Atomics.load(control, 1);
      if (done >= personChunks) break;
      if (Atomics.load(control, 2) !== 0) throw new Stop('internal', 'aborted');
      Atomics.wait(control, 1, done, 100);
    }
    if (!ids.index()) throw unsupported('duplicate person_id');
    personsIndexed = true;
  }

  /** The chunk's pages, read (one read per run of consecutive pages), verified and decrypted, end to end. */
  let rawBuffer = Buffer.alloc(0);

  function loadPages(pages: Int32Array): Buffer {
    // One read buffer per worker, reused (wiped after each chunk).
    if (rawBuffer.length < pages.length * pageSize) rawBuffer = Buffer.alloc(pages.length * pageSize);
    const raw = rawBuffer.subarray(0, pages.length * pageSize);
    for (let s = 0; s < pages.length; ) {
      let e = s + 1;
      while (e < pages.length && pages[e] === pages[e - 1] + 1) e++;
      const bytes = (e - s) * pageSize;
      if (fs.readSync(fd, raw, s * pageSize, bytes, (pages[s] - 1) * pageSize) !== bytes) throw new Stop('corrupt', 'short read');
      s = e;
    }
    for (let k = 0; k < pages.length; k++) {
      if (pages[k] < 2) throw unsupported('page 1');
      if (!m.crypto.verifyPage(raw, k * pageSize, pages[k], format, hmacKey)) throw new Stop('corrupt', 'page hmac');
    }
    const plain = m.crypto.decryptRun(raw, format, key);
    raw.fill(0);
    return plain;
  }

  function readChunk(c: number, chunk: Chunk): ChunkResult {
    const p = loadPages(chunk.pages);
    const nPages = chunk.pages.length;
    // Rows and leaves per table first, to size the outputs.
    const rows = [0, 0, 0];
    const leafCount = [0, 0, 0];
    for (let i = 0; i < nPages; i++) {
      const base = i * pageSize;
      if (!btree.isLeaf(p, base)) throw unsupported('leaf page');
      const cells = (p[base + 3] << 8) | p[base + 4];
      if (8 + 2 * cells > usable) throw unsupported('cell count');
      rows[chunk.tables[i]] += cells;
      leafCount[chunk.tables[i]]++;
    }
    const parts: TablePart[] = [];
    const partOf: TablePart[] = [];
    const at = [0, 0, 0];
    const leafAt = [0, 0, 0];
    for (let t = 0; t < 3; t++) {
      if (!leafCount[t]) continue;
      // Every property from the start: one object shape for all parts (no deoptimisation).
      const part: TablePart = {
        table: t,
        values: t === RESIDENCE ? [new Float64Array(rows[t]), new Float64Array(rows[t])] : [new Float64Array(rows[t])],
        rowids: new Float64Array(rows[t]),
        leaves: new Int32Array(leafCount[t]),
        leafRows: new Int32Array(leafCount[t]),
        fallback: new Int32Array(0),
        textNationalities: t === PERSON ? [] : undefined,
        nationalitiesBySqlite: false,
      };
      parts.push(part);
      partOf[t] = part;
    }
    const fallbacks: number[][] = [[], [], []];
    natBySqlite = false;
    for (let i = 0; i < nPages; i++) {
      const table = chunk.tables[i];
      const part = partOf[table];
      const cells = (p[i * pageSize + 3] << 8) | p[i * pageSize + 4];
      part.leaves[leafAt[table]] = chunk.leaves[i];
      part.leafRows[leafAt[table]++] = cells;
      if (table === PERSON && !ids.beginPage(chunk.leaves[i], cells, p, i * pageSize, usable)) throw unsupported('person ids');
      at[table] = parseLeaf(p, i * pageSize, cells, table, part, at[table], fallbacks[table]);
    }
    p.fill(0);
    for (const part of parts) {
      part.fallback = Int32Array.from(fallbacks[part.table]);
      if (part.table === PERSON) part.nationalitiesBySqlite = natBySqlite;
    }
    return { chunk: c, parts };
  }

  /** The rows of one leaf page at `base` into `part` from row `r`; returns the next row. */
  function parseLeaf(p: Buffer, base: number, cells: number, table: number, part: TablePart, r: number, fallback: number[]): number {
    const values = part.values;
    const v0 = values[0];
    const v1 = table === RESIDENCE ? values[1] : v0;
    const rowids = part.rowids;
    const textNationalities = part.textNationalities as [number, string][];
    // Rowids ascend within a leaf (the order across leaves is checked when the parts are joined).
    let lastRowid = -1;
    for (let k = 0; k < cells; k++) {
      const cell = base + ((p[base + 8 + 2 * k] << 8) | p[base + 9 + 2 * k]);
      if (cell < base + 8 || cell + 4 > base + usable) throw unsupported('cell pointer');
      // Payload size and rowid: varints, mostly of one to three bytes.
      let q = cell;
      let size = p[q++];
      if (size >= 0x80) {
        size = record.varint(p, cell);
        q = cell + record.lastLength();
      }
      let rowid = p[q];
      if (rowid < 0x80) q++;
      else {
        rowid = record.varint(p, q);
        q += record.lastLength();
      }
      if (size < 0 || rowid < 0 || rowid <= lastRowid) throw unsupported('rowid order');
      lastRowid = rowid;
      rowids[r] = rowid;
      if (size > maxLocal) {
        // Overflow pages: a residence or decision row goes to SQLite; a person row's id is needed here.
        if (table === PERSON) throw unsupported('overflow');
        fallback.push(r);
        v0[r] = NaN;
        v1[r] = NaN;
        r++;
        continue;
      }
      if (q + size > base + usable) throw unsupported('payload bounds');
      const n = record.parseRecord(p, q, size, types, offs);
      let ok: boolean;
      if (table === PERSON) ok = person(p, n, rowid, k, v0, r, textNationalities) || noteNat();
      else if (table === DECISION) ok = decision(p, n, v0, r);
      else ok = residence(p, n, v0, v1, r);
      if (!ok) {
        fallback.push(r);
        v0[r] = NaN;
        v1[r] = NaN;
      }
      r++;
    }
    return r;
  }

  let natBySqlite = false;
  /** A person row left to SQLite: its nationality list entry is then SQLite's too. Always false. */
  function noteNat(): boolean {
    natBySqlite = true;
    return false;
  }

  const isText = (t: number) => t >= 13 && (t & 1) === 1;
  const textLen = (t: number) => (t - 13) >> 1;

  /** person: see PERSON_SQL. False leaves the row to SQLite. */
  function person(p: Uint8Array, n: number, rowid: number, row: number, out: Float64Array, r: number, textNats: [number, string][]): boolean {
    const C = columns.person;
    if (n <= Math.max(C.id, C.birthYear, C.birthMonth, C.sex, C.nationality, C.deathDate)) throw unsupported('person record');
    const tid = types[C.id];
    // Only TEXT ids can equal the TEXT ids of other tables (BINARY, no affinity change).
    if (isText(tid)) ids.add(p, offs[C.id], textLen(tid), rowid, row);
    else ids.noText();
    const tby = types[C.birthYear];
    const by = tby === 0 ? 1880 : record.smallInt(p, tby, offs[C.birthYear]);
    const tbm = types[C.birthMonth];
    const bm = tbm === 0 ? 0 : record.smallInt(p, tbm, offs[C.birthMonth]);
    if (Number.isNaN(by) || Number.isNaN(bm)) return false;
    const ts = types[C.sex];
    let sex = 2;
    if (ts !== 0) {
      if (!isText(ts)) return false;
      if (record.textIs(p, ts, offs[C.sex], W.M)) sex = 0;
      else if (record.textIs(p, ts, offs[C.sex], W.F)) sex = 1;
    }
    const tn = types[C.nationality];
    let nat = -1;
    if (tn !== 0) {
      const o = offs[C.nationality];
      // Three letters A–Z (no 0 byte among them): packed; any other text: listed as text.
      const three = tn === 13 + 6;
      const a0 = three ? p[o] - 65 : -1;
      const a1 = three ? p[o + 1] - 65 : -1;
      const a2 = three ? p[o + 2] - 65 : -1;
      if ((a0 >>> 0) < 26 && (a1 >>> 0) < 26 && (a2 >>> 0) < 26) {
        nat = a0 * 676 + a1 * 26 + a2;
      } else {
        if (!record.isCleanText(p, tn, o)) return false;
        let text: string;
        try {
          text = utf8.decode(p.subarray(o, o + textLen(tn)));
        } catch {
          natBySqlite = true;
          text = '';
        }
        textNats.push([rowid, text]);
      }
    }
    const td = types[C.deathDate];
    let death = 0;
    if (td !== 0) {
      const d = record.isoDay(p, td, offs[C.deathDate]);
      if (d < 0) return false;
      death = d + 1;
    }
    const y = Math.min(Math.max(by - 1880, 0), 255);
    const mo = Math.min(Math.max(bm, 0), 15);
    out[r] = (((y * 16 + mo) * 4 + sex) * 32768 + nat + 1) * DAY_SPAN + death;
    return true;
  }

  /** The person rowid of a TEXT person_id (-1: no such person); -2 when not a TEXT id (SQLite decides). */
  function personRowid(table: number, p: Uint8Array, t: number, o: number): number {
    if (!isText(t)) return -2;
    const len = textLen(t);
    const prev = prevIds[table];
    if (len === prevIdLen[table]) {
      let same = true;
      for (let i = 0; i < len; i++)
        if (prev[i] !== p[o + i]) {
          same = false;
          break;
        }
      if (same) return prevRowid[table];
    }
    const rowid = ids.lookup(p, o, len, table);
    if (len <= prev.length) {
      for (let i = 0; i < len; i++) prev[i] = p[o + i];
      prevIdLen[table] = len;
      prevRowid[table] = rowid;
    } else prevIdLen[table] = -1;
    return rowid;
  }

  /** protection_decision: see DECISION_SQL. */
  function decision(p: Uint8Array, n: number, out: Float64Array, r: number): boolean {
    const C = columns.decision;
    if (n <= Math.max(C.id, C.date, C.status)) return false;
    const day = record.isoDay(p, types[C.date], offs[C.date]);
    if (day < 0) return false;
    const ts = types[C.status];
    let st = 2;
    if (ts !== 0) {
      if (!isText(ts)) return false;
      if (record.textIs(p, ts, offs[C.status], W.REFUGEE)) st = 0;
      else if (record.textIs(p, ts, offs[C.status], W.SUBSIDIARY)) st = 1;
    }
    const rowid = personRowid(DECISION, p, types[C.id], offs[C.id]);
    if (rowid === -2 || rowid >= 2 ** 28) return false;
    out[r] = rowid < 0 ? NaN : rowid * 16777216 + day * 4 + st;
    return true;
  }

  /** residence: see RESIDENCE_PLACE_SQL and RESIDENCE_DATES_SQL. */
  function residence(p: Uint8Array, n: number, place: Float64Array, dates: Float64Array, r: number): boolean {
    const C = columns.residence;
    if (n <= Math.max(C.id, C.start, C.end, C.kind, C.nis)) return false;
    const start = record.isoDay(p, types[C.start], offs[C.start]);
    if (start < 0) return false;
    const te = types[C.end];
    let end = 0;
    if (te !== 0) {
      const d = record.isoDay(p, te, offs[C.end]);
      if (d < 0) return false;
      end = d + 1;
    }
    const tk = types[C.kind];
    // KIND of packed-queries.ts: MAIN and WAITING_REGISTER 0, the specials their location, else UNKNOWN.
    let kind = LOC_UNKNOWN;
    if (tk !== 0) {
      if (!isText(tk)) return false;
      const o = offs[C.kind];
      // By length first: MAIN 4 (most rows: compared as one 32-bit word), ABROAD 6,
      // RADIATED/DECEASED 8, WAITING_REGISTER 16.
      if (tk === 13 + 2 * 4) {
        if (((p[o] << 24) | (p[o + 1] << 16) | (p[o + 2] << 8) | p[o + 3]) === MAIN_WORD) kind = 0;
      } else if (tk === 13 + 2 * 8) {
        if (record.textIs(p, tk, o, W.RADIATED)) kind = LOC_RADIATED;
        else if (record.textIs(p, tk, o, W.DECEASED)) kind = LOC_DECEASED;
      } else if (record.textIs(p, tk, o, W.WAITING_REGISTER)) kind = 0;
      else if (record.textIs(p, tk, o, W.ABROAD)) kind = LOC_ABROAD;
    }
    const tn = types[C.nis];
    let nis = -1;
    if (tn !== 0) {
      const o = offs[C.nis];
      // Five digits (the usual case) contain no 0 byte; any other text is checked for one.
      let v = -1;
      if (tn === 13 + 10) {
        const d0 = p[o] - 0x30;
        const d1 = p[o + 1] - 0x30;
        const d2 = p[o + 2] - 0x30;
        const d3 = p[o + 3] - 0x30;
        const d4 = p[o + 4] - 0x30;
        if ((d0 >>> 0) <= 9 && (d1 >>> 0) <= 9 && (d2 >>> 0) <= 9 && (d3 >>> 0) <= 9 && (d4 >>> 0) <= 9) v = (((d0 * 10 + d1) * 10 + d2) * 10 + d3) * 10 + d4;
      }
      if (v < 0 && !record.isCleanText(p, tn, o)) return false;
      nis = v;
    }
    const rowid = personRowid(RESIDENCE, p, types[C.id], offs[C.id]);
    if (rowid === -2 || rowid >= 2 ** 30) return false;
    place[r] = rowid < 0 ? NaN : rowid * 4194304 + (nis + 1) * 8 + kind + 4;
    dates[r] = start * DAY_SPAN + end;
    return true;
  }

  // Last, after every declaration above is initialised.
  try {
    for (;;) {
      if (Atomics.load(control, 2) !== 0) break;
      const c = Atomics.add(control, 0, 1);
      if (c >= chunks.length) break;
      if (c >= personChunks) waitForPersons();
      const result = readChunk(c, chunks[c]);
      post(
        result,
        result.parts.flatMap((x) => [x.rowids.buffer, x.fallback.buffer, x.leaves.buffer, x.leafRows.buffer, ...x.values.map((v) => v.buffer)] as ArrayBuffer[]),
      );
      if (c < personChunks) {
        Atomics.add(control, 1, 1);
        Atomics.notify(control, 1);
      }
    }
  } catch (err) {
    Atomics.store(control, 2, 1);
    Atomics.notify(control, 1);
    if (err instanceof Stop) post({ failure: err.failure, reason: err.reason });
    else post({ failure: 'internal', reason: 'worker error' });
  } finally {
    fs.closeSync(fd);
    rawBuffer.fill(0);
    m.crypto.wipe();
    key.fill(0);
    hmacKey.fill(0);
  }
}
