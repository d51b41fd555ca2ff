/**
 * The person_id → person rowid lookup of the residence and decision queries
 * (`(SELECT p.rowid FROM person p WHERE p.person_id = t.person_id)`: BINARY comparison of
 * TEXT values). While the person pages are read, the workers append every TEXT id with its
 * rowid to shared memory (a page's rows as consecutive entries, no locking per row). Once
 * all person pages are read:
 * - when the ids ascend strictly (BINARY order) in rowid order, as in extracts written
 *   person by person, there are no duplicates and an id is found by binary search;
 * - otherwise each worker indexes all entries in a hash table of its own (plain memory)
 *   and finds any person_id that occurs twice: the open then reads through SQLite.
 * Lookups first try the person after the one found last: residence and decision rows
 * usually come in the persons' order. Self-contained factory so the worker runs the same source.
 */
export interface PersonIdMemory {
  entryAt: Int32Array;
  /** -1: no TEXT id (never matches). */
  entryLen: Int32Array;
  entryRowid: Float64Array;
  arena: Uint8Array;
  /** Per person leaf (in rowid order): its first entry and its rows. */
  leafBase: Int32Array;
  leafCells: Int32Array;
  /** [entries reserved, arena bytes reserved, 1 = some id out of order or not TEXT]. */
  counters: Int32Array;
}

export function newPersonIdMemory(maxPersons: number, arenaBytes: number, leaves: number): PersonIdMemory {
  const sab = (bytes: number) => new SharedArrayBuffer(Math.max(8, bytes));
  return {
    entryAt: new Int32Array(sab(maxPersons * 4)),
    entryLen: new Int32Array(sab(maxPersons * 4)).fill(-1),
    entryRowid: new Float64Array(sab(maxPersons * 8)),
    arena: new Uint8Array(sab(arenaBytes)),
    leafBase: new Int32Array(sab(leaves * 4)),
    leafCells: new Int32Array(sab(leaves * 4)),
    counters: new Int32Array(sab(12)),
  };
}

