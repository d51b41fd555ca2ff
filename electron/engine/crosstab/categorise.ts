import { AGE_BANDS, type AgeBand } from '../../../shared/cohort/cohort-definition';
import { SPECIAL_AREA_NAME_EN } from '../../../shared/geo/area-level';
import { type Category, type CodeGroup, type CrosstabVariable } from '../../../shared/crosstab/crosstab-definition';
import { SEXES } from '../../../shared/extract/extract-schema';
import { nationalityLabel } from '../../../shared/format/nationality-name';
import { forEachBit, popcount, type Bitset } from '../cohort/bitset';
import { KBI_CODES, LOC_OFFSET, NT2_CODES, STATUS_CODES, locationOfPerson, type ColumnarIndex } from '../cohort/columnar-index';
import { isoToDay } from '../cohort/day-number';
import { ageBandOf } from '../cohort/filter-bitsets';
import { areaOfLocLookup } from '../cohort/location-lookup';
import { getGeography } from '../geo/geography';
import { OTHER_CATEGORY, UNKNOWN_CATEGORY, areaVariableLabel, fixedCategory, VARIABLE_LABELS } from './category-labels';
import { countOneWay } from './count-cells';
import { codesOfAll, codesOfMembers, keptCodes, type PersonCodes } from './person-codes';

/**
 * A variable applied to the cohort: the category of every member as a code per person
 * (person-codes.ts), and the categories in display order. Pure over the columnar index.
 */
export interface Categorised {
  /** Category of person p (valid at least for the members); made on first call where it depends on the cohort. */
  codes: () => PersonCodes;
  /** Members per category when finding the categories counted them already (years, nationalities); else null. */
  counts: Int32Array | null;
  categories: Category[];
  label: { nl: string; en: string };
}

/** The members as a list of person indices (the release path: who counts where). */
export function memberList(members: Bitset, size?: number): Int32Array {
  const out = new Int32Array(size ?? popcount(members));
  let i = 0;
  for (let w = 0; w < members.length; w++) {
    let v = members[w] | 0;
    while (v !== 0) {
      const t = v & ((0 - v) | 0);
      out[i++] = (w << 5) + 31 - Math.clz32(t);
      v = (v ^ t) | 0;
    }
  }
  return out;
}

/** Category per person (-1 outside the list): where each person counts, for the release ledger. */
export function categoryOf(c: Categorised, list: Int32Array, persons: number): Int32Array {
  const of = new Int32Array(persons).fill(-1);
  const codes = c.codes();
  for (let i = 0; i < list.length; i++) of[list[i]] = codes[list[i]];
  return of;
}

const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Made on first call, then the same array. */
function once(make: () => PersonCodes): () => PersonCodes {
  let codes: PersonCodes | null = null;
  return () => (codes ??= make());
}

/** Members per category from members per raw value (a one-way table needs no pass over the members). */
function categoryCounts(rawCounts: Int32Array, lookup: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  for (let x = 0; x < rawCounts.length; x++) if (rawCounts[x] !== 0) out[lookup[x]] += rawCounts[x];
  return out;
}
const yesNo = [fixedCategory('yesNo', 'NO'), fixedCategory('yesNo', 'YES')];
const label = (key: string) => ({ nl: VARIABLE_LABELS[key][0], en: VARIABLE_LABELS[key][1] });

/** The variable over the cohort `members` (which only the data-driven categories depend on: years, top nationalities). */
export function categorise(ix: ColumnarIndex, members: Bitset, v: CrosstabVariable): Categorised {
  // Fixed categories: the column itself is the code, kept with the index as Int16.
  const fixed = (column: Uint8Array, categories: Category[], key: string): Categorised => ({
    codes: () => keptCodes(ix, key, () => codesOfAll(column, 0, identity(categories.length))),
    counts: null,
    categories,
    label: label(key),
  });
  switch (v.var) {
    case 'status':
      return fixed(ix.status, STATUS_CODES.map((c) => fixedCategory('status', c)), 'status');
    case 'sex':
      return fixed(ix.sex, SEXES.map((c) => fixedCategory('sex', c)), 'sex');
    case 'kbiTarget':
      ix.loadExtras(); // filled in place: load before the codes are made and kept
      return fixed(ix.kbiTarget, KBI_CODES.map((c) => fixedCategory('kbiTarget', c)), 'kbiTarget');
    case 'trajectoryStarted':
      ix.loadExtras();
      return fixed(ix.trajectoryStarted, yesNo, 'trajectoryStarted');
    case 'attestationObtained':
      ix.loadExtras();
      return fixed(ix.attestationObtained, yesNo, 'attestationObtained');
    case 'nt2Level':
      ix.loadExtras();
      return fixed(ix.nt2Level, NT2_CODES.map((c) => fixedCategory('nt2Level', c)), 'nt2Level');
    case 'decisionYear':
      return years(members, ix.decisionYear, 'decisionYear');
    case 'applicationYear':
      ix.loadExtras();
      return years(members, ix.applicationYear, 'applicationYear');
    case 'ageBand':
      return ageBands(ix, v.bands);
    case 'nationality':
      return nationalities(ix, members, v.top, v.groups);
    case 'area':
      return areas(ix, members, v);
  }
}

