import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ProgressEvent } from '../../../shared/api/events';
import type { CipherSettings } from '../../../shared/api/methods/extract';
import { buildColumnarIndexInParallel } from '../cohort/columnar-index';
import { adoptSessionIndex } from '../cohort/session-index';
import { checkExtractStrings } from './extract-strings';
import { AppError } from '../core/app-error';
import { rowidRange } from '../index-build/packed-queries';
import type { OpenSession } from '../core/open-session';
import { openWorkspace, workspacePath } from '../workspace/open-workspace';
import { passphraseBytes, wipe } from './cipher';
import { checkExtractSchema } from './extract-check';
import { buildSummary, countRows } from './extract-summary';
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
 * Opens an extract end to end: probe the file, find the cipher, check the format and
 * integrity, fingerprint, build the columnar index (which also counts the rows of the
 * tables it reads), count the other tables, open the workspace. Every step only reads the
 * extract. On any failure every connection opened so far is closed again.
 *
 * The index is built here, not on first use, so "ready" means ready: it is read while
 * the fingerprint thread hashes the file, on this thread and a helper thread with its own
 * read-only connection (the key bytes are copied to that thread, applied and wiped there;
 * this function wipes its own copy when it returns). Everything stays in memory.
 */
export async function openExtractSession(req: OpenRequest, dataDir: string, emit: (e: ProgressEvent) => void): Promise<OpenSession> {
  const started = performance.now();
  const progress: Progress = (fraction, stage) => emit({ type: 'progress', task: 'open', fraction, stage });
  progress(0, 'file');
  // Held from before the first connection until the session closes (or the open fails).
  const sidecars = holdSidecars(req.path);
  const key = passphraseBytes(req.passphrase);
  let db: Database | undefined;
  let workspace: Database | undefined;
  let fingerprint: PendingFingerprint | undefined;
  try {
    const probe = probeFile(req.path);
    progress(0.05, 'key');
    const keyed = openWithKey(req.path, key, req.cipher, probe);
    db = keyed.db;
    const opened = db;
    const meta = guard(req.path, () => checkExtractSchema(opened, req.path));
    checkExtractStrings(req.path, meta, []);
    progress(0.15, 'check');
    guard(req.path, () => checkIntegrity(opened, req.path, probe.size));
    // The key fits: hash the file in its own thread while the index is read here.
    let hashed = 0;
    fingerprint = startFingerprint(req.path, (bytes) => {
      hashed = bytes;
    });
    const share = () => Math.min(1, hashed / Math.max(1, probe.size));
    const personRows = guard(req.path, () => rowidRange(opened, 'person').max ?? 0);
    const helpers = personRows >= HELPERS_FROM_PERSONS ? Math.max(1, Math.min(3, availableParallelism() - 1)) : 0;
    const built = await guardAsync(req.path, () =>
      buildColumnarIndexInParallel(opened, meta.referenceDate, { file: req.path, key, cipher: keyed.cipher, helpers }, (fraction) =>
        progress(0.2 + 0.65 * fraction, 'index'),
      ),
    );
    const tables = guard(req.path, () => countRows(opened, (i, n) => progress(0.85 + (0.05 * i) / n, 'count'), built.rows));
    // The workspace (its own key derivation) is opened while the fingerprint thread may still be hashing.
    progress(0.9, 'workspace');
    workspace = openWorkspace(workspacePath(dataDir, meta.extractId), key);
    const hashProgress = setInterval(() => progress(0.92 + 0.07 * share(), 'fingerprint'), 250);
    const fileHash = await fingerprint.result
      .catch(() => {
        throw new AppError('FILE_UNREADABLE', { file: path.basename(req.path) });
      })
      .finally(() => clearInterval(hashProgress));

    const summary = buildSummary({
      filePath: req.path,
      meta,
      fingerprint: fileHash,
      cipher: keyed.cipher,
      tables,
      openMs: Math.round(performance.now() - started),
    });
    const session = createOpenSession(db, workspace, summary, () => sidecars.release(), path.resolve(req.path));
    checkExtractStrings(req.path, meta, built.index.nationalities);
    adoptSessionIndex(session, built.index);
    progress(1, 'ready');
    return session;
  } catch (err) {
    fingerprint?.cancel();
    workspace?.close();
    db?.close();
    sidecars.release();
    throw err;
  } finally {
    wipe(key);
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
