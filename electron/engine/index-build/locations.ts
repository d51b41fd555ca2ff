/**
 * Locations in the columnar index are small integers: a code id (>= 0, an index into the
 * index's `codes`, the municipality codes as recorded) or one of these special locations.
 */
export const LOC_ABROAD = -1;
export const LOC_RADIATED = -2;
export const LOC_DECEASED = -3;
export const LOC_UNKNOWN = -4;
/** Add to a location to index lookup arrays (specials first). */
export const LOC_OFFSET = 4;
