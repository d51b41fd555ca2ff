import type { AreaLevel, Vintage } from '../../../shared/geo/area-level';
import { getGeography } from '../geo/geography';
import { LOC_OFFSET, LOC_UNKNOWN, type ColumnarIndex } from './columnar-index';

/**
 * Lookup arrays from a location (code as recorded or special) to the municipality of a
 * vintage and to the area of a level. Codes that cannot be mapped to the vintage (unknown
 * codes; merged post-2019 municipalities asked in the 2014 vintage) become UNKNOWN and
 * are flagged in `unmapped` so results can say how many persons that concerns.
 */
export interface VintageLookup {
  /** [loc + LOC_OFFSET] → municipality index in the vintage, or a special location (< 0). */
  muniOfLoc: Int32Array;
  /** [loc + LOC_OFFSET] → 1 when the recorded code has no municipality in the vintage. */
  unmapped: Uint8Array;
  municipalities: number;
}

export function vintageLookup(ix: ColumnarIndex, vintage: Vintage): VintageLookup {
  const key = `lookup:${vintage}`;
  const hit = ix.derived.get(key) as VintageLookup | undefined;
  if (hit) return hit;
  const geo = getGeography();
  const vg = geo.vintages[vintage];
  const muniOfLoc = new Int32Array(ix.codes.length + LOC_OFFSET);
  const unmapped = new Uint8Array(ix.codes.length + LOC_OFFSET);
  for (let s = 0; s < LOC_OFFSET; s++) muniOfLoc[s] = s - LOC_OFFSET;
  ix.codes.forEach((code, c) => {
    const mapped = geo.toVintage(code, vintage);
    const m = mapped === null ? undefined : vg.municipalityIndex.get(mapped);
    if (m === undefined) {
      muniOfLoc[c + LOC_OFFSET] = LOC_UNKNOWN;
      unmapped[c + LOC_OFFSET] = 1;
    } else muniOfLoc[c + LOC_OFFSET] = m;
  });
  const lookup = { muniOfLoc, unmapped, municipalities: vg.municipalityCodes.length };
  ix.derived.set(key, lookup);
  return lookup;
}

/**
 * [muni + LOC_OFFSET] → area index at the level (municipality index or special
 * location as produced by muniOfLoc). Special locations go to the special areas, which
 * close every area list in SPECIAL_AREAS order (ABROAD, RADIATED, DECEASED, UNKNOWN).
 */
export function areaOfMuniLookup(vintage: Vintage, level: AreaLevel): Int32Array {
  const vg = getGeography().vintages[vintage];
  const nAreas = vg.areas[level].length;
  const per = vg.areaOfMunicipality[level];
  const out = new Int32Array(per.length + LOC_OFFSET);
  // loc -1 ABROAD → nAreas-4, -2 RADIATED → nAreas-3, -3 DECEASED → nAreas-2, -4 UNKNOWN → nAreas-1
  for (let s = 0; s < LOC_OFFSET; s++) out[s] = nAreas - 4 + (LOC_OFFSET - 1 - s);
  out.set(per, LOC_OFFSET);
  return out;
}

/** [loc + LOC_OFFSET] → area index at the level in the vintage. */
export function areaOfLocLookup(ix: ColumnarIndex, vintage: Vintage, level: AreaLevel): Int32Array {
  const key = `area:${vintage}:${level}`;
  const hit = ix.derived.get(key) as Int32Array | undefined;
  if (hit) return hit;
  const { muniOfLoc } = vintageLookup(ix, vintage);
  const areaOfMuni = areaOfMuniLookup(vintage, level);
  const out = Int32Array.from(muniOfLoc, (m) => areaOfMuni[m + LOC_OFFSET]);
  ix.derived.set(key, out);
  return out;
}
