import { z } from 'zod';
import type { ProtectedCounts } from './protection';

/** What a matrix cell shows (the "Maat" on screen) and what an export writes. */
export const CellMeasure = z.enum(['counts', 'rowPct', 'colPct']);
export type CellMeasure = z.infer<typeof CellMeasure>;
export type PercentMeasure = Exclude<CellMeasure, 'counts'>;

/**
 * One percentage of a protected table: a fraction (0..1), 'protected' when its numerator or
 * denominator is not published as counted (suppressed, rounded, perturbed, linked), or
 * 'undefined' when the published denominator is zero.
 */
export type PercentValue = number | 'protected' | 'undefined';

export interface PercentTable {
  measure: PercentMeasure;
  /** Row-major, like ProtectedCounts.cells. */
  cells: PercentValue[];
  rowTotals: PercentValue[];
  colTotals: PercentValue[];
  total: PercentValue;
  /** How many percentages are protected (for the legend and the metadata). */
  protectedCount: number;
}

/**
 * num / den from published values only. A status other than '.' means the value is not the
 * exact count (any reason, including ones added later): the ratio would reveal or refine a
 * protected value, so it is protected itself.
 */
function ratio(num: number | null, numStatus: string | undefined, den: number | null, denStatus: string | undefined): PercentValue {
  if (num === null || den === null || numStatus !== '.' || denStatus !== '.') return 'protected';
  if (den === 0) return 'undefined';
  return num / den;
}

/**
 * Row or column percentages of a protected table. Row %: cell / its row total; the row-total
 * column is row total / itself (100 %); the totals row is column total / grand total.
 * Column % is the transpose. Computed from the published values and statuses alone.
 */
export function percentTable(t: ProtectedCounts, measure: PercentMeasure): PercentTable {
  const cells: PercentValue[] = new Array<PercentValue>(t.rows * t.cols);
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < t.cols; c++) {
      const k = r * t.cols + c;
      cells[k] =
        measure === 'rowPct'
          ? ratio(t.cells[k], t.cellStatus[k], t.rowTotals[r], t.rowStatus[r])
          : ratio(t.cells[k], t.cellStatus[k], t.colTotals[c], t.colStatus[c]);
    }
  }
  const rowTotals: PercentValue[] = [];
  for (let r = 0; r < t.rows; r++) {
    rowTotals.push(
      measure === 'rowPct' ? ratio(t.rowTotals[r], t.rowStatus[r], t.rowTotals[r], t.rowStatus[r]) : ratio(t.rowTotals[r], t.rowStatus[r], t.total, t.totalStatus),
    );
  }
  const colTotals: PercentValue[] = [];
  for (let c = 0; c < t.cols; c++) {
    colTotals.push(
      measure === 'colPct' ? ratio(t.colTotals[c], t.colStatus[c], t.colTotals[c], t.colStatus[c]) : ratio(t.colTotals[c], t.colStatus[c], t.total, t.totalStatus),
    );
  }
  const total = ratio(t.total, t.totalStatus, t.total, t.totalStatus);
  let protectedCount = total === 'protected' ? 1 : 0;
  for (const list of [cells, rowTotals, colTotals]) for (const v of list) if (v === 'protected') protectedCount++;
  return { measure, cells, rowTotals, colTotals, total, protectedCount };
}
