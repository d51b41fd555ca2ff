import type { Vintage } from '../../../shared/geo/area-level';
import { LOC_OFFSET, type ColumnarIndex } from '../cohort/columnar-index';
import { vintageLookup } from '../cohort/location-lookup';

/**
 * The moves of every person in one vintage. A move is a change between two consecutive
 * residence records once both are mapped to a municipality of the vintage (MAIN and
 * WAITING_REGISTER both count as living in a municipality); a change of address inside one
 * municipality is not a move. Exits (abroad, ex-officio removal, death) and unknowns are
 * moves into special locations; a return from abroad is a move out of ABROAD. The date of
 * a move is the start date of the new residence.
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

export function vintageMoves(ix: ColumnarIndex, vintage: Vintage): VintageMoves {
  const key = `moves:${vintage}`;
  const hit = ix.derived.get(key) as VintageMoves | undefined;
  if (hit) return hit;
  const { muniOfLoc, unmapped } = vintageLookup(ix, vintage);
  const { resOffset, resLoc, resStart, persons } = ix;
  // Upper bound: one move per residence record after the first.
  const cap = Math.max(0, resLoc.length - 1);
  const moveDay = new Int32Array(cap);
  const moveFrom = new Int16Array(cap);
  const moveTo = new Int16Array(cap);
  const moveUnmapped = new Uint8Array(cap);
  const moveOffset = new Uint32Array(persons + 1);
  let k = 0;
  for (let p = 0; p < persons; p++) {
    const end = resOffset[p + 1];
    let r = resOffset[p];
    if (r < end) {
      let prev = resLoc[r] + LOC_OFFSET;
      let prevMuni = muniOfLoc[prev];
      for (r++; r < end; r++) {
        const loc = resLoc[r] + LOC_OFFSET;
        const muni = muniOfLoc[loc];
        if (muni !== prevMuni) {
          moveDay[k] = resStart[r];
          moveFrom[k] = prevMuni;
          moveTo[k] = muni;
          moveUnmapped[k] = unmapped[prev] | unmapped[loc];
          k++;
        }
        prev = loc;
        prevMuni = muni;
      }
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
