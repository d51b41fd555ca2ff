/**
 * Totals and percentages of a square relocation matrix, counts row-major (counts[r * n + c]).
 * Pure functions over plain or typed number arrays.
 */
export type Counts = ArrayLike<number>;

export function rowTotals(counts: Counts, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) out[r] += counts[r * n + c];
  return out;
}

export function colTotals(counts: Counts, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) out[c] += counts[r * n + c];
  return out;
}

export const grandTotal = (counts: Counts): number => {
  let s = 0;
  for (let i = 0; i < counts.length; i++) s += counts[i];
  return s;
};

/** Each cell as a percentage of its row total (null where the row is empty). */
export function rowPercentages(counts: Counts, n: number): (number | null)[] {
  const totals = rowTotals(counts, n);
  return Array.from({ length: n * n }, (_, k) => {
    const t = totals[Math.floor(k / n)];
    return t ? (100 * counts[k]) / t : null;
  });
}

/** Each cell as a percentage of its column total (null where the column is empty). */
export function colPercentages(counts: Counts, n: number): (number | null)[] {
  const totals = colTotals(counts, n);
  return Array.from({ length: n * n }, (_, k) => {
    const t = totals[k % n];
    return t ? (100 * counts[k]) / t : null;
  });
}
