import type { MatrixResult } from '../../../../shared/matrix/matrix-definition';
import type { AreaFlows, GridModel, MeasureValues } from './grid-rows';

/** The exits: a person can end there, but in a state matrix hardly start there (only with an origin date). */
const EXIT_CODES = new Set(['ABROAD', 'RADIATED', 'DECEASED']);

export interface GridViewOptions {
  /** Leave out rows and columns whose total is zero. */
  hideEmpty: boolean;
}

/**
 * What the grid shows of a model: rows and columns with nothing in them hidden on request,
 * and, in a state matrix, the exit rows (abroad, removed, deceased) left out whenever they are
 * empty: at the decision nobody is abroad or deceased, so they would be rows of zeros.
 * Totals stay those of the whole matrix.
 */
export function visibleGrid(model: GridModel, result: MatrixResult, options: GridViewOptions): GridModel {
  const state = result.definition.kind === 'state';
  const rows = model.rows.filter((row, r) => {
    const empty = result.rowTotals[r] === 0;
    if (empty && options.hideEmpty) return false;
    return !(empty && state && EXIT_CODES.has(row.code));
  });
  const columns = options.hideEmpty ? model.columns.filter((c) => result.colTotals[c.index] !== 0) : model.columns;
  return rows.length === model.rows.length && columns.length === model.columns.length ? model : { ...model, rows, columns };
}

/**
 * In, out and net from the counts as published: under rounding the margins and cells on screen
 * are the rounded ones, so the flows beside them are derived from those (in = column total −
 * stayers, out = row total − stayers, net = in − out), never from the exact counts.
 */
export function publishedFlows(result: MatrixResult, values: MeasureValues, exact: AreaFlows): AreaFlows {
  const n = result.rows.length;
  const sameAxes = n === result.cols.length && result.rows.every((a, i) => a.code === result.cols[i].code);
  if (values.percent || !sameAxes) return exact;
  const out: AreaFlows = new Map();
  for (let i = 0; i < n; i++) {
    const stayers = values.cells[i * n + i];
    const inflow = values.colTotals[i] - stayers;
    const outflow = values.rowTotals[i] - stayers;
    out.set(result.rows[i].code, { inflow, outflow, net: inflow - outflow });
  }
  return out;
}