/** Years present in the cohort, ascending; 0 (none) → unknown, last. */
function years(members: Bitset, raw: Int16Array, key: string): Categorised {
  const seen = new Int32Array(4096);
  countOneWay(members, raw, seen);
  const present: number[] = [];
  for (let y = 1; y < 4096; y++) if (seen[y]) present.push(y);
  const lookup = new Int32Array(4096).fill(present.length);
  present.forEach((y, i) => (lookup[y] = i));
  const categories: Category[] = present.map((y) => ({ code: String(y), nl: String(y), en: String(y) }));
  if (seen[0]) categories.push(UNKNOWN_CATEGORY);
  return { codes: once(() => codesOfMembers(members, raw, 0, lookup)), counts: categoryCounts(seen, lookup, categories.length), categories, label: label(key) };
}

/** Ages -1 (unknown) .. 120 through a table indexed by age + 1. */
function ageBands(ix: ColumnarIndex, bands: { min: number; max: number }[]): Categorised {
  const lookup = new Int32Array(32768 + 1);
  if (bands.length === 0) {
    // Standard bands, then unknown age.
    for (let a = 0; a <= 121; a++) lookup[a + 1] = ageBandOf(a);
    lookup.fill(lookup[122], 123);
    lookup[0] = AGE_BANDS.length;
    const codes = () => keptCodes(ix, 'ageBand', () => codesOfAll(ix.ageAtDecision, 1, lookup));
    return { codes, counts: null, categories: [...AGE_BANDS.map((b: AgeBand) => ({ code: b, nl: b, en: b })), UNKNOWN_CATEGORY], label: label('ageBand') };
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
  const codes = () => keptCodes(ix, `ageBand:${JSON.stringify(bands)}`, () => codesOfAll(ix.ageAtDecision, 1, lookup));
  return { codes, counts: null, categories: [...categories, OTHER_CATEGORY, UNKNOWN_CATEGORY], label: label('ageBand') };
}

/** Groups first (in their order), then single nationalities by size (top N or all), then other. */
function nationalities(ix: ColumnarIndex, members: Bitset, top: number | null, groups: CodeGroup[]): Categorised {
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
  countOneWay(members, new Int16Array(nat.buffer, nat.byteOffset, nat.length), counts); // < 32,768 nationalities
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
  return { codes: once(() => codesOfMembers(members, nat, 0, lookup)), counts: categoryCounts(counts, lookup, categories.length), categories, label: label('nationality') };
}

/** Area of residence at the decision, on the reference date or on a date; with groups: group or other. */
function areas(ix: ColumnarIndex, members: Bitset, v: Extract<CrosstabVariable, { var: 'area' }>): Categorised {
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
  if (v.at === 'date') {
    // Residence on a given date: for the members only, not kept.
    const day = isoToDay(v.date as string);
    const on = new Int16Array(ix.persons);
    forEachBit(members, (p) => (on[p] = locationOfPerson(ix, p, day)));
    return { codes: once(() => codesOfMembers(members, on, LOC_OFFSET, lookup)), counts: null, categories, label: name };
  }
  const locs = v.at === 'decision' ? ix.locAtDecision : ix.locAtReference;
  return { codes: () => keptCodes(ix, JSON.stringify(v), () => codesOfAll(locs, LOC_OFFSET, lookup)), counts: null, categories, label: name };
}

const UNKNOWN_EN: Record<string, string> = SPECIAL_AREA_NAME_EN;
