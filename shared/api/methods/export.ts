import { z } from 'zod';
import { method } from '../method';
import { CohortDefinition } from '../../cohort/cohort-definition';
import { MatrixDefinition } from '../../matrix/matrix-definition';
import { AreaLevel, Vintage } from '../../geo/area-level';
import { ActivePolicy, UserPolicy } from '../../disclosure/policy';
import { ProtectedCounts, ReasonCounts } from '../../disclosure/protection';
import { AuditRecord, AuditVerdict } from '../../disclosure/audit-entry';
import { CellMeasure } from '../../disclosure/percent-table';
import { ChartView, ImageFormat, MatrixChartKind } from '../../disclosure/chart-kind';

const FilePath = z.string().min(1).max(4096);
/** Area names in outputs: Dutch or French; labels in Dutch, French or English. */
const OutputLanguage = z.enum(['nl', 'fr', 'en']).default('nl');
const FileFormat = z.enum(['xlsx', 'csv']);
/** Replace an existing file: set by the UI only after the user confirmed (the CLI: --overwrite). */
const Overwrite = z.boolean().default(false);
/** The working cohort's name as shown ("Naam (gewijzigd)"); recorded in the Metadata sheet and the audit log. */
const CohortName = z.string().trim().max(200).nullable().optional();

const Exported = z.object({
  fileName: z.string().nullable(),
  sha256: z.string(),
  auditSeq: z.number().int().positive(),
  counts: ReasonCounts,
});

/**
 * Disclosure control, export and the export audit log. Every output (file, clipboard,
 * CLI) goes through the engine's one release path: policy, disclosure control,
 * protection against the release ledger, writer, audit entry.
 */
export const exportMethods = {
  /** The policy in force (defaults, administrator's file, user's choices) for display. */
  'disclosure.policy': method(z.object({}).strict(), ActivePolicy),
  /** The user's own tightening, kept in the workspace of the open extract. */
  'disclosure.setUserPolicy': method(z.object({ user: UserPolicy }).strict(), ActivePolicy),
  /** The matrix after disclosure control, as every output would carry it: the UI marks the protected cells. */
  'disclosure.preview': method(z.object({ cohort: CohortDefinition, definition: MatrixDefinition }).strict(), ProtectedCounts),
  'export.matrix': method(
    z
      .object({
        cohort: CohortDefinition,
        cohortName: CohortName,
        definition: MatrixDefinition,
        format: FileFormat,
        path: FilePath,
        overwrite: Overwrite,
        language: OutputLanguage,
        /** The measure on screen: counts, or percentages computed from the published values. */
        measure: CellMeasure.default('counts'),
        /** Recorded in the audit log: the UI, or the CLI's matrix command. */
        channel: z.enum(['ui', 'cli']).default('ui'),
      })
      .strict(),
    Exported,
  ),
  'export.fiche': method(
    z
      .object({ cohort: CohortDefinition, cohortName: CohortName, level: AreaLevel, vintage: Vintage, areaCode: z.string().min(1).max(16), format: FileFormat, path: FilePath, overwrite: Overwrite, language: OutputLanguage })
      .strict(),
    Exported,
  ),
  /** The protected matrix as tab-separated text; the host puts it on the clipboard. */
  'export.clipboard': method(
    z.object({ cohort: CohortDefinition, cohortName: CohortName, definition: MatrixDefinition, language: OutputLanguage, measure: CellMeasure.default('counts') }).strict(),
    Exported.extend({ text: z.string() }),
  ),
  /**
   * A chart of the protected matrix as an image (SVG, or PNG rasterised from that SVG), drawn
   * in the engine from the protected table: the renderer hands over no picture, only the choice.
   */
  'export.chart': method(
    z.object({ cohort: CohortDefinition, cohortName: CohortName, definition: MatrixDefinition, chart: MatrixChartKind, view: ChartView.optional(), format: ImageFormat, path: FilePath, overwrite: Overwrite, language: OutputLanguage }).strict(),
    Exported,
  ),
  'audit.list': method(z.object({ limit: z.number().int().min(1).max(5000).default(500) }).strict(), z.object({ records: z.array(AuditRecord) })),
  'audit.verify': method(z.object({}).strict(), AuditVerdict),
} as const;
