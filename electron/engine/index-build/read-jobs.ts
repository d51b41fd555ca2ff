import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { applyCipher, type ConcreteCipher } from '../extract/cipher';
import { holdSidecars } from '../extract/sidecar-files';
import type { PendingDirectKeys } from './direct-read/direct-read';
import { runReadJob, type ReadJob } from './packed-queries';

/**
 * Runs the read jobs of the index build on this thread's connection and, when given the
 * file and its key, on helper threads with their own read-only connections at the same
 * time. Threads take the next job from a shared counter, so a thread slowed by other work
 * (the fingerprint hashing, another program) simply takes fewer jobs.
 *
 * The key: each helper thread receives a copy of the key bytes, applies it to its own
 * connection and overwrites its copy at once. The key never leaves the engine process and
 * is never written anywhere. The caller keeps (and wipes) its own buffer.
 */
export interface HelperSource {
  file: string;
  key: Buffer;
  cipher: ConcreteCipher;
  /** Helper threads to start (0 = read on this thread only). */
  helpers: number;
  /**
   * The direct page reader, tried first (index-build/direct-read/): its keys (derivation
   * started early in the open) and its worker count. Without it, or when the file is not
   * the simple case, the jobs are read through SQLite.
   */
  direct?: { keys: PendingDirectKeys; workers: number };
}

/**
 * The helper thread: a generic runner of plucked queries (the SQL comes from
 * packed-queries.ts in workerData). Inline so the bundled engine needs no extra file.
 */
const READ_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { sqliteModule, file, pragmas, key, jobs, counters } = workerData;
const shared = new Int32Array(counters);
let db;
try {
  const Database = require(sqliteModule);
  db = new Database(file, { readonly: true, fileMustExist: true, timeout: 1000 });
  for (const p of pragmas) db.pragma(p);
  db.key(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
  key.fill(0);
  db.pragma('temp_store=MEMORY');
  db.pragma('query_only=1');
  const statements = new Map();
  for (;;) {
    const j = Atomics.add(shared, 0, 1);
    if (j >= jobs.length) break;
    const job = jobs[j];
    const values = job.queries.map((sql) => {
      let stmt = statements.get(sql);
      if (!stmt) statements.set(sql, (stmt = db.prepare(sql).pluck()));
      const rows = stmt.all(job.from, job.to);
      const out = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = typeof rows[i] === 'number' ? rows[i] : NaN;
      return out;
    });
    parentPort.postMessage({ job: j, values }, values.map((v) => v.buffer));
    Atomics.add(shared, 1, 1);
  }
} catch (err) {
  parentPort.postMessage({ error: { code: String((err && err.code) || ''), message: String((err && err.message) || err) } });
} finally {
  key.fill(0);
  if (db) db.close();
}
`;

/**
 * Results per job, in job order: one Float64Array per query of the job, and how many jobs
 * helper threads read. `alsoHere` runs on this thread once the helpers are starting (work
 * that only this thread can do).
 */
export async function runReadJobs(
  db: Database,
  jobs: ReadJob[],
  source?: HelperSource,
  onProgress?: (done: number, total: number) => void,
  alsoHere?: () => void,
): Promise<{ results: Float64Array[][]; byHelpers: number }> {
  const results: (Float64Array[] | undefined)[] = new Array(jobs.length);
  const counters = new SharedArrayBuffer(8);
  const shared = new Int32Array(counters);
  const helpers = source && jobs.length > 1 ? Array.from({ length: source.helpers }, () => startHelper(source, jobs, counters, results)) : [];

  let ownJobs = 0;
  try {
    alsoHere?.();
    for (;;) {
      const j = Atomics.add(shared, 0, 1);
      if (j >= jobs.length) break;
      results[j] = runReadJob(db, jobs[j]);
      ownJobs++;
      onProgress?.(Atomics.add(shared, 1, 1) + 1, jobs.length);
    }
  } catch (err) {
    Atomics.store(shared, 0, jobs.length); // helpers stop after their current job
    throw err;
  }
  await Promise.all(helpers);
  const byHelpers = results.filter((r) => r !== undefined).length - ownJobs;
  // A helper that failed (or could not start) leaves its jobs to this thread. If the data
  // itself is at fault (a damaged page), reading it here raises the same error, mapped by
  // the caller; otherwise the build only takes longer.
  for (let j = 0; j < jobs.length; j++) if (!results[j]) results[j] = runReadJob(db, jobs[j]);
  return { results: results as Float64Array[][], byHelpers };
}

interface HelperError {
  code: string;
  message: string;
}

/** Starts one helper; resolves when it has finished (null) or failed (its error). Results land in `results`. */
function startHelper(source: HelperSource, jobs: ReadJob[], counters: SharedArrayBuffer, results: (Float64Array[] | undefined)[]): Promise<HelperError | null> {
  return new Promise((resolve) => {
    let failure: HelperError | null = null;
    let worker: Worker;
    // The helper gets its own copy (workerData is cloned when the Worker is constructed) and
    // wipes it once applied; this thread's copy is wiped right after the clone.
    const keyCopy = new Uint8Array(source.key);
    // The helper's connection may create -wal/-shm beside a WAL-mode extract: held until it exits.
    const sidecars = holdSidecars(source.file);
    try {
      worker = new Worker(READ_WORKER, {
        eval: true,
        workerData: {
          sqliteModule: sqliteModulePath(),
          file: source.file,
          pragmas: cipherPragmas(source.cipher),
          key: keyCopy,
          jobs,
          counters,
        },
      });
    } catch (err) {
      sidecars.release();
      resolve({ code: 'HELPER_START', message: String(err) });
      return;
    } finally {
      keyCopy.fill(0);
    }
    worker.on('message', (m: { job?: number; values?: Float64Array[]; error?: HelperError }) => {
      if (m.error) failure = m.error;
      else if (m.job !== undefined && m.values) results[m.job] = m.values;
    });
    worker.on('error', (err) => {
      failure = { code: 'HELPER_ERROR', message: String(err) };
    });
    worker.on('exit', () => {
      sidecars.release();
      resolve(failure);
    });
  });
}

/**
 * The pragmas applyCipher() issues for a cipher setting, recorded so a helper thread
 * configures its connection exactly like this one (the key itself is applied separately).
 */
export function cipherPragmas(cipher: ConcreteCipher): string[] {
  const pragmas: string[] = [];
  const recorder = { pragma: (p: string) => void pragmas.push(p), key: () => undefined };
  applyCipher(recorder as unknown as Database, cipher, Buffer.alloc(0));
  return pragmas;
}

/** Where the native SQLite module lives, so the helper loads the same one as this thread. */
function sqliteModulePath(): string {
  const from = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');
  return createRequire(from).resolve('better-sqlite3-multiple-ciphers');
}
