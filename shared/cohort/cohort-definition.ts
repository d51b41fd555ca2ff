import { z } from 'zod';
import { AreaLevel, Vintage } from '../geo/area-level';
import { CEFR_LEVELS, KBI_TARGET_STATUSES, SEXES } from '../extract/extract-schema';
import { CrosstabDefinition } from '../crosstab/crosstab-definition';

/**
 * A cohort: AND across fields, OR within a field, always counted in distinct persons.
 * An empty list or a null means "no restriction on this field".
 *
 * A person's protection status and decision date come from the first decision that
 * granted protection (REFUGEE or SUBSIDIARY); persons never granted protection have
 * status OTHER and, as decision date, their first decision if any.
 */
export const COHORT_VERSION = 1 as const;

export const ProtectionStatus = z.enum(['REFUGEE', 'SUBSIDIARY', 'OTHER']);
export type ProtectionStatus = z.infer<typeof ProtectionStatus>;

export const AGE_BANDS = ['0-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

export const NT2_REACHED = ['NONE', ...CEFR_LEVELS] as const;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');
const Year = z.number().int().min(1990).max(2100);

export const DateRange = z
  .object({ from: IsoDate.nullable().default(null), to: IsoDate.nullable().default(null) })
  .refine((r) => r.from === null || r.to === null || r.from <= r.to, 'from must not be after to');

export const GeoFilter = z.object({
  level: AreaLevel,
  vintage: Vintage.default('2019'),
  /** Area codes at that level; special codes (ABROAD, UNKNOWN…) allowed for the reference date. */
  codes: z.array(z.string().min(1).max(16)).max(1000),
});
export type GeoFilter = z.infer<typeof GeoFilter>;

export const CohortDefinition = z
  .object({
    version: z.literal(COHORT_VERSION).default(COHORT_VERSION),
    status: z.array(ProtectionStatus).max(3).default([]),
    decisionDate: DateRange.nullable().default(null),
    decisionYears: z.array(Year).max(50).default([]),
    applicationYears: z.array(Year).max(50).default([]),
    nationalities: z.array(z.string().min(2).max(16)).max(300).default([]),
    sexes: z.array(z.enum(SEXES)).max(3).default([]),
    ageBands: z.array(AgeBand).max(AGE_BANDS.length).default([]),
    /** Custom age at decision, inclusive; combined with ageBands by AND. */
    ageRange: z
      .object({ min: z.number().int().min(0).max(120), max: z.number().int().min(0).max(120) })
      .refine((r) => r.min <= r.max, 'min must not exceed max')
      .nullable()
      .default(null),
    geoAtDecision: GeoFilter.nullable().default(null),
    geoAtReference: GeoFilter.nullable().default(null),
    kbiTargetStatus: z.array(z.enum(KBI_TARGET_STATUSES)).max(4).default([]),
    trajectoryStarted: z.boolean().nullable().default(null),
    attestationObtained: z.boolean().nullable().default(null),
    /** Highest NT2 level reached (completed component's CEFR level); NONE = none reached. */
    nt2Reached: z.array(z.enum(NT2_REACHED)).max(NT2_REACHED.length).default([]),
  })
  .strict();
export type CohortDefinition = z.output<typeof CohortDefinition>;
export type CohortDefinitionInput = z.input<typeof CohortDefinition>;

/** Everyone granted protection: the cohort used when no recipe is given. */
export const DEFAULT_COHORT: CohortDefinition = CohortDefinition.parse({ status: ['REFUGEE', 'SUBSIDIARY'] });

/** A cohort recipe file: portable JSON with the fingerprint of the extract it was made on. */
export const CohortRecipe = z
  .object({
    kind: z.literal('verhuisverkenner.cohort'),
    version: z.literal(COHORT_VERSION),
    name: z.string().min(1).max(120),
    definition: CohortDefinition,
    extractId: z.string().max(200),
    extractFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: z.string(),
    /** A cross-tab saved with the cohort, with its custom groups (nationality groups, age bands, area groups). */
    crosstab: CrosstabDefinition.optional(),
  })
  .strict();
export type CohortRecipe = z.output<typeof CohortRecipe>;
