import type { CountTable } from '../../electron/engine/disclosure/count-table';

import { mulberry32 } from '../support/seeded-random';

/**
 * A relocation matrix shaped like the real one: 581 municipalities plus 4 special
 * destinations (abroad, removed, deceased, unknown), origins and destinations drawn from a
 * Zipf-like gravity model, about 40% staying put. Most cells are zero or small: the hard
 * case for suppression. Also returns person keys per cell.
 */
export function municipalityTable(persons: number, seed: number, areas = 581, special = 4): CountTable & { keys: { cells: Uint32Array } } {
  const rand = mulberry32(seed);
  const rows = areas + special;
  const cols = areas + special;
  const weight = Array.from({ length: areas }, (_, i) => 1 / Math.pow(i + 1, 0.9));
  const cum: number[] = [];
  let s = 0;
  for (const w of weight) cum.push((s += w));
  const draw = () => {
    const x = rand() * s;
    let lo = 0;
    let hi = areas - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const counts = new Array<number>(rows * cols).fill(0);
  const keys = new Uint32Array(rows * cols);
  for (let p = 0; p < persons; p++) {
    const o = rand() < 0.02 ? areas + Math.floor(rand() * special) : draw();
    const u = rand();
    const d = u < 0.4 && o < areas ? o : u < 0.46 ? areas + Math.floor(rand() * special) : draw();
    const k = o * cols + d;
    counts[k]++;
    keys[k] = (keys[k] + Math.imul(p + 1, 0x9e3779b1)) >>> 0;
  }
  const rowTotals = new Array<number>(rows).fill(0);
  const colTotals = new Array<number>(cols).fill(0);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      rowTotals[r] += counts[r * cols + c];
      colTotals[c] += counts[r * cols + c];
    }
  return { rows, cols, counts, rowTotals, colTotals, total: persons, keys: { cells: keys } };
}
