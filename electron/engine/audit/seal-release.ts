import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntry } from '../../../shared/disclosure/audit-entry';
import type { OutputDocument, TableWriter } from '../export/table-writer';
import { prepareAudit, type PreparedAudit } from './audit-log';
import { writeSealed } from './release-proof';

/**
 * The bytes of a release with its proof, and its prepared audit entry (committed by the
 * caller once the file is staged). `withProof` is false for the clipboard.
 */
export async function sealRelease(
  ws: Database,
  writer: TableWriter,
  doc: OutputDocument,
  entryFor: (contentSha256: string) => AuditEntry,
  withProof: boolean,
): Promise<{ bytes: Uint8Array; digest: string; prepared: PreparedAudit }> {
  let prepared: PreparedAudit | null = null;
  const { bytes, digest } = await writeSealed(writer, doc, (digest) => {
    prepared = prepareAudit(ws, entryFor(digest));
    return withProof ? { workspaceId: prepared.workspaceId, seq: prepared.seq, entryHash: prepared.entryHash, chainHash: prepared.hash, alg: prepared.alg } : null;
  });
  return { bytes, digest, prepared: prepared! };
}
