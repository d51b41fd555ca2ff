import type { Highs } from 'highs';
import type { ProtectedCounts } from '../../../shared/disclosure/protection';
import type { CountTable } from './count-table';

const BOX = 1e9;

export interface CellInterval {
  /** Grid index: row r, column c of the (rows+1) × (cols+1) grid (last row/column = totals). */
  cell: number;
  min: number;
  max: number;
}

/**
 * The attacker's view, solved as linear programmes with HiGHS: the suppressed cells are
 * unknowns x ≥ 0, every row and column of the table with its total gives one equation,
 * and each unknown is minimised and maximised in turn (one persistent model; only the
 * objective changes, so each solve starts from the previous basis).
 * This is the independent check of the flow computation in interval-flow.ts: tests run
 * both on random tables; the bench times it as the peer. `limit` solves only the first cells.
 */
export function lpIntervals(highs: Highs, t: CountTable, p: ProtectedCounts, limit = Infinity): CellInterval[] {
  const R = t.rows + 1;
  const C = t.cols + 1;
  const gridValue = (r: number, c: number): number | null => {
    if (r < t.rows && c < t.cols) return p.cells[r * t.cols + c];
    if (r < t.rows) return p.rowTotals[r];
    if (c < t.cols) return p.colTotals[c];
    return p.total;
  };
  const varOf = new Int32Array(R * C).fill(-1);
  const cellOf: number[] = [];
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) {
      if (gridValue(r, c) !== null) continue;
      varOf[r * C + c] = cellOf.length;
      cellOf.push(r * C + c);
    }
  const n = cellOf.length;
  if (n === 0) return [];
  // Each grid row r: Σ inner − total = 0 (sign −1 on the last column); likewise each grid column.
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rhs: number[] = [];
  const equation = (cells: Array<[number, number]>) => {
    let known = 0;
    const entries: Array<[number, number]> = [];
    for (const [k, sign] of cells) {
      const v = varOf[k];
      if (v >= 0) entries.push([v, sign]);
      else known += sign * (gridValue((k / C) | 0, k % C) as number);
    }
    if (entries.length === 0) return;
    entries.sort((a, b) => a[0] - b[0]);
    for (const [v, sign] of entries) {
      indices.push(v);
      values.push(sign);
    }
    starts.push(indices.length);
    rhs.push(-known);
  };
  for (let r = 0; r < R; r++) {
    const cells: Array<[number, number]> = [];
    for (let c = 0; c < C; c++) cells.push([r * C + c, c === C - 1 ? -1 : 1]);
    equation(cells);
  }
  for (let c = 0; c < C; c++) {
    const cells: Array<[number, number]> = [];
    for (let r = 0; r < R; r++) cells.push([r * C + c, r === R - 1 ? -1 : 1]);
    equation(cells);
  }
  const m = rhs.length;
  const model = highs.createModel({
    numCols: n,
    numRows: m,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    // A finite box keeps every programme bounded (HiGHS' warm-started simplex can end
    // "unknown" on an unbounded ray); reaching the box means unbounded.
    colUpper: new Float64Array(n).fill(BOX),
    rowLower: rhs,
    rowUpper: rhs,
    matrix: { format: 'csr', numRows: m, numCols: n, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, presolve: 'off' });
    const out: CellInterval[] = [];
    const { minimize, maximize } = highs.constants.objectiveSense;
    const status = highs.constants.modelStatus;
    for (let v = 0; v < Math.min(n, limit); v++) {
      model.changeColCost(v, 1);
      model.changeObjectiveSense(minimize);
      model.run();
      if (model.getModelStatus() !== status.optimal) throw new Error('attacker LP has no optimum (min)');
      const min = model.getObjectiveValue();
      model.changeObjectiveSense(maximize);
      model.run();
      if (model.getModelStatus() !== status.optimal) throw new Error('attacker LP has no optimum (max)');
      const top = model.getObjectiveValue();
      const max = top >= BOX / 2 ? Infinity : top;
      model.changeColCost(v, 0);
      out.push({ cell: cellOf[v], min, max });
    }
    return out;
  } finally {
    model.dispose();
  }
}
