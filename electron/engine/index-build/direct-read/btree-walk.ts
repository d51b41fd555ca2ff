import { DirectReadNotSupported } from './not-supported';

/**
 * SQLite table b-tree pages (https://www.sqlite.org/fileformat2.html#b_tree_pages): 0x05
 * interior (children + rightmost pointer), 0x0d leaf (cells: payload size, rowid, payload).
 * Self-contained factory so the worker runs the same source. Every offset is checked
 * against the page: a page that does not parse is a structural surprise, never guessed at.
 */
export function btreeModule() {
  const INTERIOR = 0x05;
  const LEAF = 0x0d;

  /** The child pages of an interior page at `at` in `p`, in key order; null when it is no interior table page. */
  function interiorChildren(p: Uint8Array, at: number, usable: number, out: number[]): boolean {
    if (p[at] !== INTERIOR) return false;
    const cells = (p[at + 3] << 8) | p[at + 4];
    if (12 + 2 * cells > usable) return false;
    for (let i = 0; i < cells; i++) {
      const c = (p[at + 12 + 2 * i] << 8) | p[at + 13 + 2 * i];
      if (c < 12 || c + 4 > usable) return false;
      out.push(((p[at + c] << 24) >>> 0) + (p[at + c + 1] << 16) + (p[at + c + 2] << 8) + p[at + c + 3]);
    }
    out.push(((p[at + 8] << 24) >>> 0) + (p[at + 9] << 16) + (p[at + 10] << 8) + p[at + 11]);
    return true;
  }

  const isLeaf = (p: Uint8Array, at: number): boolean => p[at] === LEAF;

  return { interiorChildren, isLeaf };
}

/**
 * The leaf pages of the table b-tree rooted at `root`, left to right (= rowid order). Level
 * by level: SQLite's b-trees are balanced, so once the first page of a level is a leaf,
 * they all are (the workers check each leaf's type). `readPage` returns one verified,
 * decrypted page (offset 0).
 */
export function listLeaves(readPage: (page: number) => Uint8Array, root: number, pages: number, usable: number): number[] {
  const bt = btreeModule();
  // A page met twice is a cycle or a shared child (a damaged or crafted file): without this
  // a level could multiply until memory runs out. SQLite then reads the file and reports it.
  const seen = new Uint8Array(pages + 1);
  let level = [root];
  for (let depth = 0; ; depth++) {
    if (depth > 20) throw new DirectReadNotSupported('b-tree depth');
    for (const page of level) {
      if (page < 2 || page > pages) throw new DirectReadNotSupported('page number');
      if (seen[page]) throw new DirectReadNotSupported('b-tree page met twice');
      seen[page] = 1;
    }
    if (bt.isLeaf(readPage(level[0]), 0)) return level;
    const next: number[] = [];
    for (const page of level) {
      if (!bt.interiorChildren(readPage(page), 0, usable, next)) throw new DirectReadNotSupported('b-tree page');
      if (next.length > pages) throw new DirectReadNotSupported('b-tree page met twice');
    }
    level = next;
  }
}
