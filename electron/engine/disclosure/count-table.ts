/**
 * The input of disclosure control: a rows × cols table of counts with its margins.
 * Counts are what gets published (persons, or moves for an all-moves matrix); `persons`
 * gives the distinct persons behind each count when they differ (moves), and the
 * threshold rule is applied to persons. `keys` identify the persons of each cell for
 * random rounding (an order-independent hash), so the same cell rounds the same way in
 * every table.
 */
export interface CountTable {
  rows: number;
  cols: number;
  /** Row-major: counts[r * cols + c]. */
  counts: ArrayLike<number>;
  rowTotals: ArrayLike<number>;
  colTotals: ArrayLike<number>;
  total: number;
  /** Distinct persons per cell and margin; omitted when every count is a count of persons. */
  persons?: { cells: ArrayLike<number>; rowTotals: ArrayLike<number>; colTotals: ArrayLike<number>; total: number };
  /**
   * Person keys per cell (and optionally margins) for keyed rounding. Under perturbation: the
   * cell keys of every cell AND margin from the secret person keys (cellKeysFromPersonCells).
   */
  keys?: { cells: ArrayLike<number>; rowTotals?: ArrayLike<number>; colTotals?: ArrayLike<number>; total?: number };
}

/**
 * The table with its margins as one (rows+1) × (cols+1) grid: the last row holds the
 * column totals, the last column the row totals, the corner the grand total.
 *
 * With y = x for inner cells and the grand total and y = −x for the margins, every row
 * and column of the grid sums to zero: the grid is a circulation on the complete
 * bipartite graph between row nodes and column nodes, one edge per cell. Everything an
 * attacker can derive from published cells follows from those node balances and x ≥ 0.
 */
export interface Grid {
  R: number;
  C: number;
  value: Float64Array;
  persons: Float64Array;
}

export function toGrid(t: CountTable): Grid {
  const R = t.rows + 1;
  const C = t.cols + 1;
  const value = new Float64Array(R * C);
  const persons = new Float64Array(R * C);
  const p = t.persons;
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < t.cols; c++) {
      value[r * C + c] = t.counts[r * t.cols + c];
      persons[r * C + c] = p ? p.cells[r * t.cols + c] : t.counts[r * t.cols + c];
    }
    value[r * C + t.cols] = t.rowTotals[r];
    persons[r * C + t.cols] = p ? p.rowTotals[r] : t.rowTotals[r];
  }
  for (let c = 0; c < t.cols; c++) {
    value[t.rows * C + c] = t.colTotals[c];
    persons[t.rows * C + c] = p ? p.colTotals[c] : t.colTotals[c];
  }
  value[R * C - 1] = t.total;
  persons[R * C - 1] = p ? p.total : t.total;
  return { R, C, value, persons };
}

/** A margin cell (row total or column total); the grand total behaves like an inner cell. */
export const isMargin = (g: Grid, k: number): boolean => {
  const lastRow = k >= (g.R - 1) * g.C;
  const lastCol = k % g.C === g.C - 1;
  return lastRow !== lastCol;
};

/**
 * How far y of cell k can move in direction s (+1 or −1) before x hits zero: inner cells
 * can grow without bound and shrink by their value; margins the other way round.
 */
export const capacity = (g: Grid, k: number, s: number): number => ((s > 0) === isMargin(g, k) ? g.value[k] : Infinity);

/** Checks the margins add up; disclosure control on an inconsistent table would be meaningless. */
export function checkTable(t: CountTable): void {
  const n = t.rows * t.cols;
  if (t.counts.length !== n || t.rowTotals.length !== t.rows || t.colTotals.length !== t.cols) throw new Error('table shape');
  let total = 0;
  for (let r = 0; r < t.rows; r++) {
    let s = 0;
    for (let c = 0; c < t.cols; c++) {
      const v = t.counts[r * t.cols + c];
      if (!(v >= 0) || !Number.isInteger(v)) throw new Error('counts must be non-negative integers');
      s += v;
    }
    if (s !== t.rowTotals[r]) throw new Error('row totals do not add up');
    total += s;
  }
  for (let c = 0; c < t.cols; c++) {
    let s = 0;
    for (let r = 0; r < t.rows; r++) s += t.counts[r * t.cols + c];
    if (s !== t.colTotals[c]) throw new Error('column totals do not add up');
  }
  if (total !== t.total) throw new Error('grand total does not add up');
}
