import { z } from 'zod';
import { method } from '../method';
import { CohortDefinition } from '../../cohort/cohort-definition';
import { Category, CrosstabDefinition, CrosstabSubject, PROFILE_TABLES, ProfileOptions } from '../../crosstab/crosstab-definition';
import { ProtectedCounts, ReasonCounts } from '../../disclosure/protection';
import { ImageFormat } from '../../disclosure/chart-kind';

const Label = z.object({ nl: z.string(), en: z.string() });
const Count = z.number().int().nonnegative();

/** One table of person counts as the screen shows it (inside the secure room, before disclosure control). */
export const CountsView = z.object({
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  counts: z.array(Count),
  rowTotals: z.array(Count),
  colTotals: z.array(Count),
  total: Count,
});
export type CountsView = z.infer<typeof CountsView>;

export const CrosstabResult = z.object({
  rowCategories: z.array(Category),
  colCategories: z.array(Category),
  layers: z.array(z.object({ category: Category.nullable(), table: CountsView })),
  labels: z.object({ rows: Label, cols: Label, layers: Label.nullable() }),
  cohortSize: Count,
  ms: z.number().nonnegative(),
});
export type CrosstabResult = z.infer<typeof CrosstabResult>;

export const ProfileResult = z.object({
  cohortSize: Count,
  tables: z.array(z.object({ key: z.enum(PROFILE_TABLES), label: Label, categories: z.array(Category), counts: z.array(Count) })),
  ms: z.number().nonnegative(),
});
export type ProfileResult = z.infer<typeof ProfileResult>;

const FilePath = z.string().min(1).max(4096);
const OutputLanguage = z.enum(['nl', 'fr', 'en']).default('nl');
const Exported = z.object({ fileName: z.string().nullable(), sha256: z.string(), auditSeq: z.number().int().positive(), counts: ReasonCounts });

/**
 * The cohort profile and cross-tabulations. Counts for the screen come from `compute` and
 * `profile`; what would leave (protected, one table per layer or per profile variable) from
 * `preview`; files and the clipboard only through the one release path (`export.*`).
 */
export const crosstabMethods = {
  /** The cross-tab kept with a saved cohort (its recipe file carries it); null: none. */
  'crosstab.saved': method(z.object({ cohortName: z.string().trim().min(1).max(120) }).strict(), z.object({ definition: CrosstabDefinition.nullable() })),
  'crosstab.saveWithCohort': method(z.object({ cohortName: z.string().trim().min(1).max(120), definition: CrosstabDefinition }).strict(), z.object({ saved: z.boolean() })),
  'crosstab.compute': method(z.object({ cohort: CohortDefinition, definition: CrosstabDefinition }).strict(), CrosstabResult),
  'crosstab.profile': method(z.object({ cohort: CohortDefinition, options: ProfileOptions.default({ topNationalities: 10, vintage: '2019' }) }).strict(), ProfileResult),
  /** The tables after disclosure control, as every output would carry them: the UI marks the protected cells. */
  'crosstab.preview': method(z.object({ cohort: CohortDefinition, subject: CrosstabSubject }).strict(), z.object({ tables: z.array(ProtectedCounts) })),
  'export.crosstab': method(
    z
      .object({
        cohort: CohortDefinition,
        subject: CrosstabSubject,
        format: z.enum(['xlsx', 'csv']),
        path: FilePath,
        /** Replace an existing file: set by the UI only after the user confirmed (the CLI: --overwrite). */
        overwrite: z.boolean().default(false),
        language: OutputLanguage,
        channel: z.enum(['ui', 'cli']).default('ui'),
      })
      .strict(),
    Exported,
  ),
  /**
   * The profile as bar charts in an image (SVG, or PNG rasterised from it), drawn in the engine
   * from the protected tables through the one release path (audit entry, ledger).
   */
  'export.profileChart': method(
    z.object({ cohort: CohortDefinition, options: ProfileOptions, format: ImageFormat, path: FilePath, overwrite: z.boolean().default(false), language: OutputLanguage }).strict(),
    Exported,
  ),
  'export.crosstabClipboard': method(
    z.object({ cohort: CohortDefinition, subject: CrosstabSubject, language: OutputLanguage }).strict(),
    Exported.extend({ text: z.string() }),
  ),
} as const;
