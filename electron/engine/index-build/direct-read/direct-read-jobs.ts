import * as nodeCrypto from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../core/app-error';
import { LOC_ABROAD, LOC_DECEASED, LOC_RADIATED, LOC_UNKNOWN } from '../locations';
import { DAY_SPAN, type IndexTable, type ReadJob } from '../packed-queries';
import { btreeModule, listLeaves } from './btree-walk';
import {
  DECISION,
  PERSON,
  RESIDENCE,
  directReadWorker,
  type Chunk,
  type ChunkResult,
  type TablePart,
  type ColumnPositions,
  type WorkerData,
  type WorkerFailure,
} from './direct-read-worker';
import { DirectReadNotSupported } from './not-supported';
import { newPersonIdMemory, personIdModule } from './person-ids';
import { recordModule } from './record-decode';
import { pageCryptoModule, type DirectKeys } from './sqlcipher-pages';

/**
 * The direct page reader: the read jobs of the index (packed-queries.ts) answered by
 * reading the pages of person, protection_decision and residence from the file, verifying
 * and decrypting them with node:crypto and packing every row in JavaScript, on `workers`
 * threads. The results are exactly runReadJob's: rows whose values are not in a canonical
 * shape are computed by SQLite with the job's own SQL restricted to that rowid, and any
 * file that is not the simple case throws DirectReadNotSupported (the caller then reads
 * through SQLite). A page whose HMAC fails ends the read with CORRUPT_FILE.
 */
export interface DirectReadResult {
  /**
   * split 'jobs': the jobs given, and per job one Float64Array per query (runReadJob's
   * values). split 'runs': the same rows without copying them, per run of rows that lie
   * together in memory, each described as a job over its rowid range (the decode only
   * walks a table's rows in order, so either serves it).
   */
  jobs: ReadJob[];
  results: Float64Array[][];
  /** What readTextNationalities(db) returns; undefined when SQLite must be asked. */
  textNationalities?: [number, string][];
  /** Rows computed by SQLite (non-canonical values, overflow pages). */
  rowsBySqlite: number;
}

const TABLES: { name: IndexTable; id: number }[] = [
  { name: 'person', id: PERSON },
  { name: 'residence', id: RESIDENCE },
  { name: 'protection_decision', id: DECISION },
];

const PACKING: WorkerData['packing'] = { daySpan: DAY_SPAN, abroad: LOC_ABROAD, radiated: LOC_RADIATED, deceased: LOC_DECEASED, unknown: LOC_UNKNOWN };

