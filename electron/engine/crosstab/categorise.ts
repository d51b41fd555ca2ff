import { AGE_BANDS, type AgeBand } from '../../../shared/cohort/cohort-definition';
import { type Category, type CodeGroup, type CrosstabVariable } from '../../../shared/crosstab/crosstab-definition';
import { SEXES } from '../../../shared/extract/extract-schema';
import { nationalityLabel } from '../../../shared/format/nationality-name';
import type { Bitset } from '../cohort/bitset';
import { forEachBit } from '../cohort/bitset';
import { KBI_CODES, LOC_OFFSET, NT2_CODES, STATUS_CODES, locationOfPerson, type ColumnarIndex } from '../cohort/columnar-index';
import { isoToDay } from '../cohort/day-number';
import { ageBandOf } from '../cohort/filter-bitsets';
import { areaOfLocLookup } from '../cohort/location-lookup';
import { getGeography } from '../geo/geography';
import { OTHER_CATEGORY, UNKNOWN_CATEGORY, areaVariableLabel, fixedCategory, VARIABLE_LABELS } from './category-labels';

/**
 * A variable applied to the cohort: the category of every member (`of[p]`, -1 for persons
 * outside the cohort) and the categories in display order. Pure over the columnar index.
 */
export interface Categorised {
  of: Int32Array;
  categories: Category[];
  label: { nl: string; en: string };
}

/** A raw per-person value mapped through a lookup table; the common fast path. */
function viaLookup(ix: ColumnarIndex, members: Bitset, raw: ArrayLike<number>, lookup: Int32Array): Int32Array {
  const of = new Int32Array(ix.persons).fill(-1);
  forEachBit(members, (p) => (of[p] = lookup[raw[p]]));
  return of;
}

const identity = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const yesNo = [fixedCategory('yesNo', 'NO'), fixedCategory('yesNo', 'YES')];
const label = (key: string) => ({ nl: VARIABLE_LABELS[key][0], en: VARIABLE_LABELS[key][1] });

export function categorise(ix: ColumnarIndex, members: Bitset, v: CrosstabVariable): Categorised {
  switch (v.var) {
    case 'status':
      return { of: viaLookup(ix, members, ix.status, identity(STATUS_CODES.length)), categories: STATUS_CODES.map((c) => fixedCategory('status', c)), label: label('status') };
    case 'sex':
      return { of: viaLookup(ix, members, ix.sex, identity(SEXES.length)), categories: SEXES.map((c) => fixedCategory('sex', c)), label: label('sex') };
    case 'kbiTarget':
      ix.loadExtras();
      return { of: viaLookup(ix, members, ix.kbiTarget, identity(KBI_CODES.length)), categories: KBI_CODES.map((c) => fixedCategory('kbiTarget', c)), label: label('kbiTarget') };
    case 'trajectoryStarted':
      ix.loadExtras();
      return { of: viaLookup(ix, members, ix.trajectoryStarted, identity(2)), categories: yesNo, label: label('trajectoryStarted') };
    case 'attestationObtained':
      ix.loadExtras();
      return { of: viaLookup(ix, members, ix.attestationObtained, identity(2)), categories: yesNo, label: label('attestationObtained') };
    case 'nt2Level':
      ix.loadExtras();
      return { of: viaLookup(ix, members, ix.nt2Level, identity(NT2_CODES.length)), categories: NT2_CODES.map((c) => fixedCategory('nt2Level', c)), label: label('nt2Level') };
    case 'decisionYear':
      return years(ix, members, ix.decisionYear, 'decisionYear');
    case 'applicationYear':
      ix.loadExtras();
      return years(ix, members, ix.applicationYear, 'applicationYear');
    case 'ageBand':
      return ageBands(ix, members, v.bands);
    case 'nationality':
      return nationalities(ix, members, v.top, v.groups);
    case 'area':
      return areas(ix, members, v);
  }
}

