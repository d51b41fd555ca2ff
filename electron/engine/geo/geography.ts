import { SPECIAL_AREAS, type Area, type AreaLevel, type SpecialArea, type Vintage } from '../../../shared/geo/area-level';
import { readRefCsv } from './refdata';
import { municipalityDisplayNames, type NameRow } from './display-names';

/**
 * The municipalities of one vintage with their arrondissement, province and region, and
 * the areas of every level in display order (region VLG, BRU, WAL; then province; then
 * name), followed by the special areas. Brussels-Capital (04000) is its own unit at
 * province level.
 */
export interface VintageGeography {
  vintage: Vintage;
  /** Municipality codes in display order; index = municipality index. */
  municipalityCodes: string[];
  municipalityIndex: Map<string, number>;
  /** Areas per level in display order, special areas last (ABROAD, RADIATED, DECEASED, UNKNOWN). */
  areas: Record<AreaLevel, Area[]>;
  /** municipality index → area index at the level (municipality level: identity). */
  areaOfMunicipality: Record<AreaLevel, Int32Array>;
}

export interface Geography {
  vintages: Record<Vintage, VintageGeography>;
  /**
   * A recorded municipality code in the vintage, or null when it cannot be mapped
   * (unknown code, or a post-2019 merged municipality asked in the 2014 vintage).
   */
  toVintage(code: string, vintage: Vintage): string | null;
}

export const VINTAGES: readonly Vintage[] = ['2014', '2019', '2025'];
const FILES: Record<Vintage, { municipalities: string; arrondissements: string }> = {
  '2014': { municipalities: 'municipalities_2014_2018.csv', arrondissements: 'arrondissements_2014_2018.csv' },
  '2019': { municipalities: 'municipalities_2019_2024.csv', arrondissements: 'arrondissements_2019_2024.csv' },
  '2025': { municipalities: 'municipalities_2025.csv', arrondissements: 'arrondissements_2025.csv' },
};
const CROSSWALKS: { from: Vintage; to: Vintage; file: string }[] = [
  { from: '2014', to: '2019', file: 'nis_crosswalk_2014_to_2019.csv' },
  { from: '2014', to: '2025', file: 'nis_crosswalk_2014_to_2025.csv' },
  { from: '2019', to: '2025', file: 'nis_crosswalk_2019_to_2025.csv' },
];

export const SPECIAL_NAMES: Record<SpecialArea, { nl: string; fr: string }> = {
  ABROAD: { nl: 'Buitenland', fr: 'Étranger' },
  RADIATED: { nl: 'Ambtshalve afgevoerd', fr: "Radié d'office" },
  DECEASED: { nl: 'Overleden', fr: 'Décédé' },
  UNKNOWN: { nl: 'Onbekend', fr: 'Inconnu' },
};

export const specialArea = (code: SpecialArea): Area => ({
  code,
  nameNl: SPECIAL_NAMES[code].nl,
  nameFr: SPECIAL_NAMES[code].fr,
  special: true,
  regionCode: '',
  provinceCode: '',
});

const REGION_ORDER: Record<string, number> = { VLG: 0, BRU: 1, WAL: 2 };
const REGION_CODE_OF: Record<string, string> = { '02000': 'VLG', '03000': 'WAL', '04000': 'BRU' };
const BRUSSELS = '04000';

function compareAreas(a: Area, b: Area): number {
  return (
    (REGION_ORDER[a.regionCode] ?? 9) - (REGION_ORDER[b.regionCode] ?? 9) ||
    a.provinceCode.localeCompare(b.provinceCode) ||
    a.nameNl.localeCompare(b.nameNl, 'nl') ||
    a.code.localeCompare(b.code)
  );
}

