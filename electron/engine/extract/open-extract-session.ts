import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EngineEvent } from '../../../shared/api/events';
import type { CipherSettings } from '../../../shared/api/methods/extract';
import { buildColumnarIndexInParallel } from '../cohort/columnar-index';
import { adoptSessionIndex } from '../cohort/session-index';
import { checkExtractStrings } from './extract-strings';
import { AppError } from '../core/app-error';
import { rowidRange } from '../index-build/packed-queries';
import type { OpenSession } from '../core/open-session';
import { openWorkspace, workspacePath } from '../workspace/open-workspace';
import { startDirectKeys, type PendingDirectKeys } from '../index-build/direct-read/direct-read';
import { AUTO_ORDER, passphraseBytes, wipe } from './cipher';
import { checkExtractSchema } from './extract-check';
import { buildSummary, countRows } from './extract-summary';
import type { ExtractTable } from '../../../shared/extract/extract-schema';
import type { ConcreteCipher } from './cipher';
import type { ExtractMeta } from './extract-check';
import { extractIdentity } from '../index-cache/extract-identity';
import { cacheKeyOrCreate, indexCachePath, openCachedIndex, saveIndexCache } from '../index-cache/index-cache';
import { discardIndexCache, removeStaleCacheTemps } from '../index-cache/index-cache-file';
import { probeFile } from './file-probe';
import { startFingerprint, type PendingFingerprint } from './fingerprint';
import { checkIntegrity, openWithKey } from './open-extract';
import { createOpenSession } from './session';
import { holdSidecars } from './sidecar-files';
import { fromSqliteError, isNotADatabase } from './sqlite-errors';

export interface OpenRequest {
  path: string;
  passphrase: string;
  cipher: CipherSettings;
}

type Progress = (fraction: number, stage: string) => void;

/** Below this many person rows the index is read on one thread (a helper's start-up and key derivation cost more). */
const HELPERS_FROM_PERSONS = 100_000;

/**
 * From this file size on, the index is read by the direct page reader (index-build/direct-read/)
 * when the file is its simple case; smaller files are read through SQLite faster than the
 * reader's own key derivation takes. Tests lower it to read small files directly.
 */
export const directReadSettings = { fromBytes: 16 * 2 ** 20 };

/** session.cache key of the IndexReader that built the session's index. */
export const INDEX_READER_KEY = 'index-reader';

/**
 * Opens an extract end to end: probe the file, find the cipher, check the format and
 * integrity, open the workspace, then take the columnar index from the encrypted index
 * cache when it belongs to this very file (see index-cache/), or build it (which also
 * counts the rows of the tables it reads) and count the other tables. Every step only
 * reads the extract. On any failure every connection opened so far is closed again.
 *
 * The index is built here, not on first use, so "ready" means ready: it is read while
 * the fingerprint thread hashes the file, on this thread and a helper thread with its own
 * read-only connection (the key bytes are copied to that thread, applied and wiped there;
 * this function wipes its own copy when it returns). After a build the cache is written
 * (encrypted) once the session is answered; after a cache hit the fingerprint thread
 * verifies the cache in the background (session.background settles when either is done).
 */
