/**
 * The heatmap's colour scale with zero in its own colour. On a plain YlOrRd scale a cell
 * of 1 person is as pale as an empty cell; here everything below half of the smallest
 * non-zero colour value is grey, and the yellow-to-red ramp starts at 1 person.
 */
export const ZERO_GREY = '#e3e6eb';

/** Plotly's YlOrRd, light to dark. */
const YL_OR_RD = ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#bd0026', '#800026'];

/**
 * @param zmax the largest colour value (a count, or log10(1 + count) on the log scale)
 * @param one the colour value of 1 person (1, or log10(2))
 */
export function zeroDistinctScale(zmax: number, one: number): Array<[number, string]> {
  if (!(zmax > 0)) return [[0, ZERO_GREY], [1, ZERO_GREY]];
  const cut = Math.min(0.5, one / 2 / zmax);
  const ramp = YL_OR_RD.map((c, i): [number, string] => [cut + ((1 - cut) * i) / (YL_OR_RD.length - 1), c]);
  return [[0, ZERO_GREY], [cut, ZERO_GREY], ...ramp];
}

/** The largest value of a 2-D array (a loop: no spread over data-sized arrays). */
export function maxOf(rows: readonly (readonly number[])[]): number {
  let m = 0;
  for (const row of rows) for (const v of row) if (v > m) m = v;
  return m;
}

/** The colour Plotly gives value z on a scale from zmin 0 to zmax (for tests and the legend). */
export function colourAt(scale: Array<[number, string]>, z: number, zmax: number): string {
  const f = zmax > 0 ? z / zmax : 0;
  let c = scale[0][1];
  for (const [at, col] of scale) if (at <= f) c = col;
  return c;
}
