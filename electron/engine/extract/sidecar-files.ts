import { existsSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * An extract another tool left in WAL journal mode gets `<file>-wal` (empty) and
 * `<file>-shm` beside it as soon as SQLite opens it, even read-only, and they stay after
 * the connection closes. Extracts are never modified, so every connection on an extract
 * (this thread's, the probe's, the index helper threads') holds the file here: the first
 * hold notes which of those files were already there, and when the last hold is released
 * the ones that appeared meanwhile are removed again, unless the -wal holds data (then
 * another program is writing, and nothing is touched).
 */
export interface SidecarHold {
  /** Idempotent. Call after the connection that needed the hold has closed. */
  release(): void;
}

interface FileHolds {
  count: number;
  hadWal: boolean;
  hadShm: boolean;
}

const holds = new Map<string, FileHolds>();

export function holdSidecars(filePath: string): SidecarHold {
  const file = path.resolve(filePath);
  let h = holds.get(file);
  if (!h) {
    h = { count: 0, hadWal: existsSync(`${file}-wal`), hadShm: existsSync(`${file}-shm`) };
    holds.set(file, h);
  }
  h.count++;
  const held = h;
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (--held.count > 0) return;
      holds.delete(file);
      removeOurs(file, held);
    },
  };
}

/** Runs `use` with a hold on the file, released when it returns or throws. */
export function withSidecarHold<T>(filePath: string, use: () => T): T {
  const hold = holdSidecars(filePath);
  try {
    return use();
  } finally {
    hold.release();
  }
}

function removeOurs(file: string, h: FileHolds): void {
  const wal = `${file}-wal`;
  // A -wal with content holds another program's uncommitted pages: never touch it or its -shm.
  if (sizeOf(wal) > 0) return;
  if (!h.hadWal) unlinkQuietly(wal);
  if (!h.hadShm) unlinkQuietly(`${file}-shm`);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // not created, or not ours to remove (read-only folder): leave it
  }
}
