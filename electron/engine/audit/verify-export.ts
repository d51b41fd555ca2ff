import type { Database } from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import type { ExportCheck, ExportFinding } from '../../../shared/api/methods/trust';
import type { ExtractSummary } from '../../../shared/api/methods/extract';
import { canonicalJson } from './canonical-json';
import { auditRecordAt, listAudit, sha256Hex, verifyAudit, workspaceIdOf } from './audit-log';
import { readReleasedFile } from './release-proof';

/**
 * The output checker's test of one file against the workspace of the extract it claims to
 * come from: the proof must name this workspace, the entry at its number must be exactly the
 * one the proof hashes (else the release is orphaned: the log was rolled back, truncated or
 * rewritten after it), the chain hash must match, the content must be what the entry
 * recorded, and the log must verify as a whole.
 */
export async function verifyExportFile(ws: Database, summary: ExtractSummary, fileName: string, bytes: Uint8Array): Promise<ExportCheck> {
  const read = await readReleasedFile(bytes);
  const log = verifyAudit(ws);
  const findings: ExportFinding[] = [];
  if (!log.ok) findings.push('log-broken');
  const proof = read.proof;
  if (!proof) {
    findings.push('no-proof');
    return { ok: false, format: read.format, proof: null, findings, record: null, log, renamed: false };
  }
  let record: ExportCheck['record'] = null;
  let renamed = false;
  if (proof.workspaceId !== workspaceIdOf(ws)) findings.push('other-workspace');
  else {
    const at = auditRecordAt(ws, proof.seq);
    if (!at || sha256Hex(at.raw) !== proof.entryHash || sha256Hex(canonicalJson(at.entry)) !== proof.entryHash) findings.push('orphaned');
    else {
      record = { seq: at.seq, createdAt: at.createdAt, entry: at.entry, hash: at.hash };
      if (at.hash !== proof.chainHash) findings.push('chain-differs');
      if (at.entry.sha256 !== read.digest) findings.push('content-differs');
      if (at.entry.extractFingerprint !== summary.fingerprint) findings.push('other-extract');
      if (listAudit(ws, 1_000_000).some((r) => r.entry.status === 'failed' && r.entry.releaseSeq === at.seq)) findings.push('release-failed');
      renamed = at.entry.fileName !== null && at.entry.fileName !== path.basename(fileName);
    }
  }
  return { ok: findings.length === 0, format: read.format, proof, findings, record, log, renamed };
}
