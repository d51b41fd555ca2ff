import type { Area } from '../../../../shared/geo/area-level';
import { SPECIAL_AREAS, SPECIAL_AREA_NAME_EN } from '../../../../shared/geo/area-level';
import type { UiLanguage } from '../../../../shared/api/localized';

/** Flanders, Brussels, Wallonia: the order of the Flemish monitoring reports. */
const REGION_RANK: Record<string, number> = { VLG: 0, BRU: 1, WAL: 2 };

/** Which name to show for an area: the analyst picks NL or FR (Brussels and Walloon areas have both). */
export type NameLanguage = 'nl' | 'fr';

/** Abroad, removed, deceased, unknown are not places: in the English UI they read in English. */
const SPECIAL_NAME_EN: Record<string, string> = SPECIAL_AREA_NAME_EN;

export const areaName = (area: Area, nameLang: NameLanguage, uiLang: UiLanguage = 'nl'): string =>
  (uiLang === 'en' && area.special ? SPECIAL_NAME_EN[area.code] : undefined) ||
  (nameLang === 'fr' ? area.nameFr : area.nameNl) ||
  area.nameNl ||
  area.code;

function rankOf(area: Area): [number, string, string] {
  if (area.special) {
    const i = SPECIAL_AREAS.indexOf(area.code as (typeof SPECIAL_AREAS)[number]);
    return [10 + (i < 0 ? SPECIAL_AREAS.length : i), '', area.code];
  }
  return [REGION_RANK[area.regionCode] ?? 3, area.provinceCode, area.nameNl];
}

/**
 * The order of areas on heatmap and Sankey axes, the same as the table's (the engine's):
 * region, then province, then the Dutch name alphabetically; special rows and columns
 * (abroad, removed, deceased, unknown) last. Returns indices into `areas`; stable for equal keys.
 */
export function regionProvinceOrder(areas: readonly Area[]): number[] {
  const keys = areas.map(rankOf);
  return areas
    .map((_, i) => i)
    .sort((a, b) => {
      const [ra, pa, ca] = keys[a];
      const [rb, pb, cb] = keys[b];
      if (ra !== rb) return ra - rb;
      if (pa !== pb) return pa < pb ? -1 : 1;
      return ca.localeCompare(cb, 'nl') || (areas[a].code < areas[b].code ? -1 : areas[a].code > areas[b].code ? 1 : 0) || a - b;
    });
}