export async function openExtractSession(req: OpenRequest, dataDir: string, emit: (e: EngineEvent) => void): Promise<OpenSession> {
  const started = performance.now();
  const progress: Progress = (fraction, stage) => emit({ type: 'progress', task: 'open', fraction, stage });
  progress(0, 'file');
  // Held from before the first connection until the session closes (or the open fails).
  const sidecars = holdSidecars(req.path);
  const key = passphraseBytes(req.passphrase);
  let db: Database | undefined;
  let workspace: Database | undefined;
  let fingerprint: PendingFingerprint | undefined;
  let directKeys: PendingDirectKeys | undefined;
  try {
    const probe = probeFile(req.path);
    progress(0.05, 'key');
    // The direct reader's key derivation runs on a pool thread while SQLite derives its own
    // key here (for the preset tried first; again if another preset turns out to fit).
    const direct = probe.size >= directReadSettings.fromBytes;
    const first: ConcreteCipher = req.cipher.preset === 'auto' ? AUTO_ORDER[0] : req.cipher;
    if (direct) directKeys = startDirectKeys(req.path, key, first);
    const keyed = openWithKey(req.path, key, req.cipher, probe);
    db = keyed.db;
    if (direct && keyed.cipher.preset !== first.preset) {
      directKeys?.discard();
      directKeys = startDirectKeys(req.path, key, keyed.cipher);
    }
    const opened = db;
    const meta = guard(req.path, () => checkExtractSchema(opened, req.path));
    checkExtractStrings(req.path, meta, []);
    progress(0.15, 'check');
    guard(req.path, () => checkIntegrity(opened, req.path, probe.size));
    progress(0.2, 'workspace');
    const workspaceFile = workspacePath(dataDir, meta.extractId);
    const cacheFile = indexCachePath(workspaceFile);
    // Hash the file in its own thread: while the index is read, or, after a cache hit,
    // while the analyst already works (it then verifies the cache). Without a cache file
    // the index is built for sure: hashing starts now, beside the workspace's key
    // derivation. With one it starts only after the cache is read, so that on a hit it
    // does not compete with reading the cache on a two-core machine.
    let hashed = 0;
    const hash = () =>
      startFingerprint(req.path, (bytes) => {
        hashed = bytes;
      });
    const openTheWorkspace = () => {
      workspace = openWorkspace(workspaceFile, key);
      // What a crashed cache write left behind (only once the passphrase opened the workspace).
      removeStaleCacheTemps(cacheFile);
      return workspace;
    };
    const identity = extractIdentity(req.path);
    // Without a cache file the index is built for sure: the workspace's key derivation then
    // runs on this thread while the worker threads read (below), not before they start.
    const mustBuild = !existsSync(cacheFile);
    if (mustBuild) fingerprint = hash();
    const cached = mustBuild ? null : guard(req.path, () => openCachedIndex(opened, openTheWorkspace(), cacheFile, identity)).hit;
    fingerprint ??= hash();
    const share = () => Math.min(1, hashed / Math.max(1, probe.size));
    if (cached && workspace) {
      directKeys?.discard();
      const pending = fingerprint;
      const session = createOpenSession(db, workspace, summaryOf(req, meta, keyed.cipher, cached.fingerprint, cached.tables as ExtractTables, started), () => {
        pending.cancel();
        sidecars.release();
      }, path.resolve(req.path));
      checkExtractStrings(req.path, meta, cached.index.nationalities);
      adoptSessionIndex(session, cached.index);
      session.background = verifyCachedFingerprint(session, pending, cached.fingerprint, cacheFile, emit);
      session.fingerprintChecked = session.background;
      progress(1, 'ready');
      return session;
    }

    const personRows = guard(req.path, () => rowidRange(opened, 'person').max ?? 0);
    const helpers = personRows >= HELPERS_FROM_PERSONS ? Math.max(1, Math.min(3, availableParallelism() - 1)) : 0;
    const directRead = directKeys && { keys: directKeys, workers: Math.max(1, Math.min(4, availableParallelism())) };
    // The other tables are counted on this thread while worker threads read the index.
    let others: ExtractTables | undefined;
    const readTables = { person: 0, protection_decision: 0, residence: 0 };
    const built = await guardAsync(req.path, () =>
      buildColumnarIndexInParallel(
        opened,
        meta.referenceDate,
        { file: req.path, key, cipher: keyed.cipher, helpers, direct: directRead },
        (fraction) => progress(0.2 + 0.7 * fraction, 'index'),
        () => {
          if (!workspace) openTheWorkspace();
          others = countRows(opened, undefined, readTables);
        },
      ),
    );
    const ws = workspace ?? openTheWorkspace();
    const tables = guard(req.path, () =>
      countRows(opened, (i, n) => progress(0.9 + (0.02 * i) / n, 'count'), { ...Object.fromEntries((others ?? []).map((t) => [t.name, t.rows])), ...built.rows }),
    );
    const hashProgress = setInterval(() => progress(0.92 + 0.07 * share(), 'fingerprint'), 250);
    const fileHash = await fingerprint.result
      .catch(() => {
        throw new AppError('FILE_UNREADABLE', { file: path.basename(req.path) });
      })
      .finally(() => clearInterval(hashProgress));

    const session = createOpenSession(db, ws, summaryOf(req, meta, keyed.cipher, fileHash, tables, started), () => sidecars.release(), path.resolve(req.path));
    checkExtractStrings(req.path, meta, built.index.nationalities);
    adoptSessionIndex(session, built.index);
    // Which reader built the index (direct, or SQLite and why not direct): for tests and diagnosis, no data.
    session.cache.set(INDEX_READER_KEY, built.reader);
    // The next open of this extract reads the index from the encrypted cache. Written after
    // "ready" is answered; a failed write only means the next open builds again.
    // The key is taken now: the session may be closed before the write starts.
    const cacheKey = cacheKeyOrCreate(ws);
    session.background = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => saveIndexCache(cacheKey, cacheFile, identity, { columns: built.index, bitsets: built.index.bitsets, fingerprint: fileHash, tables }))
      .catch(() => discardIndexCache(cacheFile));
    progress(1, 'ready');
    return session;
  } catch (err) {
    directKeys?.discard();
    fingerprint?.cancel();
    workspace?.close();
    db?.close();
    sidecars.release();
    throw err;
  } finally {
    wipe(key);
  }
}

