/**
 * Exact derivability by Gaussian elimination (GaussSuppression's test): a quantity is
 * derivable from the published values exactly when its vector lies in the span of theirs.
 *
 * Arithmetic is modulo a prime below 2^26, so products stay exact in doubles and no
 * fraction grows. A vector outside the rational span can only look inside it modulo p
 * (rank can only drop), which errs towards more protection. The converse needs p to divide
 * a determinant of the constraint matrix: with 0/1 rows and p ≈ 6.7·10^7 we accept that.
 *
 * Rows are kept in echelon form with the pivot at each row's smallest variable, so reducing a
 * vector walks its variables in increasing order and never revisits one.
 */
export const PRIME = 67_108_859;

const mod = (x: number) => {
  const r = x % PRIME;
  return r < 0 ? r + PRIME : r;
};

const mulmod = (a: number, b: number) => {
  // a, b < 2^26: split b so every partial product stays below 2^53.
  const hi = Math.floor(b / 65536);
  const lo = b - hi * 65536;
  return mod(mod(a * hi) * 65536 + a * lo);
};

export function invmod(a: number): number {
  let [t, newT, r, newR] = [0, 1, PRIME, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

export interface SparseRow {
  /** Variables, ascending. */
  vars: Int32Array;
  /** Coefficients modulo PRIME, none zero. */
  vals: Float64Array;
}

export class EchelonBasis {
  /** Row with its pivot at each variable, if any. */
  private readonly pivotRow = new Map<number, SparseRow>();
  private readonly acc: Float64Array;
  private readonly inHeap: Uint8Array;

  constructor(variables: number) {
    this.acc = new Float64Array(variables);
    this.inHeap = new Uint8Array(variables);
  }

  get rank(): number {
    return this.pivotRow.size;
  }

  /** Adds a row; returns false when it was already in the span. */
  add(vars: ArrayLike<number>, vals: ArrayLike<number>): boolean {
    const r = this.reduce(vars, vals);
    if (r.vars.length === 0) return false;
    // Normalise so the pivot coefficient is 1.
    const inv = invmod(r.vals[0]);
    for (let i = 0; i < r.vals.length; i++) r.vals[i] = mulmod(r.vals[i], inv);
    this.pivotRow.set(r.vars[0], r);
    return true;
  }

  /** True when the vector is a linear combination of the rows. */
  contains(vars: ArrayLike<number>, vals: ArrayLike<number>): boolean {
    return this.reduce(vars, vals).vars.length === 0;
  }

  /** The remainder of a vector after eliminating every pivot variable. */
  reduce(vars: ArrayLike<number>, vals: ArrayLike<number>): SparseRow {
    const acc = this.acc;
    const heap = new MinHeap();
    for (let i = 0; i < vars.length; i++) {
      const v = vars[i];
      acc[v] = mod(acc[v] + mod(vals[i]));
      if (!this.inHeap[v]) {
        this.inHeap[v] = 1;
        heap.push(v);
      }
    }
    const outVars: number[] = [];
    const outVals: number[] = [];
    while (heap.size > 0) {
      const v = heap.pop();
      this.inHeap[v] = 0;
      const x = acc[v];
      acc[v] = 0;
      if (x === 0) continue;
      const row = this.pivotRow.get(v);
      if (!row) {
        outVars.push(v);
        outVals.push(x);
        continue;
      }
      // acc −= x · row (the row's pivot coefficient is 1, so v cancels).
      for (let i = 1; i < row.vars.length; i++) {
        const w = row.vars[i];
        acc[w] = mod(acc[w] - mulmod(x, row.vals[i]));
        if (!this.inHeap[w]) {
          this.inHeap[w] = 1;
          heap.push(w);
        }
      }
    }
    return { vars: Int32Array.from(outVars), vals: Float64Array.from(outVals) };
  }
}

/** A binary min-heap of variable numbers. */
class MinHeap {
  private a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  push(x: number): void {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): number {
    const a = this.a;
    const top = a[0];
    const last = a.pop() as number;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}
