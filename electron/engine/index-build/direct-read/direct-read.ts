import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../core/app-error';
import type { ConcreteCipher } from '../../extract/cipher';
import { sqliteCode } from '../../extract/sqlite-errors';
import type { ReadJob } from '../packed-queries';
import { readJobsDirect, type DirectReadResult } from './direct-read-jobs';
import { DirectReadNotSupported } from './not-supported';
import { deriveDirectKeys, type DirectKeys } from './sqlcipher-pages';

/**
 * The one entry to the direct page reader (see direct-read-jobs.ts). startDirectKeys()
 * begins the key derivation early in the open (it overlaps the rest of the open);
 * tryDirectRead() either answers the read jobs exactly as SQLite would, or says why not
 * (the caller then reads through SQLite), or throws CORRUPT_FILE for a damaged page. The
 * derived keys are wiped when the read is done or not needed.
 */
export interface PendingDirectKeys {
  /** Settles with the keys, or the reason the file is not read directly (never rejects). */
  keys: Promise<DirectKeys | { notSupported: string }>;
  /** Wipes the keys once derived (for opens that do not build the index). */
  discard(): void;
}

export function startDirectKeys(file: string, passphrase: Buffer, cipher: ConcreteCipher): PendingDirectKeys {
  let started: Promise<DirectKeys>;
  try {
    started = deriveDirectKeys(file, passphrase, cipher);
  } catch (err) {
    started = Promise.reject(err);
  }
  const keys = started.catch((err: unknown) => ({ notSupported: err instanceof DirectReadNotSupported ? err.reason : 'key derivation' }));
  return { keys, discard: () => void keys.then(wipeKeys) };
}

export type DirectReadOutcome = DirectReadResult | { notSupported: string };

export async function tryDirectRead(
  db: Database,
  file: string,
  pending: PendingDirectKeys,
  jobs: ReadJob[],
  workers: number,
  onProgress?: (done: number, total: number) => void,
  whileReading?: () => void,
  split: 'jobs' | 'runs' = 'jobs',
): Promise<DirectReadOutcome> {
  const keys = await pending.keys;
  if ('notSupported' in keys) return keys;
  // whileReading runs at most once: here, or by the caller's SQLite path after a "not supported".
  try {
    return await readJobsDirect(db, file, keys, jobs, workers, onProgress, whileReading, split);
  } catch (err) {
    if (err instanceof DirectReadNotSupported) return { notSupported: err.reason };
    // CORRUPT_FILE, and SQLite's own errors from the rows it computed, end the open as before.
    if (err instanceof AppError || sqliteCode(err) !== '') throw err;
    return { notSupported: 'internal' };
  } finally {
    wipeKeys(keys);
  }
}

function wipeKeys(keys: DirectKeys | { notSupported: string }): void {
  if ('key' in keys) {
    keys.key.fill(0);
    keys.hmacKey.fill(0);
  }
}
