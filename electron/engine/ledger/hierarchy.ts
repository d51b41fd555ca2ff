import type { AreaLevel, Vintage } from '../../../shared/geo/area-level';

export type { AreaLevel, Vintage };

/** Every area of a level lies within one area of each later level (in one vintage). */
export const AREA_LEVELS_FINE_TO_COARSE: readonly AreaLevel[] = ['municipality', 'arrondissement', 'province', 'region'];

/** Where a released matrix sits in the area hierarchy; null for tables that are not area × area. */
export type Hierarchy = { vintage: Vintage; level: AreaLevel } | null;