type ExtractTables = { name: ExtractTable; rows: number }[];

function summaryOf(req: OpenRequest, meta: ExtractMeta, cipher: ConcreteCipher, fingerprint: string, tables: ExtractTables, started: number) {
  return buildSummary({ filePath: req.path, meta, fingerprint, cipher, tables, openMs: Math.round(performance.now() - started) });
}

/**
 * After a cache hit: the full SHA-256 of the extract, computed in the background, must be
 * the one the cache was made for. If not (the file changed in a way the identity check
 * missed), the cache file is deleted, the session drops the cached index and everything
 * derived from it (the next use rebuilds from the extract) and takes the real fingerprint;
 * the UI (or CLI) is told with an 'extract-summary-changed' event carrying the new summary.
 */
async function verifyCachedFingerprint(
  session: OpenSession,
  pending: PendingFingerprint,
  expected: string,
  cacheFile: string,
  emit: (e: EngineEvent) => void,
): Promise<void> {
  let actual: string;
  try {
    actual = await pending.result;
  } catch {
    return; // cancelled by close, or the file went away: nothing of this session is used any more
  }
  if (actual === expected) return;
  discardIndexCache(cacheFile);
  session.cache.clear();
  session.summary.fingerprint = actual;
  try {
    emit({ type: 'extract-summary-changed', reason: 'fingerprint-corrected', previousFingerprint: expected, summary: { ...session.summary } });
  } catch {
    // A listener's failure must not undo the correction (background never rejects).
  }
}

/** SQLite errors met while reading the opened extract become stable codes (a damaged page → CORRUPT_FILE). */
function guard<T>(filePath: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw mapReadError(err, filePath);
  }
}

async function guardAsync<T>(filePath: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw mapReadError(err, filePath);
  }
}

function mapReadError(err: unknown, filePath: string): unknown {
  const mapped = fromSqliteError(err, filePath);
  if (mapped) return mapped;
  // The key already decrypted page 1, so "not a database" now means a damaged page.
  if (isNotADatabase(err)) return new AppError('CORRUPT_FILE', { file: path.basename(filePath) });
  return err;
}
