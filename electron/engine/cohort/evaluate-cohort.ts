import { AGE_BANDS, type CohortDefinition, type GeoFilter } from '../../../shared/cohort/cohort-definition';
import { SEXES } from '../../../shared/extract/extract-schema';
import { andInto, filterBits, fullBitset, newBitset, orInto, type Bitset } from './bitset';
import { KBI_CODES, LOC_OFFSET, NT2_CODES, STATUS_CODES, type ColumnarIndex } from './columnar-index';
import { isoToDay } from './day-number';
import { areaOfLocLookup } from './location-lookup';
import { getGeography } from '../geo/geography';

/**
 * The persons of a cohort as a bitset: AND across fields, OR within a field. A field with
 * an empty list (or null) does not restrict. Categorical fields use the precomputed
 * bitsets; ranges and geography scan only the persons still in.
 */
export function evaluateCohort(ix: ColumnarIndex, def: CohortDefinition): Bitset {
  const needsExtras =
    def.applicationYears.length > 0 ||
    def.kbiTargetStatus.length > 0 ||
    def.trajectoryStarted !== null ||
    def.attestationObtained !== null ||
    def.nt2Reached.length > 0;
  if (needsExtras) ix.loadExtras();
  const result = fullBitset(ix.persons);
  const bs = ix.bitsets;
  const field = (sets: (Bitset | undefined)[]) => {
    const union = newBitset(ix.persons);
    for (const s of sets) if (s) orInto(union, s);
    andInto(result, union);
  };
  if (def.status.length) field(def.status.map((s) => bs.status[STATUS_CODES.indexOf(s)]));
  if (def.decisionYears.length) field(def.decisionYears.map((y) => bs.decisionYear.get(y)));
  if (def.applicationYears.length) field(def.applicationYears.map((y) => bs.applicationYear.get(y)));
  if (def.nationalities.length) {
    const natIndex = new Map(ix.nationalities.map((c, i) => [c, i]));
    field(def.nationalities.map((c) => bs.nationality[natIndex.get(c) ?? -1]));
  }
  if (def.sexes.length) field(def.sexes.map((s) => bs.sex[SEXES.indexOf(s)]));
  if (def.ageBands.length) field(def.ageBands.map((b) => bs.ageBand[AGE_BANDS.indexOf(b)]));
  if (def.kbiTargetStatus.length) field(def.kbiTargetStatus.map((s) => bs.kbiTarget[KBI_CODES.indexOf(s)]));
  if (def.trajectoryStarted !== null) field([bs.trajectoryStarted[def.trajectoryStarted ? 1 : 0]]);
  if (def.attestationObtained !== null) field([bs.attestationObtained[def.attestationObtained ? 1 : 0]]);
  if (def.nt2Reached.length) field(def.nt2Reached.map((l) => bs.nt2[NT2_CODES.indexOf(l)]));

  if (def.decisionDate && (def.decisionDate.from || def.decisionDate.to)) {
    const from = def.decisionDate.from ? isoToDay(def.decisionDate.from) : -Infinity;
    const to = def.decisionDate.to ? isoToDay(def.decisionDate.to) : Infinity;
    const days = ix.decisionDay;
    // NO_DAY is the smallest Int32, so persons without a decision fall out when `from` is set;
    // with only `to` set they must be excluded explicitly.
    filterBits(result, (p) => days[p] >= from && days[p] <= to && ix.decisionYear[p] !== 0);
  }
  if (def.ageRange) {
    const { min, max } = def.ageRange;
    const ages = ix.ageAtDecision;
    filterBits(result, (p) => ages[p] >= 0 && ages[p] >= min && ages[p] <= max);
  }
  if (def.geoAtDecision) geoFilter(ix, result, def.geoAtDecision, ix.locAtDecision);
  if (def.geoAtReference) geoFilter(ix, result, def.geoAtReference, ix.locAtReference);
  return result;
}

function geoFilter(ix: ColumnarIndex, result: Bitset, filter: GeoFilter, locs: Int16Array): void {
  if (!filter.codes.length) return;
  const areas = getGeography().vintages[filter.vintage].areas[filter.level];
  const wanted = new Uint8Array(areas.length);
  const codes = new Set(filter.codes);
  areas.forEach((a, i) => {
    if (codes.has(a.code)) wanted[i] = 1;
  });
  const areaOfLoc = areaOfLocLookup(ix, filter.vintage, filter.level);
  filterBits(result, (p) => wanted[areaOfLoc[locs[p] + LOC_OFFSET]] === 1);
}
