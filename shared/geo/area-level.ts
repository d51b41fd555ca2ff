import { z } from 'zod';

export const AreaLevel = z.enum(['municipality', 'arrondissement', 'province', 'region']);
export type AreaLevel = z.infer<typeof AreaLevel>;

/**
 * Municipality vintages: 2014 = the 589 municipalities of 2014–2018, 2019 = the 581
 * of 2019–2024, 2025 = the 565 from 2025. Codes as recorded are mapped to the chosen
 * vintage through the crosswalks (all mergers are whole-municipality, so many-to-one).
 * A newer code asked in an older vintage maps back only when it was a plain recode
 * (e.g. 58001 La Louvière → 55022 in 2014); a merged municipality (e.g. 12041
 * Puurs-Sint-Amands in 2014, 71072 Hasselt in 2019) cannot be split: such residences
 * count as UNKNOWN and the matrix reports how many persons that concerns (unmappedPersons).
 */
export const Vintage = z.enum(['2014', '2019', '2025']);
export type Vintage = z.infer<typeof Vintage>;

/**
 * Rows and columns that are not areas. They are always kept as their own row or
 * column, never dropped: a person abroad, removed ex officio, deceased, or with no
 * known residence on the date asked.
 */
export const SPECIAL_AREAS = ['ABROAD', 'RADIATED', 'DECEASED', 'UNKNOWN'] as const;
export type SpecialArea = (typeof SPECIAL_AREAS)[number];

/** The special rows in English (the reference data names them in Dutch and French only). */
export const SPECIAL_AREA_NAME_EN: Record<SpecialArea, string> = { ABROAD: 'Abroad', RADIATED: 'Removed ex officio', DECEASED: 'Deceased', UNKNOWN: 'Unknown' };

export const Area = z.object({
  /** NIS code of the area at its level (region 02000/03000/04000, province 10000…, Brussels-Capital 04000 at province level), or a special code. */
  code: z.string().min(1).max(16),
  nameNl: z.string(),
  nameFr: z.string(),
  special: z.boolean(),
  /** For sorting by region then province: VLG, BRU, WAL, or '' for special areas. */
  regionCode: z.string(),
  provinceCode: z.string(),
});
export type Area = z.infer<typeof Area>;
