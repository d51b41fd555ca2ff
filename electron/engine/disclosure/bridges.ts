import type { SuppressionState } from './suppression-state';

/**
 * Suppressed cells that could be recomputed exactly from the published cells and margins.
 *
 * This is the test GaussSuppression performs by Gaussian elimination on the matrix that
 * relates published cells to inner cells. For a two-way table with margins the relations
 * between cells are the node balances of the row/column graph (see count-table.ts), so a
 * suppressed cell lies in the span of the published ones exactly when its edge is a bridge
 * of the graph of suppressed cells (it lies on no cycle of suppressed cells). Finding
 * bridges takes one depth-first search (Tarjan) instead of an elimination on a
 * 340,000-column matrix; tests/disclosure compare it with an explicit elimination.
 */
export function exactlyDerivable(st: SuppressionState): number[] {
  const { R, C } = st.g;
  const N = R + C;
  const disc = new Int32Array(N).fill(-1);
  const low = new Int32Array(N);
  const bridges: number[] = [];
  // Adjacency per node: the suppressed cells on it.
  const cellsOf = (node: number) => (node < R ? st.rowCells[node] : st.colCells[node - R]);
  const other = (node: number, k: number) => (node < R ? R + (k % C) : (k / C) | 0);
  let time = 0;
  const stackNode: number[] = [];
  const stackEdge: number[] = [];
  const stackPos: number[] = [];
  for (let root = 0; root < N; root++) {
    if (disc[root] !== -1 || cellsOf(root).length === 0) continue;
    disc[root] = low[root] = time++;
    stackNode.push(root);
    stackEdge.push(-1);
    stackPos.push(0);
    while (stackNode.length) {
      const top = stackNode.length - 1;
      const node = stackNode[top];
      const list = cellsOf(node);
      if (stackPos[top] < list.length) {
        const k = list[stackPos[top]++];
        if (k === stackEdge[top]) continue;
        const to = other(node, k);
        if (disc[to] === -1) {
          disc[to] = low[to] = time++;
          stackNode.push(to);
          stackEdge.push(k);
          stackPos.push(0);
        } else if (disc[to] < low[node]) {
          low[node] = disc[to];
        }
      } else {
        stackNode.pop();
        const k = stackEdge.pop()!;
        stackPos.pop();
        if (stackNode.length) {
          const parent = stackNode[stackNode.length - 1];
          if (low[node] < low[parent]) low[parent] = low[node];
          if (low[node] > disc[parent]) bridges.push(k);
        }
      }
    }
  }
  return bridges;
}