/** The worker's source: the modules' and the worker's own functions, run as a script. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pageCryptoModule = (${pageCryptoModule.toString()});
const btreeModule = (${btreeModule.toString()});
const recordModule = (${recordModule.toString()});
const personIdModule = (${personIdModule.toString()});
(${directReadWorker.toString()})(
  workerData,
  { crypto: pageCryptoModule(require('node:crypto')), btree: btreeModule(), record: recordModule(), makePersonIds: personIdModule },
  require('node:fs'),
  (msg, transfer) => parentPort.postMessage(msg, transfer),
);
`;

export async function readJobsDirect(
  db: Database,
  file: string,
  keys: DirectKeys,
  jobs: ReadJob[],
  workers: number,
  onProgress?: (done: number, total: number) => void,
  whileReading?: () => void,
  split: 'jobs' | 'runs' = 'jobs',
): Promise<DirectReadResult> {
  const columns = columnPositions(db);
  const roots = rootPages(db);
  const usable = keys.format.pageSize - keys.format.reserve;

  // Interior pages on this thread (a few hundred): the leaves, in rowid order, per table.
  const leaves = new Map<IndexTable, number[]>();
  const crypto = pageCryptoModule(nodeCrypto);
  const fd = openSync(file, 'r');
  try {
    const raw = Buffer.alloc(keys.format.pageSize);
    const readPage = (page: number): Uint8Array => {
      if (readSync(fd, raw, 0, raw.length, (page - 1) * raw.length) !== raw.length) throw new DirectReadNotSupported('short read');
      if (!crypto.verifyPage(raw, 0, page, keys.format, keys.hmacKey)) throw corrupt(file);
      return crypto.decryptRun(raw, keys.format, keys.key);
    };
    for (const t of TABLES) leaves.set(t.name, listLeaves(readPage, roots[t.name], keys.pages, usable));
  } finally {
    closeSync(fd);
    crypto.wipe();
  }

  // Person pages first (the other tables look persons up), then residence and decision
  // pages together: in file order, so that neighbouring pages are read with one read.
  const personChunks = planChunks([leaves.get('person')!], [PERSON], PERSON_CHUNK_PAGES);
  const chunks = [...personChunks, ...planChunks([leaves.get('residence')!, leaves.get('protection_decision')!], [RESIDENCE, DECISION], CHUNK_PAGES)];
  const personPages = leaves.get('person')!.length;
  // Upper bounds for the id table: rowids are distinct, and the ids lie in the person pages.
  const personJobs = jobs.filter((j) => j.table === 'person');
  const rowidSpan = personJobs.length ? personJobs[personJobs.length - 1].to - personJobs[0].from : 0;
  const maxPersons = Math.min(rowidSpan, personPages * Math.floor(usable / 4)) + 1;
  const personIds = newPersonIdMemory(maxPersons, personPages * usable, personPages);
  const control = new Int32Array(new SharedArrayBuffer(12));

  const results: (ChunkResult | undefined)[] = new Array(chunks.length);
  const failures: WorkerFailure[] = [];
  let done = 0;
  const threads = Array.from({ length: Math.max(1, workers) }, () =>
    runWorker({ file, format: keys.format, key: keys.key, hmacKey: keys.hmacKey, chunks, personChunks: personChunks.length, control, personIds, columns, packing: PACKING }, (msg) => {
      if ('failure' in msg) failures.push(msg);
      else {
        results[msg.chunk] = msg;
        onProgress?.(++done, chunks.length);
      }
    }).catch(() => {
      failures.push({ failure: 'internal', reason: 'worker exit' });
      Atomics.store(control, 2, 1);
      Atomics.notify(control, 1);
    }),
  );
  try {
    whileReading?.();
  } catch (err) {
    // Stop the workers after their current chunk, then report this error.
    Atomics.store(control, 2, 1);
    Atomics.notify(control, 1);
    await Promise.all(threads);
    throw err;
  }
  await Promise.all(threads).finally(() => personIds.arena.fill(0)); // copies of person pages: wiped
  if (failures.some((f) => f.failure === 'corrupt')) throw corrupt(file);
  if (failures.length) throw new DirectReadNotSupported(failures[0].reason);
  if (results.some((r) => !r)) throw new DirectReadNotSupported('missing chunk');

  // Per table: SQLite's values for the rows left to it, the parts' rows in leaf order, then per job.
  const out: Float64Array[][] = new Array(jobs.length);
  const outJobs: ReadJob[] = [];
  const outRuns: Float64Array[][] = [];
  let rowsBySqlite = 0;
  const allParts = (results as ChunkResult[]).flatMap((r) => r.parts);
  let textNationalities: [number, string][] | undefined = [];
  for (const t of TABLES) {
    const tableJobs = jobs.map((job, j) => ({ job, j })).filter((x) => x.job.table === t.name);
    const parts = allParts.filter((p) => p.table === t.id);
    const n = parts.reduce((s, p) => s + p.rowids.length, 0);
    if (n === 0) continue;
    if (!tableJobs.length) throw new DirectReadNotSupported('rows outside the jobs');
    const queries = tableJobs[0].job.queries;
    // Each leaf's rows: where they are in which part.
    const leafCount = leaves.get(t.name)!.length;
    const leafPart = new Int32Array(leafCount).fill(-1);
    const leafFrom = new Int32Array(leafCount);
    const leafRows = new Int32Array(leafCount);
    parts.forEach((part, i) => {
      if (part.values.length !== queries.length) throw new DirectReadNotSupported('query count');
      for (const k of part.fallback) {
        const rowid = part.rowids[k];
        queries.forEach((sql, q) => {
          const v = db.prepare(sql).pluck().get(rowid, rowid + 1);
          part.values[q][k] = typeof v === 'number' ? v : NaN;
        });
        rowsBySqlite++;
      }
      for (let l = 0, from = 0; l < part.leaves.length; from += part.leafRows[l], l++) {
        const leaf = part.leaves[l];
        if (leafPart[leaf] !== -1) throw new DirectReadNotSupported('leaf read twice');
        leafPart[leaf] = i;
        leafFrom[leaf] = from;
        leafRows[leaf] = part.leafRows[l];
      }
    });
    // Runs of leaves that lie one after the other in one part, in leaf (= rowid) order;
    // rowids must ascend from each leaf to the next (within a leaf the worker checked).
    const runs: { part: TablePart; from: number; to: number }[] = [];
    let lastRowid = -Infinity;
    for (let leaf = 0; leaf < leafCount; ) {
      if (leafPart[leaf] < 0) throw new DirectReadNotSupported('leaf missing');
      const i = leafPart[leaf];
      const part = parts[i];
      const from = leafFrom[leaf];
      let to = from;
      do {
        if (leafRows[leaf] > 0) {
          if (part.rowids[to] <= lastRowid) throw new DirectReadNotSupported('rowid order');
          lastRowid = part.rowids[to + leafRows[leaf] - 1];
        }
        to += leafRows[leaf];
        leaf++;
      } while (leaf < leafCount && leafPart[leaf] === i && leafFrom[leaf] === to);
      if (to > from) runs.push({ part, from, to });
    }
    if (split === 'runs') {
      // No copies: each run is a "job" of its own (what the decode walks: the table's rows in order).
      for (const run of runs) {
        outJobs.push({ table: t.name, queries, from: run.part.rowids[run.from], to: run.part.rowids[run.to - 1] + 1 });
        outRuns.push(run.part.values.map((v) => v.subarray(run.from, run.to)));
      }
    } else {
      const values = queries.map(() => new Float64Array(n));
      const rowids = new Float64Array(n);
      let at = 0;
      for (const { part, from, to } of runs) {
        rowids.set(part.rowids.subarray(from, to), at);
        values.forEach((v, q) => v.set(part.values[q].subarray(from, to), at));
        at += to - from;
      }
      let covered = 0;
      for (const { job, j } of tableJobs) {
        const lo = lowerBound(rowids, job.from);
        const hi = lowerBound(rowids, job.to);
        out[j] = values.map((v) => v.subarray(lo, hi));
        covered += hi - lo;
      }
      if (covered !== n) throw new DirectReadNotSupported('rows outside the jobs');
    }
    if (t.id === PERSON) {
      // Text nationalities in rowid order (as readTextNationalities), unless some row needs SQLite's reading.
      if (parts.some((p) => p.nationalitiesBySqlite)) textNationalities = undefined;
      else textNationalities = parts.flatMap((p) => p.textNationalities ?? []).sort((a, b) => a[0] - b[0]);
    }
  }
  if (split === 'runs') return { jobs: outJobs, results: outRuns, textNationalities, rowsBySqlite };
  for (let j = 0; j < jobs.length; j++) if (!out[j]) out[j] = jobs[j].queries.map(() => new Float64Array(0));
  return { jobs, results: out, textNationalities, rowsBySqlite };
}

/** Pages per unit of work (the person pages are read first, in smaller units: all threads wait for them). */
const CHUNK_PAGES = 512;
const PERSON_CHUNK_PAGES = 256;

