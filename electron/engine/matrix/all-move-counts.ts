import type { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import { newBitset, popcount, type Bitset } from '../cohort/bitset';
import { LOC_OFFSET, type ColumnarIndex } from '../cohort/columnar-index';
import { NO_DAY, isoToDay } from '../cohort/day-number';
import { areaOfMuniLookup } from '../cohort/location-lookup';
import { hash32, type CellPersons, type MatrixCounts, type PersonKeys } from './count-types';
import { followUpEnd, followUpTable } from './follow-up';
import { NEVER, segmentCells, vintageMoveCells } from './move-cells';
import { vintageMoves } from './moves';
import { hasMutation, type RuleMutation } from './rule-mutations';
import { PersonCellsBuilder } from '../ledger/person-cells';

/** Window end of a person left out by the follow-up rule: before every move. */
const CLOSED = -NEVER;

/**
 * all-moves on screen: every move of a member in its window, counted in its cell. Walks
 * the moves cell by cell (see move-cells.ts) with a branch-free membership and window test
 * per move (membership is close to random, a branch would mispredict); distinct movers and
 * movers with an unmapped move are bitsets, counted at the end.
 * The window of a move is (after, end]: without a period, after the decision day up to the
 * reference date or decision + followUpMonths; with a period, from its first to its last day.
 */
export function allMoveCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, out: MatrixCounts): void {
  const { person, day, decision, unmappedAt, segStart } = vintageMoveCells(ix, def.vintage);
  const segCell = segmentCells(ix, def.vintage, def.level);
  const months = def.followUpMonths ?? 0;
  const usePeriod = def.period !== null;
  const periodAfter = def.period ? isoToDay(def.period.from) - 1 : 0;
  const fixedEnd = def.period ? isoToDay(def.period.to) : ix.referenceDay;
  let ends: Int32Array | null = null;
  if (!usePeriod && months) {
    const table = followUpTable(ix.decisionDay, NO_DAY, months, ix.referenceDay, CLOSED);
    out.excludedPersons = excludedByFollowUp(ix, members, table.lo, table.ends);
    ends = new Int32Array(decision.length);
    for (let k = 0; k < ends.length; k++) ends[k] = decision[k] === NEVER ? CLOSED : table.ends[decision[k] - table.lo];
  }
  const moved = newBitset(ix.persons);
  const counts = out.counts;
  const segments = segCell.length;
  for (let s = 0; s < segments; s++) {
    let n = 0;
    const k1 = segStart[s + 1];
    for (let k = segStart[s]; k < k1; k++) {
      const p = person[k];
      const d = day[k];
      const after = usePeriod ? periodAfter : decision[k];
      const end = ends === null ? fixedEnd : ends[k];
      // 1 when p is a member and after < d <= end (days are within ±2^30, so the
      // differences keep their sign); shifts take p mod 32.
      const hit = (members[p >>> 5] >>> p) & ((after - d) >>> 31) & ((d - end - 1) >>> 31);
      n += hit;
      moved[p >>> 5] |= hit << p;
    }
    if (n !== 0) counts[segCell[s]] += n;
  }
  // Movers with a counted move that has an unmapped end: the same test on those moves only.
  const withUnmapped = newBitset(ix.persons);
  for (let i = 0; i < unmappedAt.length; i++) {
    const k = unmappedAt[i];
    const p = person[k];
    const d = day[k];
    const after = usePeriod ? periodAfter : decision[k];
    const end = ends === null ? fixedEnd : ends[k];
    withUnmapped[p >>> 5] |= ((members[p >>> 5] >>> p) & ((after - d) >>> 31) & ((d - end - 1) >>> 31)) << p;
  }
  out.distinctPersons = popcount(moved);
  out.unmappedPersons = popcount(withUnmapped);
}

/** Members without a decision or whose follow-up window ends after the reference date. */
function excludedByFollowUp(ix: ColumnarIndex, members: Bitset, lo: number, ends: Int32Array): number {
  const decisionDay = ix.decisionDay;
  let excluded = 0;
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    while (v !== 0) {
      const t = v & -v;
      v ^= t;
      const dd = decisionDay[(w << 5) + 31 - Math.clz32(t)];
      if (dd === NO_DAY || ends[dd - lo] === CLOSED) excluded++;
    }
  }
  return excluded;
}

