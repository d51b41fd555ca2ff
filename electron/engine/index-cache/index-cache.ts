import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ColumnarIndex } from '../cohort/columnar-index';
import { indexFromColumns } from '../cohort/columnar-index';
import { personIndexOf } from '../index-build/decode-tables';
import { readIndexCache, writeIndexCache, type CachedIndex } from './index-cache-file';

/**
 * The index cache of one extract: where it lives, its key, reading it into a full
 * columnar index and writing it after a first open. The file sits beside the workspace
 * (same name, .vvi), never beside or inside the extract, which is only ever read.
 */
export const indexCachePath = (workspaceFile: string): string => workspaceFile.replace(/\.vvw$/, '') + '.vvi';

/** The cache key from the workspace; null when none was made yet (then no cache can be read). */
function cacheKey(workspace: Database): Buffer | null {
  return (workspace.prepare('SELECT key FROM index_cache_key WHERE id = 1').pluck().get() as Buffer | undefined) ?? null;
}

/** The cache key, made now when the workspace has none. Taken while the workspace is open; the caller wipes it. */
export function cacheKeyOrCreate(workspace: Database): Buffer {
  const existing = cacheKey(workspace);
  if (existing) return existing;
  workspace.prepare('INSERT OR IGNORE INTO index_cache_key (id, key, created_at) VALUES (1, ?, ?)').run(randomBytes(32), new Date().toISOString());
  return cacheKey(workspace)!;
}

export interface CachedOpen {
  index: ColumnarIndex;
  fingerprint: string;
  tables: { name: string; rows: number }[];
}

/** The index from the cache when it matches this extract's identity; otherwise null (a stale or damaged file is deleted). */
export function openCachedIndex(db: Database, workspace: Database, cacheFile: string, identity: Buffer): { hit: CachedOpen | null; read: 'hit' | 'absent' | 'stale' | 'damaged' } {
  const key = cacheKey(workspace);
  if (!key) return { hit: null, read: 'absent' };
  try {
    const read = readIndexCache(cacheFile, key, identity);
    if ('miss' in read) return { hit: null, read: read.miss };
    const { columns, bitsets, fingerprint, tables } = read.hit;
    return { hit: { index: indexFromColumns(db, columns, personIndexOf(db, columns.persons), bitsets), fingerprint, tables }, read: 'hit' };
  } finally {
    key.fill(0);
  }
}

/** Writes the cache after an open that built the index (the fingerprint is then known); wipes `key` when done. */
export async function saveIndexCache(
  key: Buffer,
  cacheFile: string,
  identity: Buffer,
  cached: CachedIndex,
): Promise<void> {
  try {
    await writeIndexCache(cacheFile, key, identity, cached);
  } finally {
    key.fill(0);
  }
}
