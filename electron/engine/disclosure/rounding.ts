import type { CountTable, Grid } from './count-table';

/** A 32-bit avalanche mix (murmur3 finaliser): spreads a person key to a uniform number. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Keys of every grid cell. Cells take the caller's person keys; margins take theirs when
 * given, else a commutative combination of their cells' keys (the same persons give the
 * same key whatever the order). Without keys a cell is keyed on its position and count,
 * which is deterministic for one table but not shared across tables.
 */
export function gridKeys(t: CountTable, g: Grid): Uint32Array {
  const { R, C } = g;
  const keys = new Uint32Array(R * C);
  const k = t.keys;
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < t.cols; c++) {
      keys[r * C + c] = k ? k.cells[r * t.cols + c] >>> 0 : mix32(Math.imul(r + 1, 0x9e3779b1) ^ Math.imul(c + 1, 0x7f4a7c15) ^ g.value[r * C + c]);
    }
  }
  for (let r = 0; r < t.rows; r++) {
    let s = 0;
    for (let c = 0; c < t.cols; c++) s = (s + mix32(keys[r * C + c])) >>> 0;
    keys[r * C + t.cols] = k?.rowTotals ? k.rowTotals[r] >>> 0 : s;
  }
  let all = 0;
  for (let c = 0; c < t.cols; c++) {
    let s = 0;
    for (let r = 0; r < t.rows; r++) s = (s + mix32(keys[r * C + c])) >>> 0;
    keys[t.rows * C + c] = k?.colTotals ? k.colTotals[c] >>> 0 : s;
    all = (all + s) >>> 0;
  }
  keys[R * C - 1] = k?.total !== undefined ? k.total >>> 0 : all;
  return keys;
}

/**
 * Unbiased random rounding to a multiple of `base`: a count with remainder r rounds up
 * with probability r/base, else down. The "random" number comes from the cell's person key,
 * so the same persons always round the same way, in every table and every export.
 */
export function roundKeyed(value: number, key: number, base: number): number {
  const r = value % base;
  if (r === 0) return value;
  const u = mix32(key ^ Math.imul(base, 0x27d4eb2d)) / 4294967296;
  return u < r / base ? value - r + base : value - r;
}
