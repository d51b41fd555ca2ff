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

  constructor(readonly g: Grid) {
    this.suppressed = new Uint8Array(g.R * g.C);
    this.rowCells = Array.from({ length: g.R }, () => []);
    this.colCells = Array.from({ length: g.C }, () => []);
  }

  add(k: number): boolean {
    if (this.suppressed[k]) return false;
    this.suppressed[k] = 1;
    this.rowCells[(k / this.g.C) | 0].push(k);
    this.colCells[k % this.g.C].push(k);
    this.list.push(k);
    return true;
  }

  cap(k: number, s: number): number {
    return capacity(this.g, k, s);
  }
}
