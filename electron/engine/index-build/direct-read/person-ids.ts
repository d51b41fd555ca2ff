/**
 * The person_id → person rowid lookup of the residence and decision queries
 * (`(SELECT p.rowid FROM person p WHERE p.person_id = t.person_id)`: BINARY comparison of
 * TEXT values), as an open-addressing hash table in shared memory: the workers insert the
 * person rows they parse (at the same time, with compare-and-swap on the slots) and then
 * look up the ids of residence and decision rows by their bytes, without creating strings.
 * A person_id seen twice sets the duplicate flag: the open then reads through SQLite.
 * Self-contained factory so the worker runs the same source.
 */
export interface PersonIdMemory {
  /**
   * Pairs [entry + 1 (0 = empty), hash tag (0 = not written yet)]; the tag spares most byte
   * comparisons while probing and sits in the same cache line. Pairs: a power of two.
   */
  slots: Int32Array;
  entryAt: Int32Array;
  entryLen: Int32Array;
  entryRowid: Float64Array;
  arena: Uint8Array;
  /** [entries used, arena bytes used, duplicate flag]. */
  counters: Int32Array;
}

export function newPersonIdMemory(maxPersons: number, arenaBytes: number): PersonIdMemory {
  let cap = 1024;
  while (cap < maxPersons * 2) cap *= 2;
  const sab = (bytes: number) => new SharedArrayBuffer(Math.max(8, bytes));
  return {
    slots: new Int32Array(sab(cap * 8)),
    entryAt: new Int32Array(sab(maxPersons * 4)),
    entryLen: new Int32Array(sab(maxPersons * 4)).fill(-1), // -1: no id (never matches)
    entryRowid: new Float64Array(sab(maxPersons * 8)),
    arena: new Uint8Array(sab(arenaBytes)),
    counters: new Int32Array(sab(16)),
  };
}

export function personIdModule(m: PersonIdMemory) {
  const mask = (m.slots.length >> 1) - 1;
  const { slots, entryAt, entryLen, entryRowid, arena, counters } = m;

  /** FNV-1a with a final avalanche (ids often differ only in their last digits). */
  function hash(p: Uint8Array, at: number, len: number): number {
    let h = 0x811c9dc5;
    for (let i = at; i < at + len; i++) h = Math.imul(h ^ p[i], 0x01000193);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  function sameBytes(e: number, p: Uint8Array, at: number, len: number): boolean {
    if (entryLen[e] !== len) return false;
    const a = entryAt[e];
    for (let i = 0; i < len; i++) if (arena[a + i] !== p[at + i]) return false;
    return true;
  }

  let entry = 0;
  let entryEnd = 0;
  let arenaAt = 0;

  /**
   * Reserves the entries of one person page (its cells, consecutive, so that lookups in
   * storage order can guess the next entry) and its share of the arena (a page's ids fit
   * in the page). False when the table is full (the caller gives up on the direct read).
   */
  function beginPage(cells: number, bytes: number): boolean {
    entry = Atomics.add(counters, 0, cells);
    entryEnd = entry + cells;
    arenaAt = Atomics.add(counters, 1, bytes);
    if (entryEnd > entryAt.length || arenaAt + bytes > arena.length) return false;
    entryLen.fill(-1, entry, entryEnd); // entries of rows without a TEXT id never match
    return true;
  }

  /** Adds the id of the next row of the page begun (or skips the row: insert not called). */
  function insert(p: Uint8Array, at: number, len: number, rowid: number, row: number): void {
    const e = entry + row;
    for (let i = 0; i < len; i++) arena[arenaAt + i] = p[at + i];
    entryAt[e] = arenaAt;
    entryLen[e] = len;
    entryRowid[e] = rowid;
    arenaAt += len;
    // The entry is complete before it is published by the compare-and-swap below.
    const h = hash(p, at, len);
    const tag = h | 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const cur = Atomics.compareExchange(slots, 2 * i, 0, e + 1);
      if (cur === 0) {
        Atomics.store(slots, 2 * i + 1, tag);
        return;
      }
      // A tag not written yet (0) means: compare the bytes (the entry itself is complete).
      const other = Atomics.load(slots, 2 * i + 1);
      if ((other === 0 || other === tag) && sameBytes(cur - 1, p, at, len)) {
        Atomics.store(counters, 2, 1);
        return;
      }
    }
  }

  /** Per stream (a table being read), the entry found last: rows in storage order usually ask for the next one. */
  const last = [-1, -1, -1, -1];

  /** The rowid of the person with this id, -1 when there is none. */
  function lookup(p: Uint8Array, at: number, len: number, stream: number): number {
    const guess = last[stream] + 1;
    if (guess < entryAt.length && sameBytes(guess, p, at, len)) {
      last[stream] = guess;
      return entryRowid[guess];
    }
    const h = hash(p, at, len);
    const tag = h | 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const cur = slots[2 * i];
      if (cur === 0) return -1;
      if (slots[2 * i + 1] === tag && sameBytes(cur - 1, p, at, len)) {
        last[stream] = cur - 1;
        return entryRowid[cur - 1];
      }
    }
  }

  const duplicates = (): boolean => Atomics.load(counters, 2) !== 0;

  return { beginPage, insert, lookup, duplicates };
}
