import type { UiLanguage } from '../../../../shared/api/localized';
import type { MatrixResult } from '../../../../shared/matrix/matrix-definition';
import { type NameLanguage, areaName } from './area-order';

import { type ProtectedCounts, type ProtectionReason, reasonOfChar } from '../../../../shared/disclosure/protection';

/** Why disclosure control will protect a cell on export (as the disclosure module reports it). */
export type ProtectReason = ProtectionReason;

/** Flags of a matrix: row-major cells plus margins; null = published as is. */
export interface CellFlags {
  cells: (ProtectReason | null)[];
  rowTotals: (ProtectReason | null)[];
  colTotals: (ProtectReason | null)[];
  total: ProtectReason | null;
}

/** The numbers a grid shows for one measure: row-major cells and the margins, NaN where undefined. */
export interface MeasureValues {
  cells: ArrayLike<number>;
  rowTotals: ArrayLike<number>;
  colTotals: ArrayLike<number>;
  total: number;
  /** Whether the values are fractions (shown as percentages) or counts. */
  percent: boolean;
}

/** In, out and net per area code, from the derived measures. */
export type AreaFlows = Map<string, { inflow: number; outflow: number; net: number }>;

export interface GridRow {
  id: string;
  code: string;
  name: string;
  special: boolean;
  /** Values in the chosen measure, one per matrix column. */
  values: number[];
  /** The counts behind them (for tooltips and checks). */
  counts: number[];
  flags: (ProtectReason | null)[];
  total: number;
  totalCount: number;
  totalFlag: ProtectReason | null;
  inflow: number | null;
  outflow: number | null;
  net: number | null;
}

export interface GridModel {
  rows: GridRow[];
  /** The pinned totals row (column totals and the grand total). */
  totalRow: GridRow;
  columns: { index: number; code: string; name: string; special: boolean }[];
}

const nan = (v: number | undefined): number => (v === undefined || !Number.isFinite(v) ? NaN : v);

/**
 * Turns a computed matrix into grid rows: one per origin, each with its values in the chosen
 * measure, the row total and the area's in/out/net; plus a pinned totals row. Columns are
 * addressed by index (field `c{j}`), so 600 columns cost no per-row object keys.
 */
export function buildGridModel(
  result: MatrixResult,
  values: MeasureValues,
  flows: AreaFlows,
  flags: CellFlags | null,
  nameLang: NameLanguage,
  totalLabel: string,
  uiLang: UiLanguage = 'nl',
): GridModel {
  const nCols = result.cols.length;
  const rows: GridRow[] = result.rows.map((area, r) => {
    const values_: number[] = new Array(nCols);
    const counts: number[] = new Array(nCols);
    const rowFlags: (ProtectReason | null)[] = new Array(nCols);
    for (let c = 0; c < nCols; c++) {
      const i = r * nCols + c;
      values_[c] = nan(values.cells[i]);
      counts[c] = result.counts[i];
      rowFlags[c] = flags?.cells[i] ?? null;
    }
    const f = area.special ? undefined : flows.get(area.code);
    return {
      id: `r:${area.code}`,
      code: area.code,
      name: areaName(area, nameLang, uiLang),
      special: area.special,
      values: values_,
      counts,
      flags: rowFlags,
      total: nan(values.rowTotals[r]),
      totalCount: result.rowTotals[r],
      totalFlag: flags?.rowTotals[r] ?? null,
      inflow: f ? f.inflow : null,
      outflow: f ? f.outflow : null,
      net: f ? f.net : null,
    };
  });
  const totalRow: GridRow = {
    id: 'total',
    code: 'TOTAL',
    name: totalLabel,
    special: false,
    values: result.cols.map((_, c) => nan(values.colTotals[c])),
    counts: [...result.colTotals],
    flags: result.cols.map((_, c) => flags?.colTotals[c] ?? null),
    total: nan(values.total),
    totalCount: result.total,
    totalFlag: flags?.total ?? null,
    inflow: null,
    outflow: null,
    net: null,
  };
  const columns = result.cols.map((area, index) => ({ index, code: area.code, name: areaName(area, nameLang, uiLang), special: area.special }));
  return { rows, totalRow, columns };
}

/** Counts per reason, for the legend ("12 cells will be suppressed"). */
export function countFlags(flags: CellFlags | null): Record<ProtectReason, number> {
  const out: Record<ProtectReason, number> = { primary: 0, secondary: 0, class: 0, rounded: 0, linked: 0, perturbed: 0 };
  if (!flags) return out;
  for (const list of [flags.cells, flags.rowTotals, flags.colTotals, [flags.total]]) {
    for (const f of list) if (f) out[f] += 1;
  }
  return out;
}

/** The flags of a table after disclosure control, from its status strings. */
export function flagsFromProtected(t: ProtectedCounts): CellFlags {
  const read = (status: string): (ProtectReason | null)[] => Array.from(status, reasonOfChar);
  return { cells: read(t.cellStatus), rowTotals: read(t.rowStatus), colTotals: read(t.colStatus), total: reasonOfChar(t.totalStatus) };
}

/**
 * Counts as the outputs publish them where the policy rounds or perturbs: a rounded or perturbed
 * cell or margin shows its published value (the same number the export and the clipboard carry).
 * Suppressed cells keep their count on screen, marked; percentages are left as computed.
 */
export function withPublishedCounts(values: MeasureValues, t: ProtectedCounts | null): MeasureValues {
  if (values.percent || !t || (t.method !== 'rounding' && t.method !== 'perturbation')) return values;
  const mark = t.method === 'rounding' ? 'r' : 'n';
  const pick = (src: ArrayLike<number>, status: string, published: (number | null)[]): number[] =>
    Array.from(src, (v, i) => (status[i] === mark && published[i] !== null && published[i] !== undefined ? (published[i] as number) : v));
  return {
    ...values,
    cells: pick(values.cells, t.cellStatus, t.cells),
    rowTotals: pick(values.rowTotals, t.rowStatus, t.rowTotals),
    colTotals: pick(values.colTotals, t.colStatus, t.colTotals),
    total: t.totalStatus === mark && t.total !== null ? t.total : values.total,
  };
}
