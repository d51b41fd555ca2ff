import { z } from 'zod';
import { CohortDefinition } from '../cohort/cohort-definition';
import { MatrixDefinition } from '../matrix/matrix-definition';
import { CrosstabDefinition, ProfileOptions } from '../crosstab/crosstab-definition';
import { DisclosurePolicy } from './policy';
import { ReasonCounts } from './protection';
import { CellMeasure } from './percent-table';
import { ChartKind, ChartView } from './chart-kind';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What was exported: a relocation matrix, the fiche of one area, a cross-tab, the cohort profile, a recipe or the data-quality report. */
export const ExportedTable = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matrix'), definition: MatrixDefinition }),
  z.object({ kind: z.literal('fiche'), level: z.string(), vintage: z.string(), areaCode: z.string() }),
  z.object({ kind: z.literal('crosstab'), definition: CrosstabDefinition }),
  z.object({ kind: z.literal('profile'), options: ProfileOptions }),
  /** A cohort recipe file: filters only, no counts (a non-data release). */
  z.object({ kind: z.literal('recipe'), name: z.string() }),
  /** The data-quality report of the whole extract: counts of anomalies, "< T" below the threshold. */
  z.object({ kind: z.literal('quality') }),
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
  output: z.enum(['xlsx', 'csv', 'clipboard', 'svg', 'png', 'recipe']),
  extractId: z.string(),
  extractFingerprint: z.string(),
  /** SHA-256 of the cohort definition as canonical JSON. */
  recipeHash: Sha256,
  cohort: CohortDefinition,
  /** The cohort's name as the analyst knew it ("naamloos" when unnamed); absent in entries made before it was recorded. */
  cohortName: z.string().max(200).optional(),
  /** One-line summary of the cohort definition, in the output language. */
  cohortSummary: z.string().max(2000).optional(),
  table: ExportedTable,
  /** Base name of the file written (null for the clipboard). */
  fileName: z.string().nullable(),
  /** Full path of the file written (absent for the clipboard and in entries older than this field). */
  path: z.string().optional(),
  /** What the cells held: counts, row or column percentages (absent: counts, in older entries). */
  measure: CellMeasure.optional(),
  /** For an image: which chart of the table was drawn. */
  chart: ChartKind.optional(),
  /** For an image: the tab's choices that shaped it (Sankey stayers, map measure and lines). */
  chartView: ChartView.optional(),
  /**
   * SHA-256 of the released content: the clipboard text; a CSV file's bytes before its proof
   * line; an .xlsx file's cell values (every sheet, without the proof row); a recipe's bytes.
   */
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
  /** The workspace the entry was written in (set by the audit log; absent on older entries). */
  workspaceId: z.string().max(64).optional(),
  /** Set when the entry is chained with HMAC-SHA-256 under the site key named by the administrator. */
  chain: z.object({ alg: z.literal('hmac-sha256'), keyId: z.string().regex(/^[0-9a-f]{16}$/) }).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditRecord = z.object({ seq: z.number().int(), createdAt: z.string(), entry: AuditEntry, hash: Sha256 });
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditVerdict = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** Sequence number of the first entry that fails, or null. */
  brokenAt: z.number().int().nullable(),
  problem: z.enum(['altered', 'inserted', 'removed', 'unreadable', 'unkeyed', 'no-site-key']).nullable(),
  /** Entries chained under the site key (HMAC). */
  keyed: z.number().int().nonnegative().optional(),
  workspaceId: z.string().optional(),
});
export type AuditVerdict = z.infer<typeof AuditVerdict>;