/** Years present in the cohort, ascending; 0 (none) → unknown, last. */
function years(ix: ColumnarIndex, members: Bitset, raw: Int16Array, key: string): Categorised {
  const seen = new Set<number>();
  forEachBit(members, (p) => seen.add(raw[p]));
  const list = [...seen].filter((y) => y !== 0).sort((a, b) => a - b);
  const lookup = new Int32Array(4096).fill(list.length);
  list.forEach((y, i) => (lookup[y] = i));
  const categories: Category[] = list.map((y) => ({ code: String(y), nl: String(y), en: String(y) }));
  const of = viaLookup(ix, members, raw, lookup);
  if (seen.has(0)) categories.push(UNKNOWN_CATEGORY);
  return { of, categories, label: label(key) };
}

function ageBands(ix: ColumnarIndex, members: Bitset, bands: { min: number; max: number }[]): Categorised {
  const of = new Int32Array(ix.persons).fill(-1);
  const ages = ix.ageAtDecision;
  if (bands.length === 0) {
    // Standard bands, then unknown age.
    const unknown = AGE_BANDS.length;
    forEachBit(members, (p) => {
      const b = ageBandOf(ages[p]);
      of[p] = b < 0 ? unknown : b;
    });
    return { of, categories: [...AGE_BANDS.map((b: AgeBand) => ({ code: b, nl: b, en: b })), UNKNOWN_CATEGORY], label: label('ageBand') };
  }
  // Custom bands: first band that holds the age; no band → other; unknown age → unknown.
  const byAge = new Int32Array(121).fill(bands.length);
  for (let a = 0; a <= 120; a++) {
    const first = bands.findIndex((b) => a >= b.min && a <= b.max);
    byAge[a] = first < 0 ? bands.length : first;
  }
  const unknown = bands.length + 1;
  forEachBit(members, (p) => {
    const a = ages[p];
    of[p] = a < 0 ? unknown : byAge[Math.min(a, 120)];
  });
  const categories = bands.map((b) => {
    const text = b.max >= 120 ? `${b.min}+` : `${b.min}-${b.max}`;
    return { code: text, nl: text, en: text };
  });
  return { of, categories: [...categories, OTHER_CATEGORY, UNKNOWN_CATEGORY], label: label('ageBand') };
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
  forEachBit(members, (p) => counts[ix.nationality[p]]++);
  const singles = [...Array(K).keys()]
    .filter((k) => groupOf[k] < 0 && counts[k] > 0)
    .sort((a, b) => counts[b] - counts[a] || ix.nationalities[a].localeCompare(ix.nationalities[b]));
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
  return { of: viaLookup(ix, members, ix.nationality, lookup), categories, label: label('nationality') };
}

/** Area of residence at the decision, on the reference date or on a date; with groups: group or other. */
function areas(ix: ColumnarIndex, members: Bitset, v: Extract<CrosstabVariable, { var: 'area' }>): Categorised {
  const geo = getGeography();
  const list = geo.vintages[v.vintage].areas[v.level];
  const areaOfLoc = areaOfLocLookup(ix, v.vintage, v.level);
  const name = { nl: areaVariableLabel(v.level, v.at, v.date, v.vintage, 'nl'), en: areaVariableLabel(v.level, v.at, v.date, v.vintage, 'en') };
  let areaCat: Int32Array;
  let categories: Category[];
  if (v.groups.length === 0) {
    areaCat = identity(list.length);
    categories = list.map((a) => {
      const text = a.special ? a.nameNl : `${a.nameNl} (${a.code})`;
      const en = a.special ? UNKNOWN_EN[a.code] ?? a.nameNl : text;
      return { code: a.code, nl: text, en };
    });
  } else {
    const index = new Map(list.map((a, i) => [a.code, i]));
    areaCat = new Int32Array(list.length).fill(v.groups.length);
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
  const of = new Int32Array(ix.persons).fill(-1);
  if (v.at === 'date') {
    const day = isoToDay(v.date as string);
    forEachBit(members, (p) => (of[p] = areaCat[areaOfLoc[locationOfPerson(ix, p, day) + LOC_OFFSET]]));
  } else {
    const locs = v.at === 'decision' ? ix.locAtDecision : ix.locAtReference;
    forEachBit(members, (p) => (of[p] = areaCat[areaOfLoc[locs[p] + LOC_OFFSET]]));
  }
  return { of, categories, label: name };
}

const UNKNOWN_EN: Record<string, string> = { ABROAD: 'Abroad', RADIATED: 'Removed ex officio', DECEASED: 'Deceased', UNKNOWN: 'Unknown' };
