import type { AreaLevel, Vintage } from '../../../shared/geo/area-level';
import { LOC_OFFSET, type ColumnarIndex } from '../cohort/columnar-index';
import { NO_DAY } from '../cohort/day-number';
import { areaOfMuniLookup } from '../cohort/location-lookup';
import { getGeography } from '../geo/geography';
import { vintageMoves } from './moves';

/** Decision day of a mover without a decision: later than every move, so none counts. */
export const NEVER = 1 << 30;
/** Move days are clamped to ±LIMIT so day differences in the matrix loop cannot overflow. */
const LIMIT = NEVER - 1;

/**
 * The moves of a vintage regrouped by municipality cell (origin × destination), in person
 * order within a cell. The all-moves matrix then walks the moves cell by cell: the counts
 * are summed in a register and written once per cell instead of scattered over a large
 * array, and every per-move value is read sequentially. Built once per vintage, kept with
 * the index in memory.
 */
export interface MoveCells {
  person: Int32Array;
  day: Int32Array;
  /** The mover's decision day (NEVER when none), copied per move to avoid a random read. */
  decision: Int32Array;
  /**
   * Positions (in this order) of the moves with an end that has no municipality in the
   * vintage: few, so the matrix checks them in a second pass instead of in its hot loop.
   */
  unmappedAt: Uint32Array;
  /** Segment s holds moves segStart[s] .. segStart[s+1]-1, all in municipality cell segMuniCell[s]. */
  segStart: Uint32Array;
  segMuniCell: Int32Array;
}

export function vintageMoveCells(ix: ColumnarIndex, vintage: Vintage): MoveCells {
  const key = `move-cells:${vintage}`;
  const hit = ix.derived.get(key) as MoveCells | undefined;
  if (hit) return hit;
  const mv = vintageMoves(ix, vintage);
  const areaOfMuni = areaOfMuniLookup(vintage, 'municipality');
  const size = getGeography().vintages[vintage].areas.municipality.length;
  const moves = mv.moveDay.length;
  const cellOf = new Int32Array(moves);
  const movePerson = new Int32Array(moves);
  // Counting sort by cell (stable, so person order is kept inside a cell).
  const start = new Uint32Array(size * size + 1);
  for (let p = 0; p < ix.persons; p++) {
    for (let k = mv.moveOffset[p]; k < mv.moveOffset[p + 1]; k++) {
      const cell = areaOfMuni[mv.moveFrom[k] + LOC_OFFSET] * size + areaOfMuni[mv.moveTo[k] + LOC_OFFSET];
      cellOf[k] = cell;
      movePerson[k] = p;
      start[cell + 1]++;
    }
  }
  let segments = 0;
  for (let c = 0; c < size * size; c++) {
    if (start[c + 1] !== 0) segments++;
    start[c + 1] += start[c];
  }
  const segStart = new Uint32Array(segments + 1);
  const segMuniCell = new Int32Array(segments);
  for (let c = 0, s = 0; c < size * size; c++) {
    if (start[c + 1] === start[c]) continue;
    segStart[s] = start[c];
    segMuniCell[s++] = c;
  }
  segStart[segments] = moves;
  const person = new Int32Array(moves);
  const day = new Int32Array(moves);
  const decision = new Int32Array(moves);
  const isUnmapped = new Uint8Array(moves);
  let unmappedMoves = 0;
  const next = start; // reused as the fill position of every cell
  for (let k = 0; k < moves; k++) {
    const i = next[cellOf[k]]++;
    const p = movePerson[k];
    const d = mv.moveDay[k];
    const dd = ix.decisionDay[p];
    person[i] = p;
    day[i] = d < -LIMIT ? -LIMIT : d > LIMIT ? LIMIT : d;
    decision[i] = dd === NO_DAY ? NEVER : dd;
    isUnmapped[i] = mv.moveUnmapped[k];
    unmappedMoves += mv.moveUnmapped[k];
  }
  const unmappedAt = new Uint32Array(unmappedMoves);
  for (let i = 0, j = 0; i < moves; i++) if (isUnmapped[i]) unmappedAt[j++] = i;
  const out: MoveCells = { person, day, decision, unmappedAt, segStart, segMuniCell };
  ix.derived.set(key, out);
  return out;
}

/** The cell at `level` of every segment of vintageMoveCells (several segments may share one). */
export function segmentCells(ix: ColumnarIndex, vintage: Vintage, level: AreaLevel): Int32Array {
  const key = `move-cells:${vintage}:${level}`;
  const hit = ix.derived.get(key) as Int32Array | undefined;
  if (hit) return hit;
  const { segMuniCell } = vintageMoveCells(ix, vintage);
  const areas = getGeography().vintages[vintage].areas;
  const muniSize = areas.municipality.length;
  const size = areas[level].length;
  // Municipality-level area → area at the level (both lookups share the municipality/special input).
  const toMuniArea = areaOfMuniLookup(vintage, 'municipality');
  const toLevelArea = areaOfMuniLookup(vintage, level);
  const levelOf = new Int32Array(muniSize);
  for (let m = 0; m < toMuniArea.length; m++) levelOf[toMuniArea[m]] = toLevelArea[m];
  const out = new Int32Array(segMuniCell.length);
  for (let s = 0; s < out.length; s++) {
    const c = segMuniCell[s];
    out[s] = levelOf[Math.floor(c / muniSize)] * size + levelOf[c % muniSize];
  }
  ix.derived.set(key, out);
  return out;
}
