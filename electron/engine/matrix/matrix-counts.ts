import type { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import type { Bitset } from '../cohort/bitset';
import { LOC_OFFSET, LOC_UNKNOWN, locationOfPerson, type ColumnarIndex } from '../cohort/columnar-index';
import { NO_DAY, isoToDay } from '../cohort/day-number';
import { areaOfLocLookup, areaOfMuniLookup, vintageLookup } from '../cohort/location-lookup';
import { getGeography } from '../geo/geography';
import { allMoveCounts, allMovePersonCounts } from './all-move-counts';
import { hash32, keysFromCells, type MatrixCountOptions, type MatrixCounts } from './count-types';
import { followUpEnd } from './follow-up';
import { vintageMoves } from './moves';
import { hasMutation, type RuleMutation } from './rule-mutations';
import { residenceTrail, trailLocation } from './trail';
import { personCellsFromCellOf } from '../ledger/person-cells';

export { hash32, type CellPersons, type MatrixCountOptions, type MatrixCounts, type PersonKeys } from './count-types';

const MAX_CACHED_DAYS = 8;

/** Everyone's location on a fixed day, cached for a few days (origin/destination dates). */
function locationsOn(ix: ColumnarIndex, day: number): Int16Array {
  if (day === ix.referenceDay) return ix.locAtReference;
  const key = `loc@${day}`;
  const hit = ix.derived.get(key) as Int16Array | undefined;
  if (hit) return hit;
  const out = new Int16Array(ix.persons);
  for (let p = 0; p < ix.persons; p++) out[p] = locationOfPerson(ix, p, day);
  const dayKeys = [...ix.derived.keys()].filter((k) => k.startsWith('loc@'));
  if (dayKeys.length >= MAX_CACHED_DAYS) ix.derived.delete(dayKeys[0]);
  ix.derived.set(key, out);
  return out;
}

export function matrixCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, options: MatrixCountOptions = {}): MatrixCounts {
  const size = getGeography().vintages[def.vintage].areas[def.level].length;
  const out: MatrixCounts = {
    size,
    counts: new Array<number>(size * size).fill(0),
    distinctPersons: 0,
    excludedPersons: 0,
    unmappedPersons: 0,
  };
  if (def.kind === 'all-moves') {
    // A mutated rule takes the plain person-by-person path (the fast one has no test hooks).
    if (options.persons || options.mutation) allMovePersonCounts(ix, members, def, out, options.mutation);
    else allMoveCounts(ix, members, def, out);
    return out;
  }
  // State and first-move: one count per person, so a cell's key is the sum over its persons.
  const cellKeys = options.persons ? new Uint32Array(size * size) : null;
  const cellOf = options.persons ? new Int32Array(ix.persons).fill(-1) : null;
  if (def.kind === 'state') stateCounts(ix, members, def, out, cellKeys, cellOf, options.mutation);
  else firstMoveCounts(ix, members, def, out, cellKeys, cellOf, options.mutation);
  if (cellKeys) out.keys = keysFromCells(cellKeys, size);
  if (cellOf) out.personCells = personCellsFromCellOf(cellOf);
  return out;
}

/**
 * Locations on a day as the state matrix reads them: the index's arrays (locationOn), or,
 * with a mutated rule, the mutated residence trail (the trail and locationOn agree on every
 * person and day: tests/matrix/residence-trail.test.ts).
 */
function stateLocator(ix: ColumnarIndex, mutation: RuleMutation | undefined) {
  if (!mutation) {
    return {
      on: (day: number) => locationsOn(ix, day),
      atDecision: () => ix.locAtDecision,
      of: (p: number, day: number) => locationOfPerson(ix, p, day),
    };
  }
  const trail = residenceTrail(ix, mutation);
  const on = (day: number) => Int16Array.from({ length: ix.persons }, (_, p) => trailLocation(trail, p, day));
  return {
    on,
    atDecision: () => Int16Array.from({ length: ix.persons }, (_, p) => (ix.decisionDay[p] === NO_DAY ? LOC_UNKNOWN : trailLocation(trail, p, ix.decisionDay[p]))),
    of: (p: number, day: number) => trailLocation(trail, p, day),
  };
}

function stateCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, out: MatrixCounts, cellKeys: Uint32Array | null, cellOf: Int32Array | null, mutation?: RuleMutation): void {
  const areaOfLoc = areaOfLocLookup(ix, def.vintage, def.level);
  const { unmapped } = vintageLookup(ix, def.vintage);
  const locate = stateLocator(ix, mutation);
  const origins = def.originDate ? locate.on(isoToDay(def.originDate)) : locate.atDecision();
  // destinationDate wins over followUpMonths; neither → the reference date.
  const fixedDest = def.destinationDate ? locate.on(isoToDay(def.destinationDate)) : def.followUpMonths ? null : locate.on(ix.referenceDay);
  const endOf = followUpEnd(def.followUpMonths ?? 0);
  const { counts, size } = out;
  const decisionDay = ix.decisionDay;
  const lastDay = hasMutation(mutation, 'follow-up-end-exclusive') ? -1 : 0;
  const referenceDay = ix.referenceDay;
  let distinct = 0;
  let excluded = 0;
  let unmappedCount = 0;
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    while (v !== 0) {
      const t = v & -v;
      v ^= t;
      const p = (w << 5) + 31 - Math.clz32(t);
      const o = origins[p] + LOC_OFFSET;
      let d: number;
      if (fixedDest) d = fixedDest[p] + LOC_OFFSET;
      else {
        const dd = decisionDay[p];
        const end = dd === NO_DAY ? NO_DAY : endOf(dd);
        if (end === NO_DAY || end > referenceDay) {
          excluded++;
          continue;
        }
        d = locate.of(p, end + lastDay) + LOC_OFFSET;
      }
      const cell = areaOfLoc[o] * size + areaOfLoc[d];
      counts[cell]++;
      if (cellKeys !== null) cellKeys[cell] += hash32(p);
      if (cellOf !== null) cellOf[p] = cell;
      distinct++;
      if (unmapped[o] | unmapped[d]) unmappedCount++;
    }
  }
  out.distinctPersons = distinct;
  out.excludedPersons = excluded;
  out.unmappedPersons = unmappedCount;
}

/**
 * first-move and first-area-move: one count per person, the first move strictly after the
 * decision day (up to the reference date or decision + followUpMonths). first-move takes
 * the first municipality move, which at a higher level may stay inside the area (on the
 * diagonal); first-area-move takes the first move that changes the area at the level: the
 * first move out of the area of decision. Persons without such a move sit on the diagonal,
 * at their residence at the decision.
 */
function firstMoveCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, out: MatrixCounts, cellKeys: Uint32Array | null, cellOf: Int32Array | null, mutation?: RuleMutation): void {
  const areaOfLoc = areaOfLocLookup(ix, def.vintage, def.level);
  const areaOfMuni = areaOfMuniLookup(def.vintage, def.level);
  const { unmapped } = vintageLookup(ix, def.vintage);
  const mv = vintageMoves(ix, def.vintage, mutation);
  const endOf = followUpEnd(def.followUpMonths ?? 0);
  const outOfArea = def.kind === 'first-area-move' && !hasMutation(mutation, 'first-area-as-municipality');
  const after = hasMutation(mutation, 'decision-day-move-counted') ? -1 : 0;
  const lastDay = hasMutation(mutation, 'follow-up-end-exclusive') ? -1 : 0;
  const locAtDecision = mutation ? stateLocator(ix, mutation).atDecision() : ix.locAtDecision;
  const { counts, size } = out;
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    while (v !== 0) {
      const t = v & -v;
      v ^= t;
      const p = (w << 5) + 31 - Math.clz32(t);
      const decision = ix.decisionDay[p];
      let windowEnd = ix.referenceDay;
      if (def.followUpMonths) {
        if (decision === NO_DAY || endOf(decision) > ix.referenceDay) {
          out.excludedPersons++;
          continue;
        }
        windowEnd = endOf(decision) + lastDay;
      }
      let cell = -1;
      let isUnmapped = 0;
      if (decision !== NO_DAY) {
        for (let k = mv.moveOffset[p]; k < mv.moveOffset[p + 1]; k++) {
          const day = mv.moveDay[k];
          if (day <= decision + after) continue;
          if (day > windowEnd) break;
          const from = areaOfMuni[mv.moveFrom[k] + LOC_OFFSET];
          const to = areaOfMuni[mv.moveTo[k] + LOC_OFFSET];
          if (outOfArea && from === to) continue;
          cell = from * size + to;
          isUnmapped = mv.moveUnmapped[k];
          break;
        }
      }
      if (cell < 0) {
        // No move: on the diagonal, at the residence at the decision.
        const o = locAtDecision[p] + LOC_OFFSET;
        cell = areaOfLoc[o] * size + areaOfLoc[o];
        isUnmapped = unmapped[o];
      }
      counts[cell]++;
      if (cellKeys !== null) cellKeys[cell] += hash32(p);
      if (cellOf !== null) cellOf[p] = cell;
      out.distinctPersons++;
      out.unmappedPersons += isUnmapped;
    }
  }
}
