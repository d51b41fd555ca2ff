import { PERTURBATION_MAX_NOISE, PERTURBATION_VARIANCE } from '../../../shared/disclosure/protection';
import type { PersonCells } from '../ledger/person-cells';

// D and the variance live in shared/ so that the UI can state them; the ptable below is built on them.
export { PERTURBATION_MAX_NOISE, PERTURBATION_VARIANCE };

/**
 * Cell-key perturbation (ABS TableBuilder, ONS flexible table builder, Destatis cellKey):
 * every person carries a secret random 32-bit key; a cell's key is the sum of the keys of
 * its distinct persons mod 2^32, read as a fraction in [0, 1); the perturbation table
 * (ptable) turns the cell's count and key into bounded noise. The same persons always give
 * the same key, hence the same published value, in every table: differencing two cohorts
 * or linking two tables yields noise, not counts. Pure; see docs/disclosure-control.md.
 */

/** The ptable's probabilities are whole multiples of 1/PTABLE_DENOMINATOR (exact arithmetic). */
export const PTABLE_DENOMINATOR = 12;

/** Published values never take these: a published 1 or 2 would reveal a small group for certain. */
export const NEVER_PUBLISHED: readonly number[] = [1, 2];

export interface PtableRow {
  /** The original count this row applies to; the last row applies to every larger count too. */
  count: number;
  /** Possible noise values, ascending: the cell key picks one by the cumulative weights. */
  noise: readonly number[];
  /** Weight of each noise value, in 1/PTABLE_DENOMINATOR; they sum to PTABLE_DENOMINATOR. */
  weight: readonly number[];
  /** The stated variance of the noise (its mean is 0 in every row). */
  variance: number;
}

/**
 * The perturbation table, D = 2. Every row has mean 0 (unbiased), never yields a negative
 * value, and never yields 1 or 2 (published values are 0 or ≥ 3):
 *
 * | count | published value (probability)              | variance |
 * |-------|---------------------------------------------|----------|
 * | 0     | 0 (1)                                       | 0        |
 * | 1     | 0 (2/3), 3 (1/3)                            | 2        |
 * | 2     | 0 (1/3), 3 (2/3)                            | 2        |
 * | 3     | 3 (1)                                       | 0        |
 * | 4     | 3 (5/12), 4 (1/4), 5 (1/4), 6 (1/12)        | 1        |
 * | n ≥ 5 | n−2 (1/12), n−1 (1/6), n (1/2), n+1 (1/6), n+2 (1/12) | 1 |
 *
 * Zeros stay zero (no persons, no key, nothing to perturb, as in ABS practice); a published 0
 * may also be a 1 or a 2. A 3 cannot move: −1/−2 would give 2/1 and +1/+2 alone cannot have mean 0
 * within D; it is still ambiguous, since 1, 2, 4 and 5 can all be published as 3.
 * D = PERTURBATION_MAX_NOISE: an attacker knows |noise| ≤ D, nothing more.
 */
export const PTABLE: readonly PtableRow[] = [
  { count: 0, noise: [0], weight: [12], variance: 0 },
  { count: 1, noise: [-1, 2], weight: [8, 4], variance: 2 },
  { count: 2, noise: [-2, 1], weight: [4, 8], variance: 2 },
  { count: 3, noise: [0], weight: [12], variance: 0 },
  { count: 4, noise: [-1, 0, 1, 2], weight: [5, 3, 3, 1], variance: PERTURBATION_VARIANCE },
  { count: 5, noise: [-2, -1, 0, 1, 2], weight: [1, 2, 6, 2, 1], variance: PERTURBATION_VARIANCE },
];

export function ptableRow(count: number): PtableRow {
  return PTABLE[Math.min(count, PTABLE.length - 1)];
}

/** A 32-bit cell key as a fraction in [0, 1). */
export const keyFraction = (key: number): number => (key >>> 0) / 4294967296;

/**
 * The noise for a count with this cell key: the first noise value whose cumulative
 * probability exceeds the key's fraction. Integer arithmetic: key·12 < cumulative·2^32.
 */
export function perturbationNoise(count: number, key: number): number {
  const row = ptableRow(count);
  const scaled = (key >>> 0) * PTABLE_DENOMINATOR;
  let cumulative = 0;
  for (let j = 0; j < row.noise.length; j++) {
    cumulative += row.weight[j];
    if (scaled < cumulative * 4294967296) return row.noise[j];
  }
  return row.noise[row.noise.length - 1];
}

/** The published value of a count under cell-key perturbation. */
export const perturbCount = (count: number, key: number): number => count + perturbationNoise(count, key);

/** Cell keys of a table: inner cells row-major, then each margin on its own persons. */
export interface CellKeys {
  cells: Uint32Array;
  rowTotals: Uint32Array;
  colTotals: Uint32Array;
  total: number;
}

/**
 * The cell key of every inner cell, row total, column total and the grand total: the sum
 * mod 2^32 of the keys of the DISTINCT persons counted there. A person of an all-moves
 * matrix may have several entries (cells) and is counted once in each cell, row, column
 * and the total. The result depends only on which persons sit where, not on the order of
 * the entries, so the same persons get the same key in every table.
 */
export function cellKeysFromPersonCells(pc: PersonCells, rows: number, cols: number, personKeys: Uint32Array): CellKeys {
  const { person, cell } = sortedByPerson(pc);
  const keys: CellKeys = { cells: new Uint32Array(rows * cols), rowTotals: new Uint32Array(rows), colTotals: new Uint32Array(cols), total: 0 };
  // Marks hold person + 1 of the last person added there (0 = nobody yet): entries are grouped by person.
  const cellMark = new Int32Array(rows * cols);
  const rowMark = new Int32Array(rows);
  const colMark = new Int32Array(cols);
  let total = 0;
  let last = -1;
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    const k = cell[i];
    if (p < 0 || p >= personKeys.length) throw new Error('person without a key');
    if (k < 0 || k >= rows * cols) throw new Error('cell outside the table');
    const key = personKeys[p];
    const tag = p + 1;
    const r = (k / cols) | 0;
    const c = k - r * cols;
    if (cellMark[k] !== tag) {
      cellMark[k] = tag;
      keys.cells[k] += key;
    }
    if (rowMark[r] !== tag) {
      rowMark[r] = tag;
      keys.rowTotals[r] += key;
    }
    if (colMark[c] !== tag) {
      colMark[c] = tag;
      keys.colTotals[c] += key;
    }
    if (p !== last) {
      last = p;
      total = (total + key) >>> 0;
    }
  }
  keys.total = total;
  return keys;
}

/** PersonCells are sorted by person by contract; a caller that did not gets a sorted copy. */
function sortedByPerson(pc: PersonCells): { person: Int32Array; cell: Int32Array } {
  let sorted = true;
  for (let i = 1; i < pc.person.length && sorted; i++) if (pc.person[i] < pc.person[i - 1]) sorted = false;
  if (sorted) return pc;
  const order = Array.from(pc.person.keys()).sort((a, b) => pc.person[a] - pc.person[b] || pc.cell[a] - pc.cell[b]);
  return { person: Int32Array.from(order, (i) => pc.person[i]), cell: Int32Array.from(order, (i) => pc.cell[i]) };
}
