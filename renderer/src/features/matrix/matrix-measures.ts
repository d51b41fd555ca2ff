import type { MatrixResult } from '../../../../shared/matrix/matrix-definition';
import type { Area } from '../../../../shared/geo/area-level';
import { areaFlows, colPercentages, netRatePer1000, rowPercentages, topCorridors } from '../../../../shared/measures';
import type { AreaFlows, MeasureValues } from './grid-rows';

/**
 * The derived measures the matrix screens show, computed by the shared measures module
 * (which works on square matrices: the same areas as rows and columns). This adapter only
 * squares the engine's matrix and maps the answers back to area codes.
 */
export type CellMeasure = 'counts' | 'rowPct' | 'colPct';

export interface Corridor {
  origin: Area;
  destination: Area;
  flow: number;
  counterFlow: number;
  net: number;
}

export interface MatrixMeasures {
  values: (measure: CellMeasure) => MeasureValues;
  flows: AreaFlows;
  /** Stayers / persons at the start, per area code. */
  retention: Map<string, number>;
  /** Net gain per 1,000 persons of the cohort, per area code. */
  netRatePer1000: Map<string, number>;
  /** The top n corridors; `pairsOnce` lists each pair in its larger direction, `withoutExits` leaves out special areas. */
  corridors: (n: number, options?: { pairsOnce?: boolean; withoutExits?: boolean }) => Corridor[];
}

/** The matrix on the union of its row and column areas (rows' order first), missing cells zero. */
export function squareMatrix(m: MatrixResult): { areas: Area[]; counts: number[] } {
  const sameAxes = m.rows.length === m.cols.length && m.rows.every((a, i) => a.code === m.cols[i].code);
  if (sameAxes) return { areas: m.rows, counts: m.counts };
  const areas = [...m.rows];
  const index = new Map(areas.map((a, i) => [a.code, i]));
  for (const a of m.cols) if (!index.has(a.code)) index.set(a.code, areas.push(a) - 1);
  const n = areas.length;
  const counts = new Array<number>(n * n).fill(0);
  const nC = m.cols.length;
  for (let r = 0; r < m.rows.length; r++) {
    for (let c = 0; c < nC; c++) counts[r * n + index.get(m.cols[c].code)!] = m.counts[r * nC + c];
  }
  return { areas, counts };
}

const fraction = (pct: number | null): number => (pct === null ? NaN : pct / 100);

export function matrixMeasures(m: MatrixResult): MatrixMeasures {
  const sq = squareMatrix(m);
  const n = sq.areas.length;
  const f = areaFlows(sq.counts, n);
  const rates = netRatePer1000(f.net, m.cohortSize);
  const flows: AreaFlows = new Map();
  const retention = new Map<string, number>();
  const netRate = new Map<string, number>();
  sq.areas.forEach((a, i) => {
    flows.set(a.code, { inflow: f.inflow[i], outflow: f.outflow[i], net: f.net[i] });
    const ret = f.retention[i];
    if (ret !== null) retention.set(a.code, ret);
    const rate = rates[i];
    if (rate !== null) netRate.set(a.code, rate);
  });
  // Percentages in the square layout, read back at the engine's (rows × cols) positions.
  const sqIndex = new Map(sq.areas.map((a, i) => [a.code, i]));
  const rowPos = m.rows.map((a) => sqIndex.get(a.code)!);
  const colPos = m.cols.map((a) => sqIndex.get(a.code)!);
  const project = (square: (number | null)[]): Float64Array => {
    const out = new Float64Array(m.rows.length * m.cols.length);
    for (let r = 0; r < m.rows.length; r++) {
      for (let c = 0; c < m.cols.length; c++) out[r * m.cols.length + c] = fraction(square[rowPos[r] * n + colPos[c]]);
    }
    return out;
  };
  const share = (v: number): number => (m.total > 0 ? v / m.total : NaN);
  const whole = (t: number): number => (t > 0 ? 1 : NaN);
  const values = (measure: CellMeasure): MeasureValues => {
    if (measure === 'counts') return { cells: m.counts, rowTotals: m.rowTotals, colTotals: m.colTotals, total: m.total, percent: false };
    if (measure === 'rowPct') {
      return { cells: project(rowPercentages(sq.counts, n)), rowTotals: m.rowTotals.map(whole), colTotals: m.colTotals.map(share), total: whole(m.total), percent: true };
    }
    return { cells: project(colPercentages(sq.counts, n)), rowTotals: m.rowTotals.map(share), colTotals: m.colTotals.map(whole), total: whole(m.total), percent: true };
  };
  const special = sq.areas.map((a) => a.special);
  const corridors = (top: number, options: { pairsOnce?: boolean; withoutExits?: boolean } = {}): Corridor[] =>
    topCorridors(sq.counts, n, top, { special, includeSpecial: !options.withoutExits, pairsOnce: options.pairsOnce }).map((c) => ({ origin: sq.areas[c.from], destination: sq.areas[c.to], flow: c.flow, counterFlow: c.counterFlow, net: c.net }));
  return { values, flows, retention, netRatePer1000: netRate, corridors };
}
