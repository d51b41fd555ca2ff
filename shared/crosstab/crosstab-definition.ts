import { z } from 'zod';
import { AreaLevel, Vintage } from '../geo/area-level';

/**
 * Person-level variables of a cross-tabulation or profile table. Each maps every cohort
 * member to exactly one category, so every table is a partition of the cohort (its cells
 * add up to the cohort size) and joins the release ledger as a table of person counts.
 */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

/** A named group of codes (nationalities, areas): its members count as one category. */
export const CodeGroup = z
  .object({ label: z.string().min(1).max(80), codes: z.array(z.string().min(1).max(16)).min(1).max(1000) })
  .strict();
export type CodeGroup = z.infer<typeof CodeGroup>;

/** An age band of the analyst's choosing, inclusive. */
export const AgeSpan = z
  .object({ min: z.number().int().min(0).max(120), max: z.number().int().min(0).max(120) })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
export type AgeSpan = z.infer<typeof AgeSpan>;

export const SIMPLE_VARIABLES = ['status', 'sex', 'decisionYear', 'applicationYear', 'kbiTarget', 'trajectoryStarted', 'attestationObtained', 'nt2Level'] as const;

export const CrosstabVariable = z.discriminatedUnion('var', [
  z.object({ var: z.enum(SIMPLE_VARIABLES) }).strict(),
  z
    .object({
      var: z.literal('nationality'),
      /** Keep the N largest nationalities of the cohort (after groups); the rest is "other". Null: all. */
      top: z.number().int().min(1).max(300).nullable().default(null),
      groups: z.array(CodeGroup).max(50).default([]),
    })
    .strict(),
  z
    .object({
      var: z.literal('ageBand'),
      /** Custom bands; empty = the standard bands. Ages in no band count as "other". */
      bands: z.array(AgeSpan).max(121).default([]),
    })
    .strict(),
  z
    .object({
      var: z.literal('area'),
      /** Residence at the decision, on the reference date, or on a given date. */
      at: z.enum(['decision', 'reference', 'date']),
      date: IsoDate.nullable().default(null),
      level: AreaLevel,
      vintage: Vintage.default('2019'),
      /** Area groups (e.g. the 13 centrumsteden); areas in no group count as "other". Empty: every area. */
      groups: z.array(CodeGroup).max(50).default([]),
    })
    .strict()
    .refine((v) => v.at !== 'date' || v.date !== null, 'date: required when at = date'),
]);
export type CrosstabVariable = z.output<typeof CrosstabVariable>;
export type CrosstabVariableInput = z.input<typeof CrosstabVariable>;

/** A cross-tab: rows × columns, optionally one table per category of a layer (wafer) variable. */
export const CrosstabDefinition = z
  .object({ rows: CrosstabVariable, cols: CrosstabVariable, layers: CrosstabVariable.nullable().default(null) })
  .strict();
export type CrosstabDefinition = z.output<typeof CrosstabDefinition>;
export type CrosstabDefinitionInput = z.input<typeof CrosstabDefinition>;

/** One category of a variable, with its label in Dutch and English (French falls back to Dutch). */
export const Category = z.object({ code: z.string(), nl: z.string(), en: z.string() });
export type Category = z.infer<typeof Category>;

/** Codes of the special categories a variable may produce. */
export const OTHER_CODE = 'OTHER_GROUP';
export const UNKNOWN_CODE = 'UNKNOWN';

/** The 13 Flemish centrumsteden (2019 codes; mapped to the chosen vintage through the crosswalk). */
export const CENTRUMSTEDEN_2019 = ['41002', '11002', '31005', '71016', '44021', '71022', '34022', '24062', '12025', '35013', '36015', '46021', '13040'] as const;
export const CENTRUMSTEDEN_GROUP: CodeGroup = { label: 'Centrumsteden', codes: [...CENTRUMSTEDEN_2019] };

/** The note's standard profile, as variables: one one-way table each. */
export const PROFILE_TABLES = [
  'status',
  'nationality',
  'sex',
  'ageBand',
  'decisionYear',
  'regionAtDecision',
  'provinceAtDecision',
  'regionAtReference',
  'provinceAtReference',
  'kbiTarget',
  'trajectoryStarted',
  'attestationObtained',
] as const;
export type ProfileTableKey = (typeof PROFILE_TABLES)[number];

export const ProfileOptions = z
  .object({
    /** How many nationalities the nationality table keeps before "other". */
    topNationalities: z.number().int().min(1).max(100).default(10),
    vintage: Vintage.default('2019'),
  })
  .strict();
export type ProfileOptions = z.output<typeof ProfileOptions>;

/** The variable behind a standard profile table. */
export function profileVariable(key: ProfileTableKey, o: ProfileOptions): CrosstabVariable {
  const area = (at: 'decision' | 'reference', level: 'region' | 'province'): CrosstabVariable => ({ var: 'area', at, date: null, level, vintage: o.vintage, groups: [] });
  switch (key) {
    case 'nationality':
      return { var: 'nationality', top: o.topNationalities, groups: [] };
    case 'ageBand':
      return { var: 'ageBand', bands: [] };
    case 'regionAtDecision':
      return area('decision', 'region');
    case 'provinceAtDecision':
      return area('decision', 'province');
    case 'regionAtReference':
      return area('reference', 'region');
    case 'provinceAtReference':
      return area('reference', 'province');
    default:
      return { var: key };
  }
}

/** What a cross-tab or profile release publishes (beside the cohort): the release path's subject. */
export const CrosstabSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('crosstab'), definition: CrosstabDefinition }).strict(),
  z.object({ kind: z.literal('profile'), options: ProfileOptions }).strict(),
]);
export type CrosstabSubject = z.output<typeof CrosstabSubject>;
export type CrosstabSubjectInput = z.input<typeof CrosstabSubject>;
