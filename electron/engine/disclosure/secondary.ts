import type { SuppressionState } from './suppression-state';

/** How much we mind suppressing a cell: margins far more than inner cells, the grand total most. */
function weight(st: SuppressionState, k: number): number {
  if (st.suppressed[k]) return 0;
  const { R, C, value } = st.g;
  const lastRow = k >= (R - 1) * C;
  const lastCol = k % C === C - 1;
  if (lastRow && lastCol) return 1e6;
  if (lastRow || lastCol) return 1e3;
  // Prefer small inner cells: less information lost.
  return 1 + value[k] / (value[R * C - 1] + 1);
}

const K = 6;

/** The K cheapest candidates (index, cost), always including `extra` when it qualifies. */
function cheapest(cands: number[], costs: number[], extra: number): number[] {
  const order = cands.map((_, i) => i).sort((a, b) => costs[a] - costs[b] || cands[a] - cands[b]);
  const pick = order.slice(0, K).map((i) => cands[i]);
  if (extra >= 0 && !pick.includes(extra) && cands.includes(extra)) pick.push(extra);
  return pick;
}

/**
 * Adds a 4-cycle e, (i,v), (i,j), (u,j) on which every capacity that binds is at least T,
 * so that moving the cycle shifts e (and every cell on it) by T or more: a certificate that
 * each of the four cells has an interval at least T wide. Of the admissible cycles it takes
 * the cheapest (already suppressed cells cost nothing). The cycle through the row total,
 * the column total and the grand total always qualifies for an inner cell, so a cycle is
 * found for every cell of a grid with at least two rows and columns.
 * Returns the newly suppressed cells, or null when none qualifies.
 */
export function addCertificate(st: SuppressionState, e: number, T: number): number[] | null {
  const { R, C } = st.g;
  const u = (e / C) | 0;
  const v = e % C;
  let best: { cost: number; cells: number[] } | null = null;
  for (const s of [1, -1]) {
    if (st.cap(e, s) < T) continue;
    const rowsI: number[] = [];
    const costI: number[] = [];
    for (let i = 0; i < R; i++) {
      if (i === u) continue;
      const k1 = i * C + v;
      if (st.cap(k1, -s) < T) continue;
      rowsI.push(i);
      costI.push(weight(st, k1));
    }
    const colsJ: number[] = [];
    const costJ: number[] = [];
    for (let j = 0; j < C; j++) {
      if (j === v) continue;
      const k2 = u * C + j;
      if (st.cap(k2, -s) < T) continue;
      colsJ.push(j);
      costJ.push(weight(st, k2));
    }
    const pickI = cheapest(rowsI, costI, u === R - 1 ? -1 : R - 1);
    const pickJ = cheapest(colsJ, costJ, v === C - 1 ? -1 : C - 1);
    for (const i of pickI) {
      for (const j of pickJ) {
        const k3 = i * C + j;
        if (st.cap(k3, s) < T) continue;
        const k1 = i * C + v;
        const k2 = u * C + j;
        const cost = weight(st, k1) + weight(st, k2) + weight(st, k3);
        if (!best || cost < best.cost) best = { cost, cells: [k1, k2, k3] };
      }
    }
  }
  if (!best) return null;
  return best.cells.filter((k) => st.add(k));
}
