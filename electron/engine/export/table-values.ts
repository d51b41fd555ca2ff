import type { PercentValue } from '../../../shared/disclosure/percent-table';
import type { OutputTable } from './table-writer';

/**
 * One value of an output table as every writer lays it out: a count, a percentage (a fraction,
 * rounded to 0.1 percentage point so the file stores what it shows), a protected value
 * (written as [c]) or nothing (a percentage of a zero denominator).
 */
export type OutputValue = { kind: 'count'; value: number } | { kind: 'percent'; value: number } | { kind: 'protected' } | { kind: 'empty' };

/** A fraction rounded to one decimal of its percentage: 0.428571 → 0.429. */
export const roundPercent = (fraction: number): number => Math.round(fraction * 1000) / 1000;

const ofCount = (v: number | null): OutputValue => (v === null ? { kind: 'protected' } : { kind: 'count', value: v });
const ofPercent = (v: PercentValue): OutputValue =>
  v === 'protected' ? { kind: 'protected' } : v === 'undefined' ? { kind: 'empty' } : { kind: 'percent', value: roundPercent(v) };

/** The body of a table: its rows (cells then the row total), then the totals row. */
export function tableValues(t: OutputTable): { rows: OutputValue[][]; totals: OutputValue[] } {
  const p = t.table;
  const pct = t.percent;
  const rows: OutputValue[][] = [];
  for (let r = 0; r < p.rows; r++) {
    const row: OutputValue[] = [];
    for (let c = 0; c < p.cols; c++) {
      const k = r * p.cols + c;
      row.push(pct ? ofPercent(pct.cells[k]) : ofCount(p.cells[k]));
    }
    row.push(pct ? ofPercent(pct.rowTotals[r]) : ofCount(p.rowTotals[r]));
    rows.push(row);
  }
  const totals: OutputValue[] = [];
  for (let c = 0; c < p.cols; c++) totals.push(pct ? ofPercent(pct.colTotals[c]) : ofCount(p.colTotals[c]));
  totals.push(pct ? ofPercent(pct.total) : ofCount(p.total));
  return { rows, totals };
}

/** A percentage for text outputs: 0.429 → "42,9%" (decimal comma) or "42.9%". */
export function percentText(fraction: number, decimalComma: boolean): string {
  const s = (roundPercent(fraction) * 100).toFixed(1);
  return (decimalComma ? s.replace('.', ',') : s) + '%';
}