function buildVintage(vintage: Vintage, regionNames: Map<string, { nl: string; fr: string }>, provinceNames: Map<string, { nl: string; fr: string }>): VintageGeography {
  const rows = readRefCsv(FILES[vintage].municipalities);
  const arrNames = new Map(readRefCsv(FILES[vintage].arrondissements).map((r) => [r.arrondissement_nis, { nl: r.arrondissement_nl, fr: r.arrondissement_fr }]));
  const names = municipalityDisplayNames(rows as unknown as NameRow[]);
  const munis = rows.map((r) => {
    const regionCode = r.region_code;
    const province = r.province_nis || BRUSSELS;
    return {
      area: { code: r.nis_code, nameNl: names.get(r.nis_code)!.nl, nameFr: names.get(r.nis_code)!.fr, special: false, regionCode, provinceCode: province } satisfies Area,
      arrondissement: r.arrondissement_nis,
      province,
      region: r.region_nis,
    };
  });
  munis.sort((a, b) => compareAreas(a.area, b.area));

  const levelAreas = (key: 'arrondissement' | 'province' | 'region'): Area[] => {
    const seen = new Map<string, Area>();
    for (const m of munis) {
      const code = m[key];
      if (seen.has(code)) continue;
      const names =
        key === 'arrondissement' ? arrNames.get(code) : key === 'province' ? provinceNames.get(code) : regionNames.get(code);
      if (!names) throw new Error(`reference data: no name for ${key} ${code}`);
      seen.set(code, {
        code,
        nameNl: names.nl,
        nameFr: names.fr,
        special: false,
        regionCode: m.area.regionCode,
        provinceCode: key === 'region' ? '' : m.province,
      });
    }
    return [...seen.values()].sort(compareAreas);
  };

  const specials = SPECIAL_AREAS.map(specialArea);
  const areas: Record<AreaLevel, Area[]> = {
    municipality: [...munis.map((m) => m.area), ...specials],
    arrondissement: [...levelAreas('arrondissement'), ...specials],
    province: [...levelAreas('province'), ...specials],
    region: [...levelAreas('region'), ...specials],
  };
  const indexOf = (level: AreaLevel) => new Map(areas[level].map((a, i) => [a.code, i]));
  const arrIdx = indexOf('arrondissement');
  const provIdx = indexOf('province');
  const regIdx = indexOf('region');
  const n = munis.length;
  const areaOfMunicipality: Record<AreaLevel, Int32Array> = {
    municipality: Int32Array.from({ length: n }, (_, i) => i),
    arrondissement: Int32Array.from(munis, (m) => arrIdx.get(m.arrondissement)!),
    province: Int32Array.from(munis, (m) => provIdx.get(m.province)!),
    region: Int32Array.from(munis, (m) => regIdx.get(m.region)!),
  };
  const municipalityCodes = munis.map((m) => m.area.code);
  return { vintage, municipalityCodes, municipalityIndex: new Map(municipalityCodes.map((c, i) => [c, i])), areas, areaOfMunicipality };
}

function loadGeography(): Geography {
  const regionNames = new Map<string, { nl: string; fr: string }>();
  const provinceNames = new Map<string, { nl: string; fr: string }>();
  for (const r of readRefCsv('provinces_regions.csv')) {
    const target = r.level === '1' ? regionNames : provinceNames;
    target.set(r.nis_code, { nl: r.name_nl, fr: r.name_fr });
  }
  // Brussels-Capital at province level carries the region's name.
  if (!provinceNames.has(BRUSSELS) && regionNames.has(BRUSSELS)) provinceNames.set(BRUSSELS, regionNames.get(BRUSSELS)!);
  const vintages = {} as Record<Vintage, VintageGeography>;
  for (const v of VINTAGES) vintages[v] = buildVintage(v, regionNames, provinceNames);

  // Forward crosswalks (many-to-one) and their inverses (used only where one-to-one: recodes).
  const forward = new Map<string, Map<string, string>>();
  const inverse = new Map<string, Map<string, string[]>>();
  for (const cw of CROSSWALKS) {
    const fwd = new Map<string, string>();
    const inv = new Map<string, string[]>();
    for (const r of readRefCsv(cw.file)) {
      const from = r[`nis_${cw.from}`];
      const to = r[`nis_${cw.to}`];
      fwd.set(from, to);
      inv.set(to, [...(inv.get(to) ?? []), from]);
    }
    forward.set(`${cw.from}>${cw.to}`, fwd);
    inverse.set(`${cw.from}>${cw.to}`, inv);
  }

  const memo = new Map<string, string | null>();
  function toVintage(code: string, vintage: Vintage): string | null {
    const key = `${code}@${vintage}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const result = resolve(code, vintage);
    memo.set(key, result);
    return result;
  }
  function resolve(code: string, target: Vintage): string | null {
    if (vintages[target].municipalityIndex.has(code)) return code;
    // An older code: follow the crosswalk forward.
    for (const from of VINTAGES) {
      if (from >= target) break;
      const to = forward.get(`${from}>${target}`)?.get(code);
      if (to) return to;
    }
    // A newer code asked in an older vintage: only a one-to-one recode can be undone.
    for (const from of VINTAGES) {
      if (from <= target || !vintages[from].municipalityIndex.has(code)) continue;
      const sources = inverse.get(`${target}>${from}`)?.get(code);
      return sources && sources.length === 1 ? sources[0] : null;
    }
    return null;
  }
  return { vintages, toVintage };
}

let geography: Geography | null = null;

/** The geography, loaded once from resources/refdata. */
export function getGeography(): Geography {
  geography ??= loadGeography();
  return geography;
}

/** Region code (VLG/BRU/WAL) of a region NIS code. */
export const regionCodeOf = (nis: string): string => REGION_CODE_OF[nis] ?? '';
