import { z } from 'zod';
import { method } from '../method';
import { CohortDefinition } from '../../cohort/cohort-definition';
import { MatrixDefinition, MatrixResult } from '../../matrix/matrix-definition';
import { AreaLevel, Vintage, Area } from '../../geo/area-level';

const Composition = z.array(z.object({ key: z.string(), persons: z.number().int().nonnegative() }));

/** The municipality (or arrondissement) fiche, as the published notes give one per municipality. */
export const Fiche = z.object({
  area: Area,
  level: AreaLevel,
  vintage: Vintage,
  /** Cohort members living in the area on the reference date. */
  livingThere: z.number().int().nonnegative(),
  /** Where those living there now lived at the decision. */
  originsOfResidents: z.array(z.object({ area: Area, persons: z.number().int().nonnegative() })),
  /** Cohort members whose residence at the decision was the area. */
  decidedThere: z.number().int().nonnegative(),
  /** Where those decided there live on the reference date. */
  destinationsOfDecided: z.array(z.object({ area: Area, persons: z.number().int().nonnegative() })),
  netGain: z.number().int(),
  composition: z.object({
    nationality: Composition,
    ageBand: Composition,
    sex: Composition,
    status: Composition,
    kbiTargetStatus: Composition,
  }),
});
export type Fiche = z.infer<typeof Fiche>;

export const matrixMethods = {
  'matrix.compute': method(
    z.object({ cohort: CohortDefinition, definition: MatrixDefinition }).strict(),
    MatrixResult,
  ),
  'matrix.fiche': method(
    z.object({ cohort: CohortDefinition, level: AreaLevel, vintage: Vintage, areaCode: z.string().min(1).max(16) }).strict(),
    Fiche,
  ),
} as const;
