import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';

/**
 * A cheap identity of the extract file, checked before the index cache is trusted: size,
 * modification and change times (nanoseconds), inode, and SHA-256 over sampled blocks (the
 * first block holds SQLCipher's random salt, so a re-encrypted file never matches). The
 * change time (ctime) cannot be set back by copying or touching a file, so content
 * rewritten with the old size and mtime still gives another identity. The full SHA-256 of
 * the file is verified in the background after a cache hit (see open-from-cache.ts).
 * Reads about 256 KiB, whatever the size of the file.
 */
const BLOCK = 4096;
const SAMPLES = 64;

export function extractIdentity(filePath: string): Buffer {
  const fd = openSync(filePath, 'r');
  try {
    const st = fstatSync(fd, { bigint: true });
    const size = Number(st.size);
    const hash = createHash('sha256');
    hash.update(`vv-extract-identity-1|${st.size}|${st.mtimeNs}|${st.ctimeNs}|${st.ino}|`);
    const block = Buffer.alloc(BLOCK);
    const blocks = Math.max(1, Math.ceil(size / BLOCK));
    // The first and last block, and evenly spaced blocks between them.
    const picks = new Set<number>([0, blocks - 1]);
    for (let k = 1; k < SAMPLES - 1; k++) picks.add(Math.floor((k * (blocks - 1)) / (SAMPLES - 1)));
    for (const b of [...picks].sort((x, y) => x - y)) {
      const got = readSync(fd, block, 0, BLOCK, b * BLOCK);
      hash.update(block.subarray(0, got));
    }
    // A WAL-mode extract's committed pages may still sit in its -wal file: a -wal with content
    // is part of the identity (an empty one is what SQLite creates on open, every time anew).
    const wal = statSync(`${filePath}-wal`, { bigint: true, throwIfNoEntry: false });
    if (wal && wal.size > 0n) hash.update(`wal|${wal.size}|${wal.mtimeNs}|`);
    return hash.digest();
  } finally {
    closeSync(fd);
  }
}
