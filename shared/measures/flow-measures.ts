import { rowTotals, colTotals, type Counts } from './matrix-totals';

/**
 * Per-area flow measures of a square relocation matrix (origin rows × destination columns).
 *
 * How the special rows and columns (Abroad, Ex-officio removed, Deceased, Unknown) enter:
 * - in/out of an area count every flow across its border, to and from special areas too:
 *   an exit abroad is an out-flow of the area, a return from abroad an in-flow.
 * - special areas get their own stayers, in, out and net like any row/column;
 * - the overall figures (migration effectiveness index, crude intensity) sum over the
 *   real areas only: pass `special` to mark which indices are special.
 * The diagonal (stayers) is never a flow.
 */
export interface AreaFlows {
  stayers: number[];
  /** stayers / row total (0..1), null when nobody started there. */
  retention: (number | null)[];
  inflow: number[];
  outflow: number[];
  /** inflow − outflow */
  net: number[];
  /** inflow + outflow */
  turnover: number[];
}

export function areaFlows(counts: Counts, n: number): AreaFlows {
  const rows = rowTotals(counts, n);
  const cols = colTotals(counts, n);
  const stayers = Array.from({ length: n }, (_, i) => counts[i * n + i]);
  const inflow = cols.map((t, i) => t - stayers[i]);
  const outflow = rows.map((t, i) => t - stayers[i]);
  return {
    stayers,
    retention: rows.map((t, i) => (t ? stayers[i] / t : null)),
    inflow,
    outflow,
    net: inflow.map((v, i) => v - outflow[i]),
    turnover: inflow.map((v, i) => v + outflow[i]),
  };
}

/** Net gain per 1,000 persons of the cohort, per area (null for an empty cohort). */
export function netRatePer1000(net: readonly number[], cohortSize: number): (number | null)[] {
  return net.map((v) => (cohortSize > 0 ? (1000 * v) / cohortSize : null));
}

/**
 * Migration effectiveness index: 100·Σ|I−O| / Σ(I+O) over the real areas (0 = flows
 * balance out, 100 = all one-way). Null when there are no flows.
 */
export function migrationEffectiveness(flows: AreaFlows, special: readonly boolean[] = []): number | null {
  let num = 0;
  let den = 0;
  flows.inflow.forEach((i, k) => {
    if (special[k]) return;
    num += Math.abs(i - flows.outflow[k]);
    den += i + flows.outflow[k];
  });
  return den ? (100 * num) / den : null;
}

/** Per area: 100·(I−O)/(I+O), signed (positive = net gain); null without flows. */
export function areaEffectiveness(flows: AreaFlows): (number | null)[] {
  return flows.inflow.map((i, k) => {
    const t = i + flows.outflow[k];
    return t ? (100 * (i - flows.outflow[k])) / t : null;
  });
}

/**
 * Crude migration intensity: moves between distinct areas (every off-diagonal count,
 * exits and returns included) per 100 persons at risk (usually the cohort size).
 */
export function crudeMigrationIntensity(counts: Counts, n: number, population: number): number | null {
  if (population <= 0) return null;
  let moves = 0;
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (r !== c) moves += counts[r * n + c];
  return (100 * moves) / population;
}
