import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ProgressEvent } from '../../../shared/api/events';
import type { CipherSettings } from '../../../shared/api/methods/extract';
import { AppError } from '../core/app-error';
import type { OpenSession } from '../core/open-session';
import { openWorkspace, workspacePath } from '../workspace/open-workspace';
import { passphraseBytes, wipe } from './cipher';
import { checkExtractSchema } from './extract-check';
import { buildSummary, countRows } from './extract-summary';
import { probeFile } from './file-probe';
import { startFingerprint, type PendingFingerprint } from './fingerprint';
import { checkIntegrity, openWithKey } from './open-extract';
import { createOpenSession } from './session';
import { fromSqliteError, isNotADatabase } from './sqlite-errors';

export interface OpenRequest {
  path: string;
  passphrase: string;
  cipher: CipherSettings;
}

type Progress = (fraction: number, stage: string) => void;

/**
 * Opens an extract end to end: probe the file, find the cipher, check the format and
 * integrity, count rows, fingerprint, open the workspace. Every step only reads the
 * extract. On any failure every connection opened so far is closed again.
 */
export async function openExtractSession(req: OpenRequest, dataDir: string, emit: (e: ProgressEvent) => void): Promise<OpenSession> {
  const started = performance.now();
  const progress: Progress = (fraction, stage) => emit({ type: 'progress', task: 'open', fraction, stage });
  progress(0, 'file');
  const probe = probeFile(req.path);

  const key = passphraseBytes(req.passphrase);
  let db: Database | undefined;
  let workspace: Database | undefined;
  let fingerprint: PendingFingerprint | undefined;
  try {
    progress(0.05, 'key');
    const keyed = openWithKey(req.path, key, req.cipher, probe);
    db = keyed.db;
    const opened = db;
    const meta = guard(req.path, () => checkExtractSchema(opened, req.path));
    progress(0.15, 'check');
    guard(req.path, () => checkIntegrity(opened, req.path, probe.size));
    // The key fits: hash the file in its own thread while the rows are counted here.
    let hashed = 0;
    fingerprint = startFingerprint(req.path, (bytes) => {
      hashed = bytes;
    });
    const share = () => Math.min(1, hashed / Math.max(1, probe.size));
    const tables = guard(req.path, () => countRows(opened, (i, n) => progress(0.2 + 0.4 * ((i / n + share()) / 2), 'count')));
    const hashProgress = setInterval(() => progress(0.6 + 0.35 * share(), 'fingerprint'), 250);
    const fileHash = await fingerprint.result
      .catch(() => {
        throw new AppError('FILE_UNREADABLE', { file: path.basename(req.path) });
      })
      .finally(() => clearInterval(hashProgress));

    progress(0.95, 'workspace');
    workspace = openWorkspace(workspacePath(dataDir, meta.extractId), key);
    const summary = buildSummary({
      filePath: req.path,
      meta,
      fingerprint: fileHash,
      cipher: keyed.cipher,
      tables,
      openMs: Math.round(performance.now() - started),
    });
    progress(1, 'ready');
    return createOpenSession(db, workspace, summary);
  } catch (err) {
    fingerprint?.cancel();
    workspace?.close();
    db?.close();
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
    const mapped = fromSqliteError(err, filePath);
    if (mapped) throw mapped;
    // The key already decrypted page 1, so "not a database" now means a damaged page.
    if (isNotADatabase(err)) throw new AppError('CORRUPT_FILE', { file: path.basename(filePath) });
    throw err;
  }
}
