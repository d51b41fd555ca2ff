import type { Bitset } from '../cohort/bitset';
import type { PersonCodes } from './person-codes';

/**
 * The counting loops of the profile and the cross-tabs: one pass over the cohort's bitset,
 * one increment per member into a flat Int32Array (cell (l, r, c) at (l * R + r) * C + c),
 * no member list, no per-cell objects. Codes per person come from person-codes.ts. Words
 * are read as int32 (`| 0`) so V8 keeps the bit arithmetic in integers.
 */

/** out[codes[p]]++ for every member p. */
export function countOneWay(members: Bitset, codes: PersonCodes, out: Int32Array): void {
  for (let w = 0; w < members.length; w++) {
    let v = members[w] | 0;
    const base = (w << 5) + 31;
    while (v !== 0) {
      const t = v & ((0 - v) | 0);
      out[codes[base - Math.clz32(t)]]++;
      v = (v ^ t) | 0;
    }
  }
}

/** out[rows[p] * C + cols[p]]++ for every member p. */
export function countTwoWay(members: Bitset, rows: PersonCodes, C: number, cols: PersonCodes, out: Int32Array): void {
  for (let w = 0; w < members.length; w++) {
    let v = members[w] | 0;
    const base = (w << 5) + 31;
    while (v !== 0) {
      const t = v & ((0 - v) | 0);
      const p = base - Math.clz32(t);
      out[rows[p] * C + cols[p]]++;
      v = (v ^ t) | 0;
    }
  }
}

/** out[(layers[p] * R + rows[p]) * C + cols[p]]++ for every member p (RC = R * C). */
export function countThreeWay(members: Bitset, rows: PersonCodes, C: number, cols: PersonCodes, layers: PersonCodes, RC: number, out: Int32Array): void {
  for (let w = 0; w < members.length; w++) {
    let v = members[w] | 0;
    const base = (w << 5) + 31;
    while (v !== 0) {
      const t = v & ((0 - v) | 0);
      const p = base - Math.clz32(t);
      out[layers[p] * RC + rows[p] * C + cols[p]]++;
      v = (v ^ t) | 0;
    }
  }
}
