import { createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import os, { availableParallelism } from 'node:os';
import path from 'node:path';
import { buildColumnarIndexInParallel, indexFromColumns } from '../../../electron/engine/cohort/columnar-index';
import { personIndexOf } from '../../../electron/engine/index-build/decode-tables';
import { startDirectKeys } from '../../../electron/engine/index-build/direct-read/direct-read';
import { readIndexCache } from '../../../electron/engine/index-cache/index-cache-file';
import { passphraseBytes } from '../../../electron/engine/extract/cipher';
import { checkExtractSchema } from '../../../electron/engine/extract/extract-check';
import { countRows } from '../../../electron/engine/extract/extract-summary';
import { probeFile } from '../../../electron/engine/extract/file-probe';
import { fileFingerprint } from '../../../electron/engine/extract/fingerprint';
import { openWithKey } from '../../../electron/engine/extract/open-extract';
import { extractIdentity } from '../../../electron/engine/index-cache/extract-identity';
import { cacheKeyOrCreate, indexCachePath, openCachedIndex, saveIndexCache } from '../../../electron/engine/index-cache/index-cache';
import { openWorkspace, workspacePath } from '../../../electron/engine/workspace/open-workspace';
import type { BenchContext } from '../bench-context';

/**
 * Where the time of an open goes, each part measured on its own in this process, one after
 * the other (in the real open the fingerprint thread and the read helpers overlap with the
 * rest): key derivation, the page crypto alone (AES-256-CBC + HMAC-SHA512 over the file,
 * as SQLCipher 4 does per page, without SQLite), reading the index (SQLite: decrypt pages,
 * decode rows, on this thread + helpers), decoding the values into the index, the SHA-256
 * fingerprint, the workspace, and the index cache (identity, write, read).
 */
export async function openBreakdown(ctx: BenchContext, file: string, passphrase: string): Promise<void> {
  const r = (figure: string, ms: number, note = '') => ctx.report('open', `breakdown: ${figure}`, ms, undefined, `ms${note}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vv-bench-breakdown-'));
  const key = passphraseBytes(passphrase);
  try {
    let t = performance.now();
    const probe = probeFile(file);
    const { db, cipher } = openWithKey(file, key, { preset: 'auto' }, probe);
    r('key derivation + page 1 (PBKDF2-HMAC-SHA512, 256,000 rounds)', performance.now() - t);
    const meta = checkExtractSchema(db, file);

    r('page crypto alone, one thread (AES-256-CBC + HMAC-SHA512 over the file)', pageCrypto(file), ` (${(probe.size / 2 ** 20).toFixed(0)} MiB)`);

    {
      // The direct page reader (index-build/direct-read/), as the first open uses it.
      const workers = Math.max(1, Math.min(4, availableParallelism()));
      t = performance.now();
      const keys = startDirectKeys(file, key, cipher);
      const derived = await keys.keys;
      const keyMs = performance.now() - t;
      if ('notSupported' in derived) throw new Error(`bench: direct reader not supported (${derived.notSupported})`);
      r('direct reader: key derivation (PBKDF2 on a pool thread, overlaps the open)', keyMs);
      const marks: Record<string, number> = {};
      t = performance.now();
      const built = await buildColumnarIndexInParallel(db, meta.referenceDate, { file, key, cipher, helpers: 0, direct: { keys, workers } }, (_f, stage) => {
        marks[stage] ??= performance.now() - t;
      });
      const total = performance.now() - t;
      if (built.reader.kind !== 'direct') throw new Error(`bench: index read through SQLite (${built.reader.notSupported})`);
      const readMs = marks.persons ?? total;
      r(`index read, direct page reader (${workers} worker threads: read, HMAC, AES, parse)`, readMs, ` (${built.reader.rowsBySqlite} rows by SQLite)`);
      r('index decode into columns + bitsets (direct reader run)', total - readMs);
    }

    for (const helpers of [0, 1]) {
      const marks: Record<string, number> = {};
      t = performance.now();
      const built = await buildColumnarIndexInParallel(db, meta.referenceDate, { file, key, cipher, helpers }, (_f, stage) => {
        marks[stage] ??= performance.now() - t;
      });
      const total = performance.now() - t;
      const readMs = marks.persons ?? total;
      r(`index read, SQLite pages + row decoding (${helpers + 1} thread${helpers ? 's' : ''})`, readMs);
      r(`index decode into columns + bitsets (${helpers + 1} thread${helpers ? 's' : ''} run)`, total - readMs);
      if (helpers === 1) {
        t = performance.now();
        const tables = countRows(db, undefined, built.rows);
        r('row counts of the other tables', performance.now() - t);

        t = performance.now();
        const fingerprint = await fileFingerprint(file);
        r('SHA-256 fingerprint (own thread, alone)', performance.now() - t);

        t = performance.now();
        const wsFile = workspacePath(dataDir, meta.extractId);
        openWorkspace(wsFile, key).close();
        r('workspace, created (key derivation + migrations)', performance.now() - t);
        t = performance.now();
        const ws = openWorkspace(wsFile, key);
        r('workspace, existing (key derivation)', performance.now() - t);

        t = performance.now();
        const identity = extractIdentity(file);
        r('index cache: identity check (stat + 64 sampled blocks)', performance.now() - t);
        const cacheFile = indexCachePath(wsFile);
        t = performance.now();
        await saveIndexCache(cacheKeyOrCreate(ws), cacheFile, identity, { columns: built.index, bitsets: built.index.bitsets, fingerprint, tables });
        r('index cache: encrypt + write (after ready, off the critical path)', performance.now() - t);
        built.index.derived.clear();
        const cacheKey = cacheKeyOrCreate(ws);
        t = performance.now();
        const read = readIndexCache(cacheFile, cacheKey, identity);
        if (!('hit' in read)) throw new Error(`bench: cache ${read.miss}`);
        r('index cache: read + AES-256-GCM decrypt', performance.now() - t, ` (${(statSync(cacheFile).size / 2 ** 20).toFixed(0)} MiB)`);
        t = performance.now();
        indexFromColumns(db, read.hit.columns, personIndexOf(db, read.hit.columns.persons));
        r('index cache: person rowids + filter bitsets built anew (not done: they are cached)', performance.now() - t);
        t = performance.now();
        indexFromColumns(db, read.hit.columns, personIndexOf(db, read.hit.columns.persons), read.hit.bitsets);
        r('index cache: person rowids + filter bitsets from the cache', performance.now() - t);
        t = performance.now();
        const cached = openCachedIndex(db, ws, cacheFile, identity);
        if (!cached.hit) throw new Error(`bench: cache ${cached.read}`);
        r('index cache: all of the above again (as in the open)', performance.now() - t);
        ws.close();
      }
    }
    db.close();
  } finally {
    key.fill(0);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * SQLCipher 4's page crypto without SQLite: AES-256-CBC decryption and HMAC-SHA512 over the
 * whole file, in 8 MiB blocks (bulk throughput; per 4 KiB page SQLCipher adds a little setup).
 */
function pageCrypto(file: string): number {
  const fd = openSync(file, 'r');
  const block = Buffer.allocUnsafe(8 * 2 ** 20);
  const aesKey = randomBytes(32);
  const macKey = randomBytes(64);
  const t = performance.now();
  try {
    let at = 0;
    for (;;) {
      const got = readSync(fd, block, 0, block.length, at);
      if (got <= 0) break;
      at += got;
      const data = block.subarray(0, got - (got % 16));
      createHmac('sha512', macKey).update(data).digest();
      const d = createDecipheriv('aes-256-cbc', aesKey, aesKey.subarray(0, 16));
      d.setAutoPadding(false);
      d.update(data);
    }
  } finally {
    closeSync(fd);
  }
  return performance.now() - t;
}
