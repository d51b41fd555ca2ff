import type { RuleMutation } from './rule-mutations';
import type { PersonCells } from '../ledger/person-cells';
/** The raw counts of a matrix over a set of persons; see shared/matrix/matrix-definition.ts for the rules. */
export interface MatrixCounts {
  /** Areas per side (the level's areas plus the four special areas). */
  size: number;
  /** Row-major size × size; a plain array of small integers (what the API returns, no copy). */
  counts: number[];
  distinctPersons: number;
  excludedPersons: number;
  unmappedPersons: number;
  /** With `persons` asked: the person keys of every cell and margin (for keyed rounding). */
  keys?: PersonKeys;
  /** all-moves with `persons` asked: distinct persons behind each cell and margin. */
  persons?: CellPersons;
  /** With `persons` asked: which cell each person counts in (the release ledger's record). */
  personCells?: PersonCells;
}

/**
 * Distinct persons per cell, per row and column margin and in total (all-moves, where a
 * count is a count of moves): what the disclosure threshold applies to.
 */
export interface CellPersons {
  cells: Uint32Array;
  rowTotals: Uint32Array;
  colTotals: Uint32Array;
  total: number;
}

/**
 * Per cell, row and column margin and in total: the wrapping sum of hash32(person) over
 * the DISTINCT persons counted there. It depends only on the set of persons, so the same
 * persons get the same key in every table, whatever the order, the number of their moves
 * or the other cells; keys of disjoint person sets add up (mod 2^32).
 */
export interface PersonKeys {
  cells: Uint32Array;
  rowTotals: Uint32Array;
  colTotals: Uint32Array;
  total: number;
}

export interface MatrixCountOptions {
  /**
   * The disclosure/export path: also compute person keys per cell and margin (for keyed
   * rounding) and, for all-moves, the distinct persons per cell and margin. The matrix on
   * screen does not pay for either.
   */
  persons?: boolean;
  /** Tests only: compute with one rule deliberately broken (see rule-mutations.ts). */
  mutation?: RuleMutation;
}

/** A well-mixed 32-bit hash of a person index (murmur3 finaliser). */
export function hash32(p: number): number {
  let h = (p + 0x9e3779b9) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Margin keys from cell keys where every person sits in exactly one cell (state and
 * first-move): the sum of a row's cell keys is the sum over the row's persons.
 */
export function keysFromCells(cells: Uint32Array, size: number): PersonKeys {
  const rowTotals = new Uint32Array(size);
  const colTotals = new Uint32Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) {
    let s = 0;
    for (let c = 0; c < size; c++) {
      const k = cells[r * size + c];
      s = (s + k) | 0;
      colTotals[c] += k;
    }
    rowTotals[r] = s;
    total = (total + s) | 0;
  }
  return { cells, rowTotals, colTotals, total: total >>> 0 };
}