/**
 * all-moves on the disclosure/export path: the same counts in one pass person by person,
 * plus, for every cell, row and column margin and the total, the number of DISTINCT
 * persons and their person key (sum of hash32 over those persons). A cell, row or column
 * is counted once per person: it is marked with the last person that reached it.
 */
export function allMovePersonCounts(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition, out: MatrixCounts, mutation?: RuleMutation): void {
  const areaOfMuni = areaOfMuniLookup(def.vintage, def.level);
  const { moveOffset, moveDay, moveFrom, moveTo, moveUnmapped } = vintageMoves(ix, def.vintage, mutation);
  // Test-only wrong readings of the window (rule-mutations.ts); 0 otherwise.
  const decisionShift = hasMutation(mutation, 'decision-day-move-counted') ? -1 : 0;
  const endShift = hasMutation(mutation, 'follow-up-end-exclusive') ? -1 : 0;
  const fromShift = hasMutation(mutation, 'period-from-exclusive') ? 1 : 0;
  const months = def.followUpMonths ?? 0;
  const endOf = followUpEnd(months);
  const { size, counts } = out;
  const persons: CellPersons = { cells: new Uint32Array(size * size), rowTotals: new Uint32Array(size), colTotals: new Uint32Array(size), total: 0 };
  const keys: PersonKeys = { cells: new Uint32Array(size * size), rowTotals: new Uint32Array(size), colTotals: new Uint32Array(size), total: 0 };
  // Marks hold person + 1 (0 = nobody yet).
  const cellMark = new Int32Array(size * size);
  const rowMark = new Int32Array(size);
  const colMark = new Int32Array(size);
  const periodAfter = def.period ? isoToDay(def.period.from) - 1 + fromShift : 0;
  const periodTo = def.period ? isoToDay(def.period.to) : 0;
  const decisionDay = ix.decisionDay;
  const referenceDay = ix.referenceDay;
  let excluded = 0;
  let unmappedCount = 0;
  let totalKey = 0;
  const entries = new PersonCellsBuilder();
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    while (v !== 0) {
      const t = v & -v;
      v ^= t;
      const p = (w << 5) + 31 - Math.clz32(t);
      let after = periodAfter;
      let to = periodTo;
      if (!def.period) {
        const decision = decisionDay[p];
        if (decision === NO_DAY) {
          if (months) excluded++;
          continue;
        }
        after = decision + decisionShift;
        to = months ? endOf(decision) : referenceDay;
        if (to > referenceDay) {
          excluded++;
          continue;
        }
        if (months) to += endShift;
      }
      const tag = p + 1;
      const h = hash32(p);
      let moved = 0;
      let isUnmapped = 0;
      for (let k = moveOffset[p], k1 = moveOffset[p + 1]; k < k1; k++) {
        const day = moveDay[k];
        if (day <= after) continue;
        if (day > to) break;
        const r = areaOfMuni[moveFrom[k] + LOC_OFFSET];
        const c = areaOfMuni[moveTo[k] + LOC_OFFSET];
        const cell = r * size + c;
        counts[cell]++;
        entries.add(p, cell);
        if (cellMark[cell] !== tag) {
          cellMark[cell] = tag;
          persons.cells[cell]++;
          keys.cells[cell] += h;
        }
        if (rowMark[r] !== tag) {
          rowMark[r] = tag;
          persons.rowTotals[r]++;
          keys.rowTotals[r] += h;
        }
        if (colMark[c] !== tag) {
          colMark[c] = tag;
          persons.colTotals[c]++;
          keys.colTotals[c] += h;
        }
        moved = 1;
        isUnmapped |= moveUnmapped[k];
      }
      if (moved) {
        persons.total++;
        totalKey = (totalKey + h) | 0;
      }
      unmappedCount += isUnmapped;
    }
  }
  keys.total = totalKey >>> 0;
  out.distinctPersons = persons.total;
  out.excludedPersons = excluded;
  out.unmappedPersons = unmappedCount;
  out.persons = persons;
  out.keys = keys;
  out.personCells = entries.build();
}
