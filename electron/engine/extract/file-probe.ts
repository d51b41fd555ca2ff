import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../core/app-error';
import { withSidecarHold } from './sidecar-files';

/**
 * Looks at the file before any key is tried. To SQLCipher a wrong key and bytes that are
 * no database look alike ("file is not a database"), so the cases that can be told apart
 * without the key are settled here: missing, unreadable, empty, too small, a known other
 * file format, text, or an unencrypted SQLite database. Reads only; never writes.
 */
export interface FileProbe {
  size: number;
  /** A complete SQLCipher file is a whole number of pages (at least 512 bytes each). */
  wholePages: boolean;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const MIN_PAGE = 512;
const SAMPLE = 4096;

/** Magic numbers of formats an analyst might pick by mistake (xlsx/zip, pdf, old Office, gzip, 7z, rar). */
const OTHER_FORMATS: Buffer[] = [
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from('%PDF', 'latin1'),
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.from([0x1f, 0x8b]),
  Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
  Buffer.from('Rar!', 'latin1'),
];

export function probeFile(filePath: string): FileProbe {
  const file = path.basename(filePath);
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('FILE_NOT_FOUND', { file });
    throw new AppError('FILE_UNREADABLE', { file });
  }
  let size: number;
  const head = Buffer.alloc(SAMPLE);
  let got = 0;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new AppError('NOT_A_DATABASE', { file }, { reason: 'directory' });
    size = st.size;
    got = size > 0 ? readSync(fd, head, 0, Math.min(SAMPLE, size), 0) : 0;
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw code === 'EISDIR' ? new AppError('NOT_A_DATABASE', { file }, { reason: 'directory' }) : new AppError('FILE_UNREADABLE', { file });
  } finally {
    closeSync(fd);
  }
  if (size === 0) throw new AppError('NOT_A_DATABASE', { file }, { reason: 'empty' });
  if (size < MIN_PAGE) throw new AppError('NOT_A_DATABASE', { file }, { reason: 'too-small' });
  const sample = head.subarray(0, got);
  if (OTHER_FORMATS.some((magic) => sample.subarray(0, magic.length).equals(magic))) {
    throw new AppError('NOT_A_DATABASE', { file }, { reason: 'other-format' });
  }
  if (sample.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    // Either a plain SQLite file, or SQLCipher with a plaintext header (custom setting).
    if (opensWithoutKey(filePath)) throw new AppError('NOT_ENCRYPTED', { file }, { reason: 'plaintext-sqlite' });
  } else if (looksLikeText(sample)) {
    // Encrypted pages are indistinguishable from random bytes; text is not.
    throw new AppError('NOT_A_DATABASE', { file }, { reason: 'low-entropy' });
  }
  return { size, wholePages: size % MIN_PAGE === 0 };
}

/** A plain SQLite file in WAL mode gets -wal/-shm on open: the hold removes them again. */
function opensWithoutKey(filePath: string): boolean {
  return withSidecarHold(filePath, () => {
    let db: Database.Database | undefined;
    try {
      db = new Database(filePath, { readonly: true, fileMustExist: true, timeout: 500 });
      db.pragma('temp_store=MEMORY');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      return true;
    } catch {
      return false;
    } finally {
      db?.close();
    }
  });
}

/** Shannon entropy in bits per byte. */
export function byteEntropy(buf: Buffer): number {
  const counts = new Array<number>(256).fill(0);
  for (const b of buf) counts[b]++;
  let h = 0;
  for (const n of counts) {
    if (n === 0) continue;
    const p = n / buf.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * Random bytes score close to 8 bits/byte (about 7.95 for 4096 bytes, 7.6 for 512);
 * text, CSV and most documents stay under 6.
 */
const looksLikeText = (sample: Buffer) => byteEntropy(sample) < (sample.length >= 2048 ? 7.0 : 6.5);
