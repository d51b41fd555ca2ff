import { z } from 'zod';
import { CohortDefinition } from '../cohort/cohort-definition';
import { MatrixDefinition } from '../matrix/matrix-definition';
import { CrosstabDefinition, ProfileOptions } from '../crosstab/crosstab-definition';
import { DisclosurePolicy } from './policy';
import { ReasonCounts } from './protection';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What was exported: a relocation matrix, the fiche of one area, a cross-tab or the cohort profile. */
export const ExportedTable = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matrix'), definition: MatrixDefinition }),
  z.object({ kind: z.literal('fiche'), level: z.string(), vintage: z.string(), areaCode: z.string() }),
  z.object({ kind: z.literal('crosstab'), definition: CrosstabDefinition }),
  z.object({ kind: z.literal('profile'), options: ProfileOptions }),
]);
export type ExportedTable = z.infer<typeof ExportedTable>;

/**
 * One entry of the export audit log. It records how a table was made and what left,
 * never a count of a suppressed cell. Entries are hash-chained in the workspace.
 */
export const AuditEntry = z.object({
  time: z.string(),
  /** OS user name of the analyst. */
  user: z.string(),
  channel: z.enum(['ui', 'cli']),
  output: z.enum(['xlsx', 'csv', 'clipboard']),
  extractId: z.string(),
  extractFingerprint: z.string(),
  /** SHA-256 of the cohort definition as canonical JSON. */
  recipeHash: Sha256,
  cohort: CohortDefinition,
  table: ExportedTable,
  /** Base name of the file written (null for the clipboard). */
  fileName: z.string().nullable(),
  /** SHA-256 of the bytes written (or of the clipboard text). */
  sha256: Sha256,
  policy: DisclosurePolicy,
  counts: z.object({
    tables: z.number().int().nonnegative(),
    cells: z.number().int().nonnegative(),
    protected: ReasonCounts,
  }),
  /** SHA-256 of the published values (as recorded in the release ledger). */
  snapshotSha256: Sha256,
  /** Earlier releases (audit numbers) sharing persons with this one, which it was protected against. */
  protectedAgainst: z.array(z.number().int().positive()).optional(),
  /**
   * Absent on a release (every entry written before this field existed is one). 'failed':
   * the release recorded in entry `releaseSeq` did not complete; no file was left under
   * its name. The rest repeats that entry.
   */
  status: z.literal('failed').optional(),
  releaseSeq: z.number().int().positive().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditRecord = z.object({ seq: z.number().int(), createdAt: z.string(), entry: AuditEntry, hash: Sha256 });
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditVerdict = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** Sequence number of the first entry that fails, or null. */
  brokenAt: z.number().int().nullable(),
  problem: z.enum(['altered', 'inserted', 'removed', 'unreadable']).nullable(),
});
export type AuditVerdict = z.infer<typeof AuditVerdict>;
