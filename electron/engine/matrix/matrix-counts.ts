import type { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import type { Bitset } from '../cohort/bitset';
import { LOC_OFFSET, locationOfPerson, type ColumnarIndex } from '../cohort/columnar-index';
import { NO_DAY, addMonths, isoToDay } from '../cohort/day-number';
import { areaOfLocLookup, areaOfMuniLookup, vintageLookup } from '../cohort/location-lookup';
import { getGeography } from '../geo/geography';
import { vintageMoves } from './moves';

/** The raw counts of a matrix over a set of persons; see shared/matrix/matrix-definition.ts for the rules. */
export interface MatrixCounts {
  /** Areas per side (the level's areas plus the four special areas). */
  size: number;
  /** Row-major size × size; a plain array of small integers (what the API returns, no copy). */
  counts: number[];
  /** Per cell: the wrapping sum of hash32(person) over every count in the cell (order-independent). */
  cellKeys: Uint32Array;
  distinctPersons: number;
  excludedPersons: number;
  unmappedPersons: number;
  /** all-moves with `persons` asked: distinct persons behind each cell and margin. */
  persons?: CellPersons;
}

/**
 * Distinct persons per cell, per row and column margin and in total (all-moves, where a
 * count is a count of moves): what the disclosure threshold applies to.
 */
export interface CellPersons {
  cells: Uint32Array;
  rowTotals: Uint32Array;
  colTotals: Uint32Array;
  total: number;
}

export interface MatrixCountOptions {
  /** all-moves: also count distinct persons per cell and margin (disclosure and export). */
  persons?: boolean;
}

/** A well-mixed 32-bit hash of a person index (murmur3 finaliser). */
export function hash32(p: number): number {
  let h = (p + 0x9e3779b9) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

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

/** decision day + months, memoised (few distinct decision days). */
function followUpEnd(months: number) {
  const memo = new Map<number, number>();
  return (day: number): number => {
    let end = memo.get(day);
    if (end === undefined) memo.set(day, (end = addMonths(day, months)));
    return end;
  };
}

export function matrixCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, options: MatrixCountOptions = {}): MatrixCounts {
  const size = getGeography().vintages[def.vintage].areas[def.level].length;
  const out: MatrixCounts = {
    size,
    counts: new Array<number>(size * size).fill(0),
    cellKeys: new Uint32Array(size * size),
    distinctPersons: 0,
    excludedPersons: 0,
    unmappedPersons: 0,
  };
  if (def.kind === 'state') stateCounts(ix, members, def, out);
  else if (def.kind === 'first-move') firstMoveCounts(ix, members, def, out);
  else if (options.persons) allMovePersonCounts(ix, members, def, out);
  else allMoveCounts(ix, members, def, out);
  return out;
}

function stateCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, out: MatrixCounts): void {
  const areaOfLoc = areaOfLocLookup(ix, def.vintage, def.level);
  const { unmapped } = vintageLookup(ix, def.vintage);
  const origins = def.originDate ? locationsOn(ix, isoToDay(def.originDate)) : ix.locAtDecision;
  // destinationDate wins over followUpMonths; neither → the reference date.
  const fixedDest = def.destinationDate ? locationsOn(ix, isoToDay(def.destinationDate)) : def.followUpMonths ? null : ix.locAtReference;
  const endOf = followUpEnd(def.followUpMonths ?? 0);
  const { counts, cellKeys, size } = out;
  const decisionDay = ix.decisionDay;
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
        d = locationOfPerson(ix, p, end) + LOC_OFFSET;
      }
      const cell = areaOfLoc[o] * size + areaOfLoc[d];
      counts[cell]++;
      cellKeys[cell] += hash32(p);
      distinct++;
      if (unmapped[o] | unmapped[d]) unmappedCount++;
    }
  }
  out.distinctPersons = distinct;
  out.excludedPersons = excluded;
  out.unmappedPersons = unmappedCount;
}

function firstMoveCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, out: MatrixCounts): void {
  const areaOfLoc = areaOfLocLookup(ix, def.vintage, def.level);
  const areaOfMuni = areaOfMuniLookup(def.vintage, def.level);
  const { unmapped } = vintageLookup(ix, def.vintage);
  const mv = vintageMoves(ix, def.vintage);
  const endOf = followUpEnd(def.followUpMonths ?? 0);
  const { counts, cellKeys, size } = out;
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
        windowEnd = endOf(decision);
      }
      let cell = -1;
      let isUnmapped = 0;
      if (decision !== NO_DAY) {
        for (let k = mv.moveOffset[p]; k < mv.moveOffset[p + 1]; k++) {
          const day = mv.moveDay[k];
          if (day <= decision) continue;
          if (day > windowEnd) break;
          cell = areaOfMuni[mv.moveFrom[k] + LOC_OFFSET] * size + areaOfMuni[mv.moveTo[k] + LOC_OFFSET];
          isUnmapped = mv.moveUnmapped[k];
          break;
        }
      }
      if (cell < 0) {
        // No move: on the diagonal, at the residence at the decision.
        const o = ix.locAtDecision[p] + LOC_OFFSET;
        cell = areaOfLoc[o] * size + areaOfLoc[o];
        isUnmapped = unmapped[o];
      }
      counts[cell]++;
      cellKeys[cell] += hash32(p);
      out.distinctPersons++;
      out.unmappedPersons += isUnmapped;
    }
  }
}

function allMoveCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, out: MatrixCounts): void {
  const areaOfMuni = areaOfMuniLookup(def.vintage, def.level);
  const mv = vintageMoves(ix, def.vintage);
  const months = def.followUpMonths ?? 0;
  const endOf = followUpEnd(months);
  const hasPeriod = def.period !== null;
  // Without a period: moves after the decision day; with one: from its first day (inclusive).
  const periodAfter = def.period ? isoToDay(def.period.from) - 1 : 0;
  const periodTo = def.period ? isoToDay(def.period.to) : 0;
  const { counts, cellKeys, size } = out;
  const { moveOffset, moveDay, moveFrom, moveTo, moveUnmapped } = mv;
  const decisionDay = ix.decisionDay;
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
      let k = moveOffset[p];
      const k1 = moveOffset[p + 1];
      let after = periodAfter;
      let to = periodTo;
      if (!hasPeriod) {
        const decision = decisionDay[p];
        if (decision === NO_DAY) {
          if (months) excluded++;
          continue;
        }
        after = decision;
        to = referenceDay;
        if (months) {
          to = endOf(decision);
          if (to > referenceDay) {
            excluded++;
            continue;
          }
        }
      }
      if (k === k1) continue;
      let moved = 0;
      let isUnmapped = 0;
      const h = hash32(p);
      for (; k < k1; k++) {
        const day = moveDay[k];
        if (day <= after) continue;
        if (day > to) break;
        const cell = areaOfMuni[moveFrom[k] + LOC_OFFSET] * size + areaOfMuni[moveTo[k] + LOC_OFFSET];
        counts[cell]++;
        cellKeys[cell] += h;
        moved = 1;
        isUnmapped |= moveUnmapped[k];
      }
      distinct += moved;
      unmappedCount += isUnmapped;
    }
  }
  out.distinctPersons = distinct;
  out.excludedPersons = excluded;
  out.unmappedPersons = unmappedCount;
}

/**
 * allMoveCounts plus distinct persons per cell, row and column: a cell, row or column is
 * counted once per person, marked with the last person that reached it. Kept apart from
 * allMoveCounts so the matrix on screen does not pay for it; only disclosure control does.
 */
function allMovePersonCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, out: MatrixCounts): void {
  allMoveCounts(ix, members, def, out);
  const areaOfMuni = areaOfMuniLookup(def.vintage, def.level);
  const { moveOffset, moveDay, moveFrom, moveTo } = vintageMoves(ix, def.vintage);
  const endOf = followUpEnd(def.followUpMonths ?? 0);
  const months = def.followUpMonths ?? 0;
  const { size } = out;
  const persons: CellPersons = { cells: new Uint32Array(size * size), rowTotals: new Uint32Array(size), colTotals: new Uint32Array(size), total: 0 };
  // Marks hold person + 1 (0 = nobody yet).
  const cellMark = new Int32Array(size * size);
  const rowMark = new Int32Array(size);
  const colMark = new Int32Array(size);
  const periodAfter = def.period ? isoToDay(def.period.from) - 1 : 0;
  const periodTo = def.period ? isoToDay(def.period.to) : 0;
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    while (v !== 0) {
      const t = v & -v;
      v ^= t;
      const p = (w << 5) + 31 - Math.clz32(t);
      let k = moveOffset[p];
      const k1 = moveOffset[p + 1];
      if (k === k1) continue;
      let after = periodAfter;
      let to = periodTo;
      if (!def.period) {
        const decision = ix.decisionDay[p];
        if (decision === NO_DAY) continue;
        after = decision;
        to = months ? endOf(decision) : ix.referenceDay;
        if (to > ix.referenceDay) continue;
      }
      const tag = p + 1;
      let moved = 0;
      for (; k < k1; k++) {
        const day = moveDay[k];
        if (day <= after) continue;
        if (day > to) break;
        const r = areaOfMuni[moveFrom[k] + LOC_OFFSET];
        const c = areaOfMuni[moveTo[k] + LOC_OFFSET];
        const cell = r * size + c;
        if (cellMark[cell] !== tag) {
          cellMark[cell] = tag;
          persons.cells[cell]++;
        }
        if (rowMark[r] !== tag) {
          rowMark[r] = tag;
          persons.rowTotals[r]++;
        }
        if (colMark[c] !== tag) {
          colMark[c] = tag;
          persons.colTotals[c]++;
        }
        moved = 1;
      }
      persons.total += moved;
    }
  }
  out.persons = persons;
}
