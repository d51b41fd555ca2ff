import { z } from 'zod';
import { method } from '../method';
import { CohortDefinition } from '../../cohort/cohort-definition';
import { AreaLevel, Vintage } from '../../geo/area-level';
import { MatrixKind } from '../../matrix/matrix-definition';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The matrix view's choices as the analyst left them (mirrors the matrix controls and the tab). */
export const MatrixViewSettings = z
  .object({
    kind: MatrixKind,
    level: AreaLevel,
    vintage: Vintage,
    measure: z.enum(['counts', 'rowPct', 'colPct']),
    followUpMonths: z.number().int().min(1).max(600).nullable(),
    nameLang: z.enum(['nl', 'fr']),
    originDate: IsoDate.nullable(),
    destinationDate: IsoDate.nullable(),
    periodFrom: IsoDate.nullable(),
    periodTo: IsoDate.nullable(),
    tab: z.enum(['table', 'heatmap', 'sankey', 'bar', 'map', 'corridors']),
    /** The control bar folded to one line (more rows of the grid on a small screen). */
    controlsCollapsed: z.boolean().optional(),
  })
  .strict();
export type MatrixViewSettings = z.output<typeof MatrixViewSettings>;

/** Unsaved working state of the open extract: kept in its encrypted workspace so a crash loses nothing. */
export const WorkspaceDraft = z
  .object({
    cohort: CohortDefinition,
    /** The cohort's saved name when it was loaded from a saved cohort and not changed since. */
    cohortName: z.string().max(120).nullable().default(null),
    /** Where the named cohort came from: the library, or a recipe file read but not saved. */
    cohortSource: z.enum(['saved', 'recipe']).nullable().default(null),
    /** The named cohort's definition as loaded or saved: a difference marks the cohort "gewijzigd". */
    cohortBase: CohortDefinition.nullable().default(null),
    matrix: MatrixViewSettings.nullable().default(null),
    /** The analyst dismissed the "restored" notice for this very state: reopening shows it no more. */
    noticeSeen: z.boolean().default(false),
  })
  .strict();
export type WorkspaceDraft = z.output<typeof WorkspaceDraft>;
export type WorkspaceDraftInput = z.input<typeof WorkspaceDraft>;

export const sessionStateMethods = {
  /** Autosave of the working state (overwrites the previous draft). */
  'workspace.saveDraft': method(z.object({ draft: WorkspaceDraft }).strict(), z.object({ savedAt: z.string() })),
  /** The last autosaved working state of this extract, or null when none (or unreadable). */
  'workspace.loadDraft': method(
    z.object({}).strict(),
    z.object({ draft: WorkspaceDraft.nullable(), savedAt: z.string().nullable() }),
  ),
} as const;
