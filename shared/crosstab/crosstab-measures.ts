/** What a cross-tab cell shows: the count, or its share of the row, the column or the table. */
export const CROSSTAB_MEASURES = ['counts', 'rowPercent', 'colPercent', 'totalPercent'] as const;
export type CrosstabMeasure = (typeof CROSSTAB_MEASURES)[number];

export interface CountsGrid {
  rows: number;
  cols: number;
  counts: ArrayLike<number>;
  rowTotals: ArrayLike<number>;
  colTotals: ArrayLike<number>;
  total: number;
}

/**
 * Value of inner cell (r, c) in a measure; r = rows means the column-total row, c = cols
 * the row-total column. Shares are fractions (0..1); NaN where the denominator is 0.
 */
export function measureValue(t: CountsGrid, r: number, c: number, m: CrosstabMeasure): number {
  const count = r === t.rows ? (c === t.cols ? t.total : t.colTotals[c]) : c === t.cols ? t.rowTotals[r] : t.counts[r * t.cols + c];
  if (m === 'counts') return count;
  const denominator = m === 'rowPercent' ? (r === t.rows ? t.total : t.rowTotals[r]) : m === 'colPercent' ? (c === t.cols ? t.total : t.colTotals[c]) : t.total;
  return denominator > 0 ? count / denominator : NaN;
}
