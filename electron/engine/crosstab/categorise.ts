import { AGE_BANDS, type AgeBand } from '../../../shared/cohort/cohort-definition';
import { SPECIAL_AREA_NAME_EN } from '../../../shared/geo/area-level';
import { type Category, type CodeGroup, type CrosstabVariable } from '../../../shared/crosstab/crosstab-definition';
import { SEXES } from '../../../shared/extract/extract-schema';
import { nationalityLabel } from '../../../shared/format/nationality-name';
import { popcount, type Bitset } from '../cohort/bitset';
import { KBI_CODES, LOC_OFFSET, NT2_CODES, STATUS_CODES, locationOfPerson, type ColumnarIndex } from '../cohort/columnar-index';
import { isoToDay } from '../cohort/day-number';
import { ageBandOf } from '../cohort/filter-bitsets';
import { areaOfLocLookup } from '../cohort/location-lookup';
import { getGeography } from '../geo/geography';
import { OTHER_CATEGORY, UNKNOWN_CATEGORY, areaVariableLabel, fixedCategory, VARIABLE_LABELS } from './category-labels';

/**
 * A variable applied to the cohort: the category of person p is lookup[raw[p] + offset]
 * (a raw column of the index through a small table, so counting is one array read per
 * person and variable), and the categories in display order. Pure over the columnar index.
 */
export interface Categorised {
  raw: ArrayLike<number>;
  offset: number;
  lookup: Int32Array;
  categories: Category[];
  label: { nl: string; en: string };
}

/** The members as a list of person indices: the counting loops run over it without closures. */
export function memberList(members: Bitset, size?: number): Int32Array {
  const out = new Int32Array(size ?? popcount(members));
  let i = 0;
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    while (v !== 0) {
      const t = v & -v;
      out[i++] = (w << 5) + 31 - Math.clz32(t);
      v ^= t;
    }
  }
  return out;
}

/** Category per person (-1 outside the list): where each person counts, for the release ledger. */
export function categoryOf(c: Categorised, list: Int32Array, persons: number): Int32Array {
  const of = new Int32Array(persons).fill(-1);
  const { raw, offset, lookup } = c;
  for (let i = 0; i < list.length; i++) of[list[i]] = lookup[raw[list[i]] + offset];
  return of;
}

const coded = (raw: ArrayLike<number>, lookup: Int32Array, categories: Category[], label: { nl: string; en: string }, offset = 0): Categorised => ({ raw, offset, lookup, categories, label });

const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const yesNo = [fixedCategory('yesNo', 'NO'), fixedCategory('yesNo', 'YES')];
const label = (key: string) => ({ nl: VARIABLE_LABELS[key][0], en: VARIABLE_LABELS[key][1] });

export function categorise(ix: ColumnarIndex, list: Int32Array, v: CrosstabVariable): Categorised {
  switch (v.var) {
    case 'status':
      return coded(ix.status, identity(STATUS_CODES.length), STATUS_CODES.map((c) => fixedCategory('status', c)), label('status'));
    case 'sex':
      return coded(ix.sex, identity(SEXES.length), SEXES.map((c) => fixedCategory('sex', c)), label('sex'));
    case 'kbiTarget':
      ix.loadExtras();
      return coded(ix.kbiTarget, identity(KBI_CODES.length), KBI_CODES.map((c) => fixedCategory('kbiTarget', c)), label('kbiTarget'));
    case 'trajectoryStarted':
      ix.loadExtras();
      return coded(ix.trajectoryStarted, identity(2), yesNo, label('trajectoryStarted'));
    case 'attestationObtained':
      ix.loadExtras();
      return coded(ix.attestationObtained, identity(2), yesNo, label('attestationObtained'));
    case 'nt2Level':
      ix.loadExtras();
      return coded(ix.nt2Level, identity(NT2_CODES.length), NT2_CODES.map((c) => fixedCategory('nt2Level', c)), label('nt2Level'));
    case 'decisionYear':
      return years(list, ix.decisionYear, 'decisionYear');
    case 'applicationYear':
      ix.loadExtras();
      return years(list, ix.applicationYear, 'applicationYear');
    case 'ageBand':
      return ageBands(ix, v.bands);
    case 'nationality':
      return nationalities(ix, list, v.top, v.groups);
    case 'area':
      return areas(ix, list, v);
  }
}

/** Years present in the cohort, ascending; 0 (none) → unknown, last. */
function years(list: Int32Array, raw: Int16Array, key: string): Categorised {
  const seen = new Uint8Array(4096);
  for (let i = 0; i < list.length; i++) seen[raw[list[i]]] = 1;
  const present: number[] = [];
  for (let y = 1; y < 4096; y++) if (seen[y]) present.push(y);
  const lookup = new Int32Array(4096).fill(present.length);
  present.forEach((y, i) => (lookup[y] = i));
  const categories: Category[] = present.map((y) => ({ code: String(y), nl: String(y), en: String(y) }));
  if (seen[0]) categories.push(UNKNOWN_CATEGORY);
  return coded(raw, lookup, categories, label(key));
}

