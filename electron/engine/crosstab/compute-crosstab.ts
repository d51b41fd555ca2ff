import type { Category, CrosstabDefinition, CrosstabVariable } from '../../../shared/crosstab/crosstab-definition';
import type { Bitset } from '../cohort/bitset';
import type { ColumnarIndex } from '../cohort/columnar-index';
import { hash32 } from '../matrix/count-types';
import { categorise, categoryOf, memberList, type Categorised } from './categorise';
import { countOneWay, countThreeWay, countTwoWay } from './count-cells';

type Label = { nl: string; en: string };

/** One rows × cols table of person counts (one layer of a cross-tab, or one profile table). */
export interface CountsTable {
  rows: number;
  cols: number;
  counts: Int32Array;
  rowTotals: Int32Array;
  colTotals: Int32Array;
  total: number;
  /** With `persons` asked: wrapping sums of hash32(person) per cell and margin (keyed rounding: same persons, same key). */
  keys?: { cells: Uint32Array; rowTotals: Uint32Array; colTotals: Uint32Array; total: number };
}

/** Where each person counts (release path only): inner cell r * cols + c of table `layer`; -1 outside the cohort. */
export interface PersonPlacement {
  cell: Int32Array;
  /** Layer index per person; null when there is one table. */
  layer: Int32Array | null;
}

export interface ComputedCrosstab {
  rowCategories: Category[];
  colCategories: Category[];
  /** One entry per layer; a cross-tab without a layer variable has one layer (null category). */
  layers: { category: Category | null; table: CountsTable }[];
  labels: { rows: Label; cols: Label; layers: Label | null };
  cohortSize: number;
  placement?: PersonPlacement;
}

export interface CountOptions {
  /** The release path: person keys per cell and where each person counts. The screen does not pay for them. */
  persons?: boolean;
}

/** Cell index (l * R + r) * C + c of every member, in member order: the release path's persons. */
function cellIndexOf(list: Int32Array, rv: Categorised, C: number, cv: Categorised, lv: Categorised | null, RC: number): Int32Array {
  const out = new Int32Array(list.length);
  const [rows, cols, layers] = [rv.codes(), cv.codes(), lv ? lv.codes() : null];
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    out[i] = rows[p] * C + cols[p] + (layers ? layers[p] * RC : 0);
  }
  return out;
}

/**
 * Counts of a cross-tab over the cohort: every member in exactly one cell of exactly one
 * layer. Pure over the columnar index: one pass over the cohort's bitset counting into one
 * Int32Array of layers × rows × cols (count-cells.ts).
 */
export function computeCrosstab(ix: ColumnarIndex, members: Bitset, def: CrosstabDefinition, options: CountOptions = {}): ComputedCrosstab {
  const rv = categorise(ix, members, def.rows);
  const cv = categorise(ix, members, def.cols);
  const lv = def.layers ? categorise(ix, members, def.layers) : null;
  const R = rv.categories.length;
  const C = cv.categories.length;
  const L = lv ? lv.categories.length : 1;
  // All layers in one array: cell (l, r, c) at (l * R + r) * C + c.
  const all = new Int32Array(L * R * C);
  if (lv) countThreeWay(members, rv.codes(), C, cv.codes(), lv.codes(), R * C, all);
  else countTwoWay(members, rv.codes(), C, cv.codes(), all);
  let keys: Uint32Array | null = null;
  let placement: PersonPlacement | undefined;
  if (options.persons) {
    const list = memberList(members);
    const index = cellIndexOf(list, rv, C, cv, lv, R * C);
    keys = new Uint32Array(L * R * C);
    for (let i = 0; i < list.length; i++) keys[index[i]] += hash32(list[i]);
    const cell = new Int32Array(ix.persons).fill(-1);
    for (let i = 0; i < list.length; i++) cell[list[i]] = index[i] % (R * C);
    placement = { cell, layer: lv ? categoryOf(lv, list, ix.persons) : null };
  }
  let cohortSize = 0;
  const layers = Array.from({ length: L }, (_, l) => {
    const table = withMargins(R, C, all.subarray(l * R * C, (l + 1) * R * C), keys ? keys.subarray(l * R * C, (l + 1) * R * C) : null);
    cohortSize += table.total;
    return { category: lv ? lv.categories[l] : null, table };
  });
  return {
    rowCategories: rv.categories,
    colCategories: cv.categories,
    layers,
    labels: { rows: rv.label, cols: cv.label, layers: lv ? lv.label : null },
    cohortSize,
    ...(placement ? { placement } : {}),
  };
}

/**
 * A one-way table (the profile's): one row (the cohort), one column per category. `list`
 * (memberList of members) only for the release path's persons; the counts never need it.
 */
export function computeOneWay(ix: ColumnarIndex, members: Bitset, list: Int32Array | null, v: CrosstabVariable, options: CountOptions = {}) {
  const cv = categorise(ix, members, v);
  const C = cv.categories.length;
  // Years and nationalities were counted while finding their categories.
  let counts = cv.counts;
  if (!counts) countOneWay(members, cv.codes(), (counts = new Int32Array(C)));
  let keys: Uint32Array | null = null;
  let placement: PersonPlacement | undefined;
  if (options.persons) {
    const persons = list ?? memberList(members);
    const cell = categoryOf(cv, persons, ix.persons);
    keys = new Uint32Array(C);
    for (let i = 0; i < persons.length; i++) keys[cell[persons[i]]] += hash32(persons[i]);
    placement = { cell, layer: null };
  }
  return { categories: cv.categories, label: cv.label, table: withMargins(1, C, counts, keys), placement };
}

/** Margins (and their keys) from the cells: each person is in one cell, so keys add up. */
function withMargins(rows: number, cols: number, counts: Int32Array, cellKeys: Uint32Array | null): CountsTable {
  const rowTotals = new Int32Array(rows);
  const colTotals = new Int32Array(cols);
  let total = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const v = counts[r * cols + c];
      rowTotals[r] += v;
      colTotals[c] += v;
      total += v;
    }
  const t: CountsTable = { rows, cols, counts, rowTotals, colTotals, total };
  if (cellKeys) {
    const kr = new Uint32Array(rows);
    const kc = new Uint32Array(cols);
    let kt = 0;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const k = cellKeys[r * cols + c];
        kr[r] += k;
        kc[c] += k;
        kt = (kt + k) | 0;
      }
    t.keys = { cells: cellKeys, rowTotals: kr, colTotals: kc, total: kt >>> 0 };
  }
  return t;
}