/** The leaves of the given tables, merged in file order and cut into chunks. */
function planChunks(leafLists: number[][], tableIds: number[], size: number): Chunk[] {
  const all: [number, number, number][] = [];
  leafLists.forEach((list, t) => list.forEach((page, leaf) => all.push([page, tableIds[t], leaf])));
  all.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < all.length; i++) if (all[i][0] === all[i - 1][0]) throw new DirectReadNotSupported('page shared');
  const chunks: Chunk[] = [];
  for (let i = 0; i < all.length; i += size) {
    const part = all.slice(i, i + size);
    chunks.push({ pages: Int32Array.from(part, (x) => x[0]), tables: Uint8Array.from(part, (x) => x[1]), leaves: Int32Array.from(part, (x) => x[2]) });
  }
  return chunks;
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const corrupt = (file: string) => new AppError('CORRUPT_FILE', { file: path.basename(file) });

/** Runs one worker to its end. The key copies are wiped here right after the clone into the worker, and there after use. */
function runWorker(data: WorkerData, onMessage: (m: ChunkResult | WorkerFailure) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const key = new Uint8Array(data.key);
    const hmacKey = new Uint8Array(data.hmacKey);
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...data, key, hmacKey } });
    } catch (err) {
      reject(err);
      return;
    } finally {
      key.fill(0);
      hmacKey.fill(0);
    }
    let failed = false;
    worker.on('message', onMessage);
    worker.on('error', () => (failed = true));
    worker.on('exit', (code) => (failed || code !== 0 ? reject(new Error('direct read worker failed')) : resolve()));
  });
}

