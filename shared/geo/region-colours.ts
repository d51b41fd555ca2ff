/** One colour per region, the same on screen and in exported images (the Sankey's nodes and bands). */
export const REGION_COLOR: Record<string, string> = { VLG: '#e0b000', BRU: '#2a6fbb', WAL: '#c8372d' };
/** Abroad, removed ex officio, deceased, unknown. */
export const SPECIAL_COLOR = '#8a8f98';

export const regionColour = (area: { special: boolean; regionCode?: string | null }): string =>
  area.special ? SPECIAL_COLOR : (REGION_COLOR[area.regionCode ?? ''] ?? SPECIAL_COLOR);
