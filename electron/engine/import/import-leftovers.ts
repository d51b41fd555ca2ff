import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';

/**
 * An import writes an encrypted temp file `.<target>.<pid>-<ms>.importing` beside its target.
 * A `kill -9` leaves it behind. Each import notes its temp file in the data folder; at the next
 * start the engine removes what is left — only files with our name pattern, of a process that is
 * gone, that are not a plaintext SQLite file and whose size is whole pages (or zero).
 */
const FILE = 'pending-imports.json';
export const IMPORTING_NAME = /^\..+\.(\d+)-(\d+)\.importing$/;
const SQLITE_PLAIN = Buffer.from('SQLite format 3\0', 'latin1');

const listFile = (dataDir: string) => path.join(dataDir, FILE);

function readList(dataDir: string): string[] {
  try {
    const v = JSON.parse(readFileSync(listFile(dataDir), 'utf8')) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function writeList(dataDir: string, list: string[]): void {
  try {
    if (list.length === 0) {
      rmSync(listFile(dataDir), { force: true });
      return;
    }
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const temp = `${listFile(dataDir)}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(list), { mode: 0o600 });
    renameSync(temp, listFile(dataDir));
  } catch {
    // best effort: a read-only data folder must not stop an import
  }
}

export function notePendingImport(dataDir: string, temp: string): void {
  writeList(dataDir, [...new Set([...readList(dataDir), temp])]);
}

export function clearPendingImport(dataDir: string, temp: string): void {
  const list = readList(dataDir);
  if (list.includes(temp)) writeList(dataDir, list.filter((p) => p !== temp));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Is this one of our leftovers? Name, a process that is gone, not plaintext, whole pages. */
export function isImportLeftover(file: string): boolean {
  const m = IMPORTING_NAME.exec(path.basename(file));
  if (!m || alive(Number(m[1]))) return false;
  try {
    const st = lstatSync(file);
    if (!st.isFile()) return false;
    if (st.size === 0) return true;
    if (st.size % 512 !== 0) return false;
    const head = Buffer.alloc(16);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    return !head.equals(SQLITE_PLAIN);
  } catch {
    return false;
  }
}

/** Removes the leftovers of interrupted imports noted in the data folder (and their siblings in those folders). Returns how many. */
export function cleanImportLeftovers(dataDir: string): number {
  const noted = readList(dataDir);
  if (noted.length === 0) return 0;
  let removed = 0;
  const folders = new Set(noted.map((p) => path.dirname(p)));
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(folder, name);
      if (!isImportLeftover(file)) continue;
      try {
        rmSync(file);
        removed++;
      } catch {
        // not ours to force
      }
    }
  }
  // Keep only notes of imports still running.
  writeList(dataDir, noted.filter((p) => {
    const m = IMPORTING_NAME.exec(path.basename(p));
    return m !== null && alive(Number(m[1]));
  }));
  return removed;
}
