import { capacity, type Grid } from './count-table';

/**
 * The set of suppressed grid cells with, per row node and column node, the list of
 * suppressed cells on it: the sparse graph the interval audit walks.
 */
export class SuppressionState {
  readonly suppressed: Uint8Array;
  readonly rowCells: number[][];
  readonly colCells: number[][];
  readonly list: number[] = [];
  /** capacity(k, +1) and capacity(k, −1) per cell, precomputed: the searches read them millions of times. */
  readonly capUp: Float64Array;
  readonly capDown: Float64Array;
  /** Per row/column, the suppressed cells that can move down (capDown > 0) or up (capUp > 0). */
  readonly rowDown: number[][];
  readonly colDown: number[][];
  readonly rowUp: number[][];
  readonly colUp: number[][];

  constructor(readonly g: Grid) {
    this.suppressed = new Uint8Array(g.R * g.C);
    this.rowCells = Array.from({ length: g.R }, () => []);
    this.colCells = Array.from({ length: g.C }, () => []);
    this.rowDown = Array.from({ length: g.R }, () => []);
    this.colDown = Array.from({ length: g.C }, () => []);
    this.rowUp = Array.from({ length: g.R }, () => []);
    this.colUp = Array.from({ length: g.C }, () => []);
    this.capUp = new Float64Array(g.R * g.C);
    this.capDown = new Float64Array(g.R * g.C);
    for (let k = 0; k < g.R * g.C; k++) {
      this.capUp[k] = capacity(g, k, 1);
      this.capDown[k] = capacity(g, k, -1);
    }
  }

  add(k: number): boolean {
    if (this.suppressed[k]) return false;
    this.suppressed[k] = 1;
    const r = (k / this.g.C) | 0;
    const c = k % this.g.C;
    this.rowCells[r].push(k);
    this.colCells[c].push(k);
    if (this.capDown[k] > 0) {
      this.rowDown[r].push(k);
      this.colDown[c].push(k);
    }
    if (this.capUp[k] > 0) {
      this.rowUp[r].push(k);
      this.colUp[c].push(k);
    }
    this.list.push(k);
    return true;
  }

  cap(k: number, s: number): number {
    return s > 0 ? this.capUp[k] : this.capDown[k];
  }
}
