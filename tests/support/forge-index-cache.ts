import { sessionIndex } from '../../electron/engine/cohort/session-index';
import { openExtractSession } from '../../electron/engine/extract/open-extract-session';
import { extractIdentity } from '../../electron/engine/index-cache/extract-identity';
import { cacheKeyOrCreate, indexCachePath, saveIndexCache } from '../../electron/engine/index-cache/index-cache';
import { openWorkspace, workspacePath } from '../../electron/engine/workspace/open-workspace';
import type { MadeExtract } from './make-extract';

type Index = ReturnType<typeof sessionIndex>;

/**
 * Writes an index cache in `dataDir` that passes the extract's identity check but claims
 * `fingerprint` (the test plays a file changed behind the cache's back). Columns and table
 * counts are the extract's own, read by a fresh open, unless `given`.
 */
export async function forgeIndexCache(
  dataDir: string,
  x: MadeExtract,
  fingerprint: string,
  given?: { columns: Index; tables: { name: string; rows: number }[] },
): Promise<void> {
  let content = given;
  if (!content) {
    const session = await openExtractSession({ path: x.path, passphrase: x.passphrase, cipher: { preset: 'auto' } }, dataDir, () => {});
    content = { columns: sessionIndex(session), tables: session.summary.tables };
    await session.background;
    session.close();
  }
  const workspaceFile = workspacePath(dataDir, x.meta.extract_id);
  const ws = openWorkspace(workspaceFile, Buffer.from(x.passphrase, 'utf8'));
  const key = cacheKeyOrCreate(ws);
  ws.close();
  await saveIndexCache(key, indexCachePath(workspaceFile), extractIdentity(x.path), { columns: content.columns, bitsets: content.columns.bitsets, fingerprint, tables: content.tables });
}
