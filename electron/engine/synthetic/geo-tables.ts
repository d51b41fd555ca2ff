import { readRefCsv } from '../geo/refdata';
import { DESTINATIONS, RECEPTION_CENTRES, type RegionCode } from './profile';

/**
 * The municipality tables the generator draws from: the 589 municipalities of 2014 with
 * their region, and the crosswalks that give the code as it would be recorded after the
 * 2019 and 2025 changes.
 */
export interface GeneratorGeo {
  regionOf: Map<string, RegionCode>;
  /** All 2014 codes of a region, for 'OTHER' destinations. */
  municipalitiesOf: Record<RegionCode, string[]>;
  to2019: Map<string, string>;
  to2025: Map<string, string>;
}

let cached: GeneratorGeo | null = null;

export function generatorGeo(): GeneratorGeo {
  if (cached) return cached;
  const regionOf = new Map<string, RegionCode>();
  const municipalitiesOf: Record<RegionCode, string[]> = { VLG: [], BRU: [], WAL: [] };
  for (const row of readRefCsv('municipalities_2014_2018.csv')) {
    const region = row.region_code as RegionCode;
    regionOf.set(row.nis_code, region);
    municipalitiesOf[region].push(row.nis_code);
  }
  const to2019 = new Map(readRefCsv('nis_crosswalk_2014_to_2019.csv').map((r) => [r.nis_2014, r.nis_2019] as const));
  const to2025 = new Map(readRefCsv('nis_crosswalk_2014_to_2025.csv').map((r) => [r.nis_2014, r.nis_2025] as const));
  // The calibration names municipalities by code: check each exists in the region it is listed under.
  for (const table of [RECEPTION_CENTRES, DESTINATIONS]) {
    for (const [region, entries] of Object.entries(table) as [RegionCode, readonly (readonly [string, number])[]][]) {
      for (const [code] of entries) {
        if (code !== 'OTHER' && regionOf.get(code) !== region) throw new Error(`profile: ${code} is not a ${region} municipality of 2014`);
      }
    }
  }
  cached = { regionOf, municipalitiesOf, to2019, to2025 };
  return cached;
}

const DAY_2019 = Math.round(Date.UTC(2019, 0, 1) / 86_400_000);
const DAY_2025 = Math.round(Date.UTC(2025, 0, 1) / 86_400_000);

/** The NIS code as the register records it on `day`: old codes before 2019, new ones after each change. */
export function codeAsRecorded(geo: GeneratorGeo, nis2014: string, day: number): string {
  if (day >= DAY_2025) return geo.to2025.get(nis2014) ?? nis2014;
  if (day >= DAY_2019) return geo.to2019.get(nis2014) ?? nis2014;
  return nis2014;
}
