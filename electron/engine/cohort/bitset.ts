/** Person sets as bitsets: bit p of word p >>> 5. */
export type Bitset = Uint32Array;

export const newBitset = (n: number): Bitset => new Uint32Array((n + 31) >>> 5);

export function setBit(b: Bitset, p: number): void {
  b[p >>> 5] |= 1 << (p & 31);
}

export const hasBit = (b: Bitset, p: number): boolean => (b[p >>> 5] & (1 << (p & 31))) !== 0;

/** A bitset with bits 0..n-1 set. */
export function fullBitset(n: number): Bitset {
  const b = newBitset(n);
  b.fill(0xffffffff);
  const rest = n & 31;
  if (rest) b[b.length - 1] = (1 << rest) - 1 >>> 0;
  return b;
}

export function orInto(target: Bitset, source: Bitset): void {
  for (let w = 0; w < target.length; w++) target[w] |= source[w];
}

export function andInto(target: Bitset, source: Bitset): void {
  for (let w = 0; w < target.length; w++) target[w] &= source[w];
}

export function popcount(b: Bitset): number {
  let count = 0;
  for (let w = 0; w < b.length; w++) {
    let v = b[w];
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

/** Calls fn for every set bit, in increasing order (skips empty words). */
export function forEachBit(b: Bitset, fn: (p: number) => void): void {
  for (let w = 0; w < b.length; w++) {
    let v = b[w];
    while (v !== 0) {
      const t = v & -v;
      fn((w << 5) + 31 - Math.clz32(t));
      v ^= t;
    }
  }
}

/** Keeps only the set bits for which keep(p) holds. */
export function filterBits(b: Bitset, keep: (p: number) => boolean): void {
  for (let w = 0; w < b.length; w++) {
    let v = b[w];
    let out = v;
    while (v !== 0) {
      const t = v & -v;
      if (!keep((w << 5) + 31 - Math.clz32(t))) out ^= t;
      v ^= t;
    }
    b[w] = out;
  }
}
