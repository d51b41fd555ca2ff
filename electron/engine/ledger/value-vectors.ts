import type { Atoms } from './atoms';
import type { LedgerTable } from './ledger-table';

/** A published value (or protected cell) as a weighted sum of atoms: Σ coef[i] · size(atoms[i]). */
export interface AtomVector {
  atoms: Int32Array;
  coef: Float64Array;
}

const EMPTY: AtomVector = { atoms: new Int32Array(0), coef: new Float64Array(0) };

/**
 * Every grid value of a table (inner cells, row totals, column totals, grand total) as a
 * vector over atoms, atoms ascending. Computed once per table: suppression decides which of
 * them the attacker sees, not what they are.
 */
export function tableVectors(t: LedgerTable, atoms: Atoms, ti: number, scratch: Float64Array): AtomVector[] {
  const e = atoms.entries[ti];
  const inner = t.rows * t.cols;
  const byCell: Array<number[] | undefined> = new Array(inner);
  for (let a = 0; a < atoms.count; a++) {
    for (let i = e.start[a]; i < e.start[a + 1]; i++) {
      (byCell[e.cell[i]] ??= []).push(a, e.weight[i]);
    }
  }
  const C = t.cols + 1;
  const out: AtomVector[] = new Array((t.rows + 1) * C).fill(EMPTY);
  const touched: number[] = [];
  const collect = (cells: Iterable<number>): AtomVector => {
    for (const cell of cells) {
      const list = byCell[cell];
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        if (scratch[list[i]] === 0) touched.push(list[i]);
        scratch[list[i]] += list[i + 1];
      }
    }
    if (touched.length === 0) return EMPTY;
    touched.sort((x, y) => x - y);
    const v: AtomVector = { atoms: Int32Array.from(touched), coef: new Float64Array(touched.length) };
    for (let i = 0; i < touched.length; i++) {
      v.coef[i] = scratch[touched[i]];
      scratch[touched[i]] = 0;
    }
    touched.length = 0;
    return v;
  };
  const range = function* (from: number, to: number, step = 1) {
    for (let i = from; i < to; i += step) yield i;
  };
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < t.cols; c++) out[r * C + c] = collect([r * t.cols + c]);
    out[r * C + t.cols] = collect(range(r * t.cols, (r + 1) * t.cols));
  }
  for (let c = 0; c < t.cols; c++) out[t.rows * C + c] = collect(range(c, inner, t.cols));
  out[out.length - 1] = collect(range(0, inner));
  return out;
}

/** True size of a vector's persons-weighted sum (the value as counted). */
export function vectorValue(v: AtomVector, size: Int32Array): number {
  let s = 0;
  for (let i = 0; i < v.atoms.length; i++) s += v.coef[i] * size[v.atoms[i]];
  return s;
}
