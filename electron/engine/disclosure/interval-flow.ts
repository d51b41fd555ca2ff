import type { SuppressionState } from './suppression-state';

/**
 * The attacker's interval of a suppressed cell, computed as network flows.
 *
 * Raising y of cell e = (u, v) by δ must be balanced by other suppressed cells around a
 * cycle: the largest feasible δ is the maximum flow from column node v back to row node u
 * in the residual graph of the other suppressed cells (an arc row→col raises y of its cell,
 * col→row lowers it; inner cells may not drop below zero, margins may not rise above it).
 * This is exactly the optimum of the attacker's linear programme (the constraint matrix is
 * a network matrix), so width = maxRaise + maxLower, each found by augmenting paths.
 * We only need to know whether the width reaches T, so every search stops at T.
 */
export class IntervalFlow {
  private readonly flow: Float64Array;
  private readonly touched: number[] = [];
  private readonly seen: Int32Array;
  private stamp = 0;
  private readonly parentCell: Int32Array;
  private readonly parentDir: Int8Array;
  private readonly queue: Int32Array;
  private readonly used = new Map<number, number>();
  /** Total cells scanned by exact searches (work done beyond the quick bound). */
  exactVisits = 0;

  constructor(
    private readonly st: SuppressionState,
    /** Upper limit on cells scanned by one exact search; past it the flow so far is a lower bound. */
    private readonly visitBudget = Infinity,
  ) {
    const { R, C } = st.g;
    this.flow = new Float64Array(R * C);
    this.seen = new Int32Array(R + C);
    this.parentCell = new Int32Array(R + C);
    this.parentDir = new Int8Array(R + C);
    this.queue = new Int32Array(R + C);
  }

  /** True when the attacker's interval of suppressed cell e is at least T wide. */
  isProtected(e: number, T: number): boolean {
    const up = this.localShift(e, 1, T);
    if (up >= T) return true;
    const down = this.localShift(e, -1, T - up);
    if (up + down >= T) return true;
    const upExact = this.exactShift(e, 1, T);
    if (upExact >= T) return true;
    return upExact + this.exactShift(e, -1, T - upExact) >= T;
  }

  /** Width of the interval of e, capped at `limit` (exact, no budget); used by tests and diagnostics. */
  width(e: number, limit = Infinity): number {
    const up = this.exactShift(e, 1, limit, Infinity);
    if (up >= limit) return up;
    return up + this.exactShift(e, -1, limit - up, Infinity);
  }

  /**
   * A quick lower bound from 4-cycles e, (i,v), (i,j), (u,j): raising e lowers (i,v) and
   * (u,j) and raises (i,j) (for s = −1 the other way round). Each cell plays one role, so
   * greedily routed amounts with per-cell bookkeeping form a feasible flow.
   */
  localShift(e: number, s: number, need: number): number {
    const st = this.st;
    const C = st.g.C;
    const u = (e / C) | 0;
    const v = e % C;
    const capE = st.cap(e, s);
    if (capE <= 0 || need <= 0) return 0;
    need = Math.min(need, capE);
    const used = this.used;
    used.clear();
    let got = 0;
    // Only cells that can move the needed way take part.
    const k2s = s > 0 ? st.rowDown[u] : st.rowUp[u];
    const colList = s > 0 ? st.colDown[v] : st.colUp[v];
    for (let a = 0; a < colList.length && got < need; a++) {
      const k1 = colList[a];
      if (k1 === e) continue;
      let c1 = st.cap(k1, -s);
      if (c1 <= 0) continue;
      const i = (k1 / C) | 0;
      for (let b = 0; b < k2s.length && got < need && c1 > 0; b++) {
        const k2 = k2s[b];
        if (k2 === e) continue;
        const c2 = st.cap(k2, -s) - (used.get(k2) ?? 0);
        if (c2 <= 0) continue;
        const k3 = i * C + (k2 % C);
        if (!st.suppressed[k3]) continue;
        const c3 = st.cap(k3, s) - (used.get(k3) ?? 0);
        if (c3 <= 0) continue;
        const push = Math.min(c1, c2, c3, need - got);
        c1 -= push;
        if (c2 !== Infinity) used.set(k2, (used.get(k2) ?? 0) + push);
        if (c3 !== Infinity) used.set(k3, (used.get(k3) ?? 0) + push);
        got += push;
      }
    }
    return got;
  }

  /** Maximum shift of e in direction s by augmenting paths (Edmonds–Karp), stopped at `need`. */
  exactShift(e: number, s: number, need: number, budget = this.visitBudget): number {
    const st = this.st;
    const { R, C } = st.g;
    const capE = st.cap(e, s);
    need = Math.min(need, capE);
    if (need <= 0) return 0;
    const u = (e / C) | 0;
    const v = e % C;
    // Nodes: rows 0..R-1, columns R..R+C-1. Raising e: flow from v to u; lowering: u to v.
    const source = s > 0 ? R + v : u;
    const sink = s > 0 ? u : R + v;
    const f = this.flow;
    const { capUp, capDown } = st;
    let got = 0;
    let visits = 0;
    while (got < need && visits < budget) {
      const stamp = ++this.stamp;
      let head = 0;
      let tail = 0;
      this.queue[tail++] = source;
      this.seen[source] = stamp;
      let found = false;
      while (head < tail && !found) {
        const node = this.queue[head++];
        if (node < R) {
          visits += st.rowCells[node].length;
          for (const k of st.rowCells[node]) {
            if (k === e) continue;
            const to = R + (k % C);
            if (this.seen[to] === stamp || capUp[k] - f[k] <= 0) continue;
            this.seen[to] = stamp;
            this.parentCell[to] = k;
            this.parentDir[to] = 1;
            if (to === sink) { found = true; break; }
            this.queue[tail++] = to;
          }
        } else {
          visits += st.colCells[node - R].length;
          for (const k of st.colCells[node - R]) {
            if (k === e) continue;
            const to = (k / C) | 0;
            if (this.seen[to] === stamp || capDown[k] + f[k] <= 0) continue;
            this.seen[to] = stamp;
            this.parentCell[to] = k;
            this.parentDir[to] = -1;
            if (to === sink) { found = true; break; }
            this.queue[tail++] = to;
          }
        }
      }
      if (!found) break;
      let push = need - got;
      for (let node = sink; node !== source; ) {
        const k = this.parentCell[node];
        const dir = this.parentDir[node];
        push = Math.min(push, dir > 0 ? st.cap(k, 1) - f[k] : st.cap(k, -1) + f[k]);
        node = dir > 0 ? ((k / C) | 0) : R + (k % C);
      }
      for (let node = sink; node !== source; ) {
        const k = this.parentCell[node];
        const dir = this.parentDir[node];
        if (f[k] === 0) this.touched.push(k);
        f[k] += dir * push;
        node = dir > 0 ? ((k / C) | 0) : R + (k % C);
      }
      got += push;
    }
    this.exactVisits += visits;
    for (const k of this.touched) f[k] = 0;
    this.touched.length = 0;
    return got;
  }
}