export function personIdModule(m: PersonIdMemory) {
  const { entryAt, entryLen, entryRowid, arena, leafBase, leafCells, counters } = m;
  const leaves = leafBase.length;

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
  let arenaAt = 0;

  /** Where the page begun starts in the page buffer, and in the arena (the arena keeps a copy of the page). */
  let pageAt = 0;

  /**
   * Reserves the entries of one person page (its cells, consecutive) and copies the page
   * (its usable bytes, where the ids are) into the arena in one piece. False when the
   * memory is full (the caller gives up on the direct read).
   */
  function beginPage(leaf: number, cells: number, p: Uint8Array, at: number, bytes: number): boolean {
    entry = Atomics.add(counters, 0, cells);
    arenaAt = Atomics.add(counters, 1, bytes);
    if (entry + cells > entryAt.length || arenaAt + bytes > arena.length) return false;
    leafBase[leaf] = entry;
    leafCells[leaf] = cells;
    arena.set(p.subarray(at, at + bytes), arenaAt);
    pageAt = at;
    return true;
  }

  /** BINARY order of entry e against bytes (memcmp, then the shorter first). */
  function compare(e: number, p: Uint8Array, at: number, len: number): number {
    const a = entryAt[e];
    const n = Math.min(entryLen[e], len);
    for (let i = 0; i < n; i++) {
      const d = arena[a + i] - p[at + i];
      if (d !== 0) return d;
    }
    return entryLen[e] - len;
  }

  /** A person row without a TEXT id: the ids are then not "ascending" (the hash table is used). */
  const noText = (): void => {
    counters[2] = 1;
  };

  /** Adds the id of row `row` of the page begun, at `at` in the page buffer. */
  function add(p: Uint8Array, at: number, len: number, rowid: number, row: number): void {
    const e = entry + row;
    // Ascending within the page? (Across pages: checked once all pages are in.)
    if (row > 0 && (entryLen[e - 1] < 0 || compare(e - 1, p, at, len) >= 0)) counters[2] = 1;
    entryAt[e] = arenaAt + (at - pageAt);
    entryLen[e] = len;
    entryRowid[e] = rowid;
  }

  /** [entry + 1 (0 = empty), hash tag] pairs, this worker's own. */
  let slots = new Int32Array(0);
  let mask = 0;

  let sorted = false;

  /**
   * Once all person pages are in: checks the order across pages, and when the ids do not
   * ascend, indexes every entry in a hash table. Returns false when a person_id occurs
   * twice (SQLite would return the first found through its index: not imitated).
   */
  function index(): boolean {
    sorted = Atomics.load(counters, 2) === 0;
    for (let l = 1; sorted && l < leaves; l++) {
      if (leafCells[l - 1] === 0 || leafCells[l] === 0) sorted = false;
      else if (compare(leafBase[l - 1] + leafCells[l - 1] - 1, arena, entryAt[leafBase[l]], entryLen[leafBase[l]]) >= 0) sorted = false;
    }
    if (sorted || (leaves === 1 && leafCells[0] === 0)) return true;
    const n = Math.min(Atomics.load(counters, 0), entryAt.length);
    let cap = 1024;
    while (cap < n * 2) cap *= 2;
    slots = new Int32Array(cap * 2);
    mask = cap - 1;
    for (let e = 0; e < n; e++) {
      const len = entryLen[e];
      if (len < 0) continue;
      const at = entryAt[e];
      const h = hash(arena, at, len);
      const tag = h | 1;
      for (let i = h & mask; ; i = (i + 1) & mask) {
        const cur = slots[2 * i];
        if (cur === 0) {
          slots[2 * i] = e + 1;
          slots[2 * i + 1] = tag;
          break;
        }
        if (slots[2 * i + 1] === tag && sameBytes(cur - 1, arena, at, len)) return false;
      }
    }
    return true;
  }

  /** Per stream (a table being read): the person found last, as leaf and row. */
  const lastLeaf = [-1, -1, -1, -1];
  const lastRow = [-1, -1, -1, -1];

  /** The rowid of the person with this id, -1 when there is none. */
  function lookup(p: Uint8Array, at: number, len: number, stream: number): number {
    // The person after the one found last.
    let l = lastLeaf[stream];
    let k = lastRow[stream] + 1;
    if (l >= 0) {
      if (k >= leafCells[l]) {
        l++;
        k = 0;
      }
      if (l < leaves && k < leafCells[l] && sameBytes(leafBase[l] + k, p, at, len)) return found(stream, l, k);
    }
    if (sorted) {
      // The last leaf whose first id is <= the id, then within it.
      let lo = 0;
      let hi = leaves - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (compare(leafBase[mid], p, at, len) <= 0) lo = mid;
        else hi = mid - 1;
      }
      let a = 0;
      let b = leafCells[lo] - 1;
      while (a <= b) {
        const mid = (a + b) >> 1;
        const c = compare(leafBase[lo] + mid, p, at, len);
        if (c === 0) return found(stream, lo, mid);
        if (c < 0) a = mid + 1;
        else b = mid - 1;
      }
      return -1;
    }
    if (slots.length === 0) return -1;
    const h = hash(p, at, len);
    const tag = h | 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const cur = slots[2 * i];
      if (cur === 0) return -1;
      if (slots[2 * i + 1] === tag && sameBytes(cur - 1, p, at, len)) {
        // Hash hits do not know their leaf: no guess after them.
        lastLeaf[stream] = -1;
        return entryRowid[cur - 1];
      }
    }
  }

  function found(stream: number, l: number, k: number): number {
    lastLeaf[stream] = l;
    lastRow[stream] = k;
    return entryRowid[leafBase[l] + k];
  }

  return { beginPage, add, noText, index, lookup };
}
