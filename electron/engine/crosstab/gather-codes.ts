/**
 * out[i] = lookup[raw[list[i]] + offset] for every listed person. One loop per typed-array type,
 * so each stays monomorphic in V8 (a single shared loop over Uint8/Int16/Uint16 columns turns
 * megamorphic and several times slower).
 */
export function gatherCodes(raw: ArrayLike<number>, offset: number, lookup: Int32Array, list: Int32Array, out: Int32Array): void {
  if (raw instanceof Uint8Array) gatherU8(raw, offset, lookup, list, out);
  else if (raw instanceof Int16Array) gatherI16(raw, offset, lookup, list, out);
  else if (raw instanceof Uint16Array) gatherU16(raw, offset, lookup, list, out);
  else for (let i = 0; i < list.length; i++) out[i] = lookup[raw[list[i]] + offset];
}

function gatherU8(raw: Uint8Array, offset: number, lookup: Int32Array, list: Int32Array, out: Int32Array): void {
  for (let i = 0; i < list.length; i++) out[i] = lookup[raw[list[i]] + offset];
}

function gatherI16(raw: Int16Array, offset: number, lookup: Int32Array, list: Int32Array, out: Int32Array): void {
  for (let i = 0; i < list.length; i++) out[i] = lookup[raw[list[i]] + offset];
}

function gatherU16(raw: Uint16Array, offset: number, lookup: Int32Array, list: Int32Array, out: Int32Array): void {
  for (let i = 0; i < list.length; i++) out[i] = lookup[raw[list[i]] + offset];
}

/** Counts per code (codes from gatherCodes). */
export function countCodes(codes: Int32Array, size: number): Int32Array {
  const counts = new Int32Array(size);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return counts;
}
