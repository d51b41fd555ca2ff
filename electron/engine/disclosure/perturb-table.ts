import type { CountTable, Grid } from './count-table';
import { perturbCount } from './cell-key';

/**
 * Cell-key perturbation of a whole grid (inner cells, margins, grand total): each value is
 * perturbed on its own key, so margins are NOT the sums of the published cells. The keys
 * must be the cell keys of the persons (cellKeysFromPersonCells over the workspace's secret
 * person keys) for every cell and margin: positional or public keys would give two
 * cohorts the same noise, and their difference would be exact again.
 *
 * Writes the published values into `published` and returns, per grid cell, whether the
 * value was perturbed (every non-zero count; zeros stay zero and are published as such).
 * Primary cells are not suppressed: the noise protects them (see docs/disclosure-control.md).
 */
export function perturbGrid(t: CountTable, g: Grid, published: Float64Array): Uint8Array {
  const k = t.keys;
  if (!k || !k.rowTotals || !k.colTotals || k.total === undefined) throw new Error('perturbation needs cell keys of every cell and margin');
  const keys = new Uint32Array(g.R * g.C);
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < t.cols; c++) keys[r * g.C + c] = k.cells[r * t.cols + c];
    keys[r * g.C + t.cols] = k.rowTotals[r];
  }
  for (let c = 0; c < t.cols; c++) keys[t.rows * g.C + c] = k.colTotals[c];
  keys[g.R * g.C - 1] = k.total;
  const perturbed = new Uint8Array(g.R * g.C);
  for (let i = 0; i < published.length; i++) {
    // No persons, nothing to perturb (an all-moves cell is empty exactly when it has no persons).
    if (g.value[i] === 0) continue;
    published[i] = perturbCount(g.value[i], keys[i]);
    perturbed[i] = 1;
  }
  return perturbed;
}
