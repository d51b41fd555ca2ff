/**
 * The set of person ids seen in person.csv, to check references in later files. Two
 * independent 32-bit hashes per id in an open-addressing table: 8 bytes per slot instead
 * of a JavaScript string per person (2,000,000 persons ≈ 32 MB). A false "exists" needs a
 * 64-bit collision (about 1 in 10^13 per lookup at that size); a real id is never missed.
 */
export class PersonIdSet {
  private hi = new Uint32Array(1 << 16);
  private lo = new Uint32Array(1 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(id: string): void {
    if (this.count * 2 >= this.hi.length) this.grow();
    this.insert(h1(id), h2(id));
  }

  has(id: string): boolean {
    const a = h1(id);
    const b = h2(id);
    const mask = this.hi.length - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const x = this.hi[i];
      const y = this.lo[i];
      if (x === 0 && y === 0) return false;
      if (x === a && y === b) return true;
    }
  }

  private insert(a: number, b: number): void {
    const mask = this.hi.length - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const x = this.hi[i];
      const y = this.lo[i];
      if (x === 0 && y === 0) {
        this.hi[i] = a;
        this.lo[i] = b;
        this.count++;
        return;
      }
      if (x === a && y === b) return;
    }
  }

  private grow(): void {
    const oldHi = this.hi;
    const oldLo = this.lo;
    this.hi = new Uint32Array(oldHi.length * 2);
    this.lo = new Uint32Array(oldLo.length * 2);
    this.count = 0;
    for (let i = 0; i < oldHi.length; i++) if (oldHi[i] !== 0 || oldLo[i] !== 0) this.insert(oldHi[i], oldLo[i]);
  }
}

// FNV-1a and a multiply-xorshift hash; (0, 0) is the empty marker, so hashes avoid it.
function h1(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h | 1) >>> 0;
}
function h2(s: string): number {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}
