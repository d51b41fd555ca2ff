import type { ProtectedCounts } from '../../../shared/disclosure/protection';
import type { Hierarchy } from './hierarchy';
import type { PersonCells } from './person-cells';

/**
 * One published table as the attacker holds it: every value of its (rows+1) × (cols+1) grid
 * (the last column the row totals, the last row the column totals, the corner the grand
 * total) and which persons stand behind each inner cell.
 *
 * What the attacker learns from a value:
 * - `halfWidth[k] = 0`: the exact count (published as counted);
 * - `halfWidth[k] = h > 0`: the count lies within ±h of `value[k]` (rounded: base − 1;
 *   perturbed: the perturbation table's largest noise);
 * - `value[k]` NaN: nothing (suppressed).
 * `sensitive[k]` marks a protected cell (primary or class) whose attacker interval must stay
 * at least `threshold` wide for as long as the extract exists.
 */
export interface LedgerTable {
  /** Audit number of the release this table belongs to; 0 for the release being protected. */
  release: number;
  /** Index of the table within its release. */
  index: number;
  rows: number;
  cols: number;
  threshold: number;
  value: Float64Array;
  halfWidth: Float64Array;
  sensitive: Uint8Array;
  personCells: PersonCells;
  /** Level and vintage of an area × area matrix: it implies the coarser levels' matrices. */
  hierarchy: Hierarchy;
}

/** The grid index of inner cell (r, c), row total r, column total c and the grand total. */
export const gridIndex = (t: { cols: number }, r: number, c: number): number => r * (t.cols + 1) + c;

/** Noise an attacker must allow for under each status character ('.' exact, 'r' rounded, …). */
export function halfWidthOf(status: string, roundingBase: number | null, perturbationNoise: number): number {
  if (status === 'r') return (roundingBase ?? 1) - 1;
  if (status === 'n') return perturbationNoise;
  return 0;
}

/** The ledger's view of a protected table as it leaves the app. */
export function ledgerTableOf(p: ProtectedCounts, personCells: PersonCells, release: number, index: number, perturbationNoise: number, hierarchy: Hierarchy = null): LedgerTable {
  const R = p.rows + 1;
  const C = p.cols + 1;
  const value = new Float64Array(R * C);
  const halfWidth = new Float64Array(R * C);
  const sensitive = new Uint8Array(R * C);
  const put = (k: number, v: number | null, status: string) => {
    value[k] = v === null ? NaN : v;
    halfWidth[k] = v === null ? 0 : halfWidthOf(status, p.roundingBase, perturbationNoise);
    sensitive[k] = status === 'p' || status === 'k' ? 1 : 0;
  };
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) put(r * C + c, p.cells[r * p.cols + c], p.cellStatus[r * p.cols + c]);
    put(r * C + p.cols, p.rowTotals[r], p.rowStatus[r]);
  }
  for (let c = 0; c < p.cols; c++) put(p.rows * C + c, p.colTotals[c], p.colStatus[c]);
  put(R * C - 1, p.total, p.totalStatus);
  return { release, index, rows: p.rows, cols: p.cols, threshold: p.threshold, value, halfWidth, sensitive, personCells, hierarchy };
}
