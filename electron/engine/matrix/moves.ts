import type { Vintage } from '../../../shared/geo/area-level';
import { LOC_OFFSET, LOC_UNKNOWN, type ColumnarIndex } from '../cohort/columnar-index';
import { vintageLookup } from '../cohort/location-lookup';
import { hasMutation, type RuleMutation } from './rule-mutations';
import { residenceTrail } from './trail';

/**
 * The moves of every person in one vintage: the changes of the residence trail (trail.ts)
 * once every location is mapped to a municipality of the vintage (MAIN and WAITING_REGISTER
 * both count as living in a municipality); a change of address inside one municipality is
 * not a move. Exits (abroad, ex-officio removal, death), gaps and the end of the trail are
 * moves into special locations; a return from abroad or Unknown is a move out of it. The
 * date of a move is the first day of the new residence. So the residence on any day is the
 * residence on an earlier day with the moves in between applied.
 */
export interface VintageMoves {
  /** Moves of person p: moveOffset[p] .. moveOffset[p+1]-1, in date order. */
  moveOffset: Uint32Array;
  moveDay: Int32Array;
  /** Municipality index in the vintage, or a special location (< 0). */
  moveFrom: Int16Array;
  moveTo: Int16Array;
  /** 1 when an end of the move is a recorded code that has no municipality in the vintage. */
  moveUnmapped: Uint8Array;
}

export function vintageMoves(ix: ColumnarIndex, vintage: Vintage, mutation?: RuleMutation): VintageMoves {
  const key = `moves:${vintage}:${mutation ?? ''}`;
  const hit = ix.derived.get(key) as VintageMoves | undefined;
  if (hit) return hit;
  const { muniOfLoc, unmapped } = vintageLookup(ix, vintage);
  const { trailOffset, trailDay, trailLoc, trailRecordStart } = residenceTrail(ix, mutation);
  const persons = ix.persons;
  const startsUnknown = !hasMutation(mutation, 'first-record-no-move');
  const everyRecord = hasMutation(mutation, 'same-municipality-move');
  // Upper bound: one move per trail event.
  const cap = trailDay.length;
  const moveDay = new Int32Array(cap);
  const moveFrom = new Int16Array(cap);
  const moveTo = new Int16Array(cap);
  const moveUnmapped = new Uint8Array(cap);
  const moveOffset = new Uint32Array(persons + 1);
  const unknown = LOC_UNKNOWN + LOC_OFFSET;
  let k = 0;
  for (let p = 0; p < persons; p++) {
    const t1 = trailOffset[p + 1];
    let t = trailOffset[p];
    // The trail starts Unknown: the first registration is a move out of Unknown.
    let prev = startsUnknown || t === t1 ? unknown : trailLoc[t] + LOC_OFFSET;
    let prevMuni = muniOfLoc[prev];
    for (; t < t1; t++) {
      const loc = trailLoc[t] + LOC_OFFSET;
      const muni = muniOfLoc[loc];
      if (muni !== prevMuni || (everyRecord && trailRecordStart[t] && t > trailOffset[p])) {
        moveDay[k] = trailDay[t];
        moveFrom[k] = prevMuni;
        moveTo[k] = muni;
        moveUnmapped[k] = unmapped[prev] | unmapped[loc];
        k++;
      }
      prev = loc;
      prevMuni = muni;
    }
    moveOffset[p + 1] = k;
  }
  const moves: VintageMoves = {
    moveOffset,
    moveDay: moveDay.slice(0, k),
    moveFrom: moveFrom.slice(0, k),
    moveTo: moveTo.slice(0, k),
    moveUnmapped: moveUnmapped.slice(0, k),
  };
  ix.derived.set(key, moves);
  return moves;
}