/** Root pages of the three tables, from sqlite_schema on the open connection. */
function rootPages(db: Database): Record<IndexTable, number> {
  const rows = db
    .prepare("SELECT name, rootpage, sql FROM sqlite_schema WHERE type = 'table' AND name IN ('person', 'protection_decision', 'residence')")
    .all() as { name: IndexTable; rootpage: number; sql: string | null }[];
  const roots = {} as Record<IndexTable, number>;
  for (const r of rows) {
    // WITHOUT ROWID tables are index b-trees; a collation changes the id comparison; generated columns are not stored.
    if (!r.sql || /\b(WITHOUT|COLLATE|GENERATED|AS)\b/i.test(r.sql)) throw new DirectReadNotSupported('table definition');
    if (!Number.isInteger(r.rootpage) || r.rootpage < 2) throw new DirectReadNotSupported('root page');
    roots[r.name] = r.rootpage;
  }
  for (const t of TABLES) if (!roots[t.name]) throw new DirectReadNotSupported('table missing');
  return roots;
}

interface XColumn {
  name: string;
  type: string;
  pk: number;
  hidden: number;
}

/** Where each needed column sits in the records. person_id must be a TEXT column everywhere (no affinity conversion). */
function columnPositions(db: Database): ColumnPositions {
  const positions = (table: IndexTable, names: string[]): Record<string, number> => {
    const cols = db.pragma(`table_xinfo(${table})`) as XColumn[];
    if (cols.some((c) => c.hidden !== 0)) throw new DirectReadNotSupported('hidden columns');
    const pk = cols.filter((c) => c.pk > 0);
    if (pk.length === 1 && pk[0].type.toUpperCase() === 'INTEGER') throw new DirectReadNotSupported('rowid alias');
    const out: Record<string, number> = {};
    for (const name of names) {
      const at = cols.findIndex((c) => c.name === name);
      if (at < 0) throw new DirectReadNotSupported('column missing');
      out[name] = at;
    }
    if (cols[out.person_id].type.toUpperCase() !== 'TEXT') throw new DirectReadNotSupported('person_id type');
    return out;
  };
  const p = positions('person', ['person_id', 'birth_year', 'birth_month', 'sex', 'nationality', 'death_date']);
  const d = positions('protection_decision', ['person_id', 'decision_date', 'status']);
  const r = positions('residence', ['person_id', 'start_date', 'end_date', 'kind', 'nis_code']);
  return {
    person: { id: p.person_id, birthYear: p.birth_year, birthMonth: p.birth_month, sex: p.sex, nationality: p.nationality, deathDate: p.death_date },
    decision: { id: d.person_id, date: d.decision_date, status: d.status },
    residence: { id: r.person_id, start: r.start_date, end: r.end_date, kind: r.kind, nis: r.nis_code },
  };
}
