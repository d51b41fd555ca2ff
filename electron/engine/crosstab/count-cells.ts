import type { Bitset } from '../cohort/bitset';

/**
 * The counting loops of the profile and the cross-tabs: one pass over the cohort's bitset,
 * one increment per member into a flat Int32Array, no member list, no per-cell objects.
 * The category of person p for a variable is lookup[column[p] + offset]; the lookups of the
 * rows and layers come pre-multiplied by their strides, so a cell index is three reads and
 * two additions. All columns are Int16Array (person-columns.ts): one array type per read.
 */

/** out[lookup[column[p] + offset]]++ for every member p. */
export function countOneWay(members: Bitset, column: Int16Array, offset: number, lookup: Int32Array, out: Int32Array): void {
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    const base = (w << 5) + 31;
    while (v !== 0) {
      const t = v & -v;
      const p = base - Math.clz32(t);
      out[lookup[column[p] + offset]]++;
      v ^= t;
    }
  }
}

/** out[a[ca[p] + oa] + b[cb[p] + ob]]++ for every member p (rows pre-multiplied by cols). */
export function countTwoWay(members: Bitset, ca: Int16Array, oa: number, a: Int32Array, cb: Int16Array, ob: number, b: Int32Array, out: Int32Array): void {
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    const base = (w << 5) + 31;
    while (v !== 0) {
      const t = v & -v;
      const p = base - Math.clz32(t);
      out[a[ca[p] + oa] + b[cb[p] + ob]]++;
      v ^= t;
    }
  }
}

/** The same with a third (layer) variable, its lookup pre-multiplied by rows × cols. */
export function countThreeWay(
  members: Bitset,
  ca: Int16Array,
  oa: number,
  a: Int32Array,
  cb: Int16Array,
  ob: number,
  b: Int32Array,
  cc: Int16Array,
  oc: number,
  c: Int32Array,
  out: Int32Array,
): void {
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    const base = (w << 5) + 31;
    while (v !== 0) {
      const t = v & -v;
      const p = base - Math.clz32(t);
      out[a[ca[p] + oa] + b[cb[p] + ob] + c[cc[p] + oc]]++;
      v ^= t;
    }
  }
}

/** A lookup with every entry multiplied by `stride` (so rows and layers add into one cell index). */
export function scaledLookup(lookup: Int32Array, stride: number): Int32Array {
  if (stride === 1) return lookup;
  const out = new Int32Array(lookup.length);
  for (let i = 0; i < lookup.length; i++) out[i] = lookup[i] * stride;
  return out;
}
