import type { Bitset } from '../cohort/bitset';
import type { ColumnarIndex } from '../cohort/columnar-index';

/**
 * Category codes per person (Int16, one per person of the index), so the counting loops read
 * one small integer per member and variable and need no lookup table: measured 2–3× faster
 * than a raw column read through a lookup in the same loop.
 */
export type PersonCodes = Int16Array;

/** How many variables keep their codes with the index (2 bytes a person each). */
const KEPT = 16;
const CACHE = 'crosstab.codes';

/**
 * The codes of a variable whose categories do not depend on the cohort (fixed categories, age
 * bands, areas), made once per index and kept with it, the least recently used dropped first.
 * `key` names the variable completely (its JSON).
 */
export function keptCodes(ix: ColumnarIndex, key: string, make: () => PersonCodes): PersonCodes {
  let kept = ix.derived.get(CACHE) as Map<string, PersonCodes> | undefined;
  if (!kept) ix.derived.set(CACHE, (kept = new Map()));
  let codes = kept.get(key);
  if (codes) kept.delete(key);
  else codes = make();
  kept.set(key, codes); // most recently used last
  if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  return codes;
}

/** codes[p] = lookup[raw[p] + offset] for every person: run once per kept variable. */
export function codesOfAll(raw: ArrayLike<number>, offset: number, lookup: Int32Array): PersonCodes {
  const out = new Int16Array(raw.length);
  for (let p = 0; p < raw.length; p++) out[p] = lookup[raw[p] + offset];
  return out;
}

/** The same for the members only (categories that depend on the cohort); other persons stay 0 and are never read. */
export function codesOfMembers(members: Bitset, raw: ArrayLike<number>, offset: number, lookup: Int32Array): PersonCodes {
  const out = new Int16Array(raw.length);
  for (let w = 0; w < members.length; w++) {
    let v = members[w] | 0;
    const base = (w << 5) + 31;
    while (v !== 0) {
      const t = v & ((0 - v) | 0);
      const p = base - Math.clz32(t);
      out[p] = lookup[raw[p] + offset];
      v = (v ^ t) | 0;
    }
  }
  return out;
}
