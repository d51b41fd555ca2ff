import type { CountTable } from '../../electron/engine/disclosure/count-table';

/**
 * Independent check by explicit Gaussian elimination (as GaussSuppression does): the
 * matrix X relates every grid cell (inner cells, margins, total) to the inner cells; a
 * suppressed grid cell is exactly recomputable when its column lies in the span of the
 * published columns. Grid indices as in count-table.ts. Small tables only.
 */
export function derivableByElimination(t: CountTable, suppressed: (k: number) => boolean): number[] {
  const R = t.rows + 1;
  const C = t.cols + 1;
  const n = t.rows * t.cols;
  const column = (k: number): number[] => {
    const r = (k / C) | 0;
    const c = k % C;
    const v = new Array<number>(n).fill(0);
    for (let i = 0; i < t.rows; i++)
      for (let j = 0; j < t.cols; j++) if ((r === t.rows || r === i) && (c === t.cols || c === j)) v[i * t.cols + j] = 1;
    return v;
  };
  // Row-echelon basis of the published columns.
  const basis: { pivot: number; v: number[] }[] = [];
  const reduce = (v: number[]) => {
    for (const b of basis) {
      const f = v[b.pivot];
      if (Math.abs(f) > 1e-9) for (let i = 0; i < n; i++) v[i] -= f * b.v[i];
    }
    return v;
  };
  for (let k = 0; k < R * C; k++) {
    if (suppressed(k)) continue;
    const v = reduce(column(k));
    const pivot = v.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot < 0) continue;
    const p = v[pivot];
    for (let i = 0; i < n; i++) v[i] /= p;
    for (const b of basis) {
      const f = b.v[pivot];
      if (Math.abs(f) > 1e-9) for (let i = 0; i < n; i++) b.v[i] -= f * v[i];
    }
    basis.push({ pivot, v });
  }
  const out: number[] = [];
  for (let k = 0; k < R * C; k++) if (suppressed(k) && reduce(column(k)).every((x) => Math.abs(x) < 1e-9)) out.push(k);
  return out;
}
