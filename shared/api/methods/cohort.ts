import { z } from 'zod';
import { method } from '../method';
import { CohortDefinition, CohortRecipe } from '../../cohort/cohort-definition';
import { Area, AreaLevel, Vintage } from '../../geo/area-level';

const CohortName = z.string().trim().min(1).max(120);

export const SavedCohort = z.object({
  name: z.string(),
  definition: CohortDefinition,
  updatedAt: z.string(),
});

export const cohortMethods = {
  /** Live person count for the cohort builder (distinct persons). */
  'cohort.count': method(
    z.object({ definition: CohortDefinition }).strict(),
    z.object({ persons: z.number().int().nonnegative(), computeMs: z.number().nonnegative() }),
  ),
  /** The values present in the extract for the builder's pick lists (no counts: they would bypass disclosure control). */
  'cohort.options': method(
    z.object({}).strict(),
    z.object({
      nationalities: z.array(z.string()),
      decisionYears: z.array(z.number().int()),
      applicationYears: z.array(z.number().int()),
    }),
  ),
  'cohort.list': method(z.object({}).strict(), z.object({ cohorts: z.array(SavedCohort) })),
  'cohort.save': method(
    z.object({ name: CohortName, definition: CohortDefinition, overwrite: z.boolean().default(false) }).strict(),
    SavedCohort,
  ),
  'cohort.rename': method(z.object({ from: CohortName, to: CohortName }).strict(), SavedCohort),
  'cohort.delete': method(z.object({ name: CohortName }).strict(), z.object({ deleted: z.boolean() })),
  /** A recipe as JSON text, carrying the open extract's fingerprint. */
  'cohort.exportRecipe': method(
    z.object({ name: CohortName }).strict(),
    z.object({ recipe: CohortRecipe, json: z.string() }),
  ),
  /** Reads a recipe; says when it was made on another extract. */
  'cohort.importRecipe': method(
    z.object({ json: z.string().min(2).max(1_000_000), saveAs: CohortName.optional() }).strict(),
    z.object({ recipe: CohortRecipe, sameExtract: z.boolean(), saved: SavedCohort.nullable() }),
  ),
  /** Areas of a level in a vintage, sorted by region then province then name (for filters, axes, maps). */
  'geo.areas': method(
    z.object({ level: AreaLevel, vintage: Vintage }).strict(),
    z.object({ areas: z.array(Area) }),
  ),
} as const;