/** Ages -1 (unknown) .. 120 through a table indexed by age + 1. */
function ageBands(ix: ColumnarIndex, bands: { min: number; max: number }[]): Categorised {
  const lookup = new Int32Array(32768 + 1);
  if (bands.length === 0) {
    // Standard bands, then unknown age.
    for (let a = 0; a <= 121; a++) lookup[a + 1] = ageBandOf(a);
    lookup.fill(lookup[122], 123);
    lookup[0] = AGE_BANDS.length;
    return coded(ix.ageAtDecision, lookup, [...AGE_BANDS.map((b: AgeBand) => ({ code: b, nl: b, en: b })), UNKNOWN_CATEGORY], label('ageBand'), 1);
  }
  // Custom bands: the first band that holds the age; no band → other; unknown age → unknown.
  for (let a = 0; a <= 121; a++) {
    const first = bands.findIndex((b) => a >= b.min && a <= b.max);
    lookup[a + 1] = first < 0 ? bands.length : first;
  }
  lookup.fill(lookup[122], 123); // ages above 121 as 121
  lookup[0] = bands.length + 1;
  const categories = bands.map((b) => {
    const text = b.max >= 120 ? `${b.min}+` : `${b.min}-${b.max}`;
    return { code: text, nl: text, en: text };
  });
  return coded(ix.ageAtDecision, lookup, [...categories, OTHER_CATEGORY, UNKNOWN_CATEGORY], label('ageBand'), 1);
}

/** Groups first (in their order), then single nationalities by size (top N or all), then other. */
function nationalities(ix: ColumnarIndex, list: Int32Array, top: number | null, groups: CodeGroup[]): Categorised {
  const K = ix.nationalities.length;
  const groupOf = new Int32Array(K).fill(-1);
  groups.forEach((g, gi) => {
    for (const code of g.codes) {
      const k = ix.nationalities.indexOf(code);
      if (k >= 0 && groupOf[k] < 0) groupOf[k] = gi;
    }
  });
  const counts = new Int32Array(K);
  const nat = ix.nationality;
  for (let i = 0; i < list.length; i++) counts[nat[list[i]]]++;
  const singles = [...Array(K).keys()]
    .filter((k) => groupOf[k] < 0 && counts[k] > 0)
    .sort((a, b) => counts[b] - counts[a] || (ix.nationalities[a] < ix.nationalities[b] ? -1 : 1));
  const kept = top === null ? singles : singles.slice(0, top);
  const hasOther = kept.length < singles.length;
  const lookup = new Int32Array(K).fill(groups.length + kept.length);
  for (let k = 0; k < K; k++) if (groupOf[k] >= 0) lookup[k] = groupOf[k];
  kept.forEach((k, i) => (lookup[k] = groups.length + i));
  const categories: Category[] = [
    ...groups.map((g) => ({ code: `group:${g.label}`, nl: g.label, en: g.label })),
    ...kept.map((k) => {
      const code = ix.nationalities[k];
      return { code, nl: nationalityLabel(code, 'nl'), en: nationalityLabel(code, 'en') };
    }),
  ];
  // Without an "other" category nothing maps to it: every nationality present is kept or grouped.
  if (hasOther) categories.push(OTHER_CATEGORY);
  return coded(ix.nationality, lookup, categories, label('nationality'));
}

/** Area of residence at the decision, on the reference date or on a date; with groups: group or other. */
function areas(ix: ColumnarIndex, list: Int32Array, v: Extract<CrosstabVariable, { var: 'area' }>): Categorised {
  const geo = getGeography();
  const areaList = geo.vintages[v.vintage].areas[v.level];
  const areaOfLoc = areaOfLocLookup(ix, v.vintage, v.level);
  const name = { nl: areaVariableLabel(v.level, v.at, v.date, v.vintage, 'nl'), en: areaVariableLabel(v.level, v.at, v.date, v.vintage, 'en') };
  let areaCat: Int32Array;
  let categories: Category[];
  if (v.groups.length === 0) {
    areaCat = identity(areaList.length);
    categories = areaList.map((a) => {
      const text = a.special ? a.nameNl : `${a.nameNl} (${a.code})`;
      const en = a.special ? UNKNOWN_EN[a.code] ?? a.nameNl : text;
      return { code: a.code, nl: text, en };
    });
  } else {
    const index = new Map(areaList.map((a, i) => [a.code, i]));
    areaCat = new Int32Array(areaList.length).fill(v.groups.length);
    v.groups.forEach((g, gi) => {
      for (const code of g.codes) {
        // Group codes may be of another vintage (e.g. the 2019 centrumsteden): map municipalities.
        const c = index.has(code) ? code : v.level === 'municipality' ? geo.toVintage(code, v.vintage) : null;
        const i = c === null ? undefined : index.get(c);
        if (i !== undefined && areaCat[i] === v.groups.length) areaCat[i] = gi;
      }
    });
    categories = [...v.groups.map((g) => ({ code: `group:${g.label}`, nl: g.label, en: g.label })), OTHER_CATEGORY];
  }
  // One table from location (+ LOC_OFFSET) to category.
  const lookup = Int32Array.from(areaOfLoc, (a) => areaCat[a]);
  let locs: ArrayLike<number> = v.at === 'decision' ? ix.locAtDecision : ix.locAtReference;
  if (v.at === 'date') {
    const day = isoToDay(v.date as string);
    const on = new Int16Array(ix.persons);
    for (let i = 0; i < list.length; i++) on[list[i]] = locationOfPerson(ix, list[i], day);
    locs = on;
  }
  return coded(locs, lookup, categories, name, LOC_OFFSET);
}

const UNKNOWN_EN: Record<string, string> = SPECIAL_AREA_NAME_EN;
