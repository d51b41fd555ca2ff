import { z } from 'zod';
import { method } from '../method';
import { AuditRecord, AuditVerdict } from '../../disclosure/audit-entry';

const FilePath = z.string().min(1).max(4096);
/** Replace an existing file: set by the UI only after the user confirmed (the CLI: --overwrite). */
const Overwrite = z.boolean().default(false);

/** What the output checker learns about one file (`audit verify --export`). */
export const EXPORT_FINDINGS = [
  /** The file carries no proof: not released by this app, or edited. */
  'no-proof',
  /** The proof names another workspace (another data folder, machine or a fresh one). */
  'other-workspace',
  /** The log has no entry at the proof's number, or another one: rolled back, truncated or rewritten. */
  'orphaned',
  /** The entry is there but chained differently: history was re-chained after the release. */
  'chain-differs',
  /** The content is not what the entry recorded: the file was edited after release. */
  'content-differs',
  /** The entry belongs to another extract. */
  'other-extract',
  /** The release was recorded as failed (the file should not exist). */
  'release-failed',
  /** The audit log itself does not verify. */
  'log-broken',
] as const;
export const ExportFinding = z.enum(EXPORT_FINDINGS);
export type ExportFinding = z.infer<typeof ExportFinding>;

export const ReleaseProofSchema = z.object({
  workspaceId: z.string(),
  seq: z.number().int().positive(),
  entryHash: z.string(),
  chainHash: z.string(),
  alg: z.enum(['sha256', 'hmac-sha256']),
});

export const ExportCheck = z.object({
  ok: z.boolean(),
  format: z.enum(['xlsx', 'csv', 'unknown']),
  proof: ReleaseProofSchema.nullable(),
  findings: z.array(ExportFinding),
  /** The entry the proof points to, when it is there and matches. */
  record: AuditRecord.nullable(),
  log: AuditVerdict,
  /** True when the file's name differs from the one recorded (renaming is allowed, but shown). */
  renamed: z.boolean(),
});
export type ExportCheck = z.infer<typeof ExportCheck>;

/**
 * The trust boundary's methods: the output checker's verification of a released file against
 * the audit log of the open extract, the checker's report of every release, and recipe files
 * (written by the engine under the write-path rules and recorded as a non-data release).
 */
export const trustMethods = {
  'audit.verifyExport': method(z.object({ path: FilePath }).strict(), ExportCheck),
  'audit.report': method(
    z.object({ path: FilePath, overwrite: Overwrite }).strict(),
    z.object({ fileName: z.string(), entries: z.number().int().nonnegative(), log: AuditVerdict }),
  ),
  'cohort.writeRecipeFile': method(
    z.object({ name: z.string().trim().min(1).max(120), path: FilePath, overwrite: Overwrite }).strict(),
    z.object({ fileName: z.string(), auditSeq: z.number().int().positive() }),
  ),
} as const;
