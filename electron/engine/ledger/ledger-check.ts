import type { Highs } from 'highs';
import type { SecondSolver } from './second-solver';
import type { Atoms } from './atoms';
import { knownAtoms, unknownPart } from './known-atoms';
import type { LedgerTable } from './ledger-table';
import { EchelonBasis } from './span';
import { attackerWidth, type LpConstraint } from './attacker-width';
import { certifyWidths } from './certify-widths';
import type { AtomVector } from './value-vectors';

/** What went wrong, as the attacker would exploit it. */
export type ViolationKind = 'derivable-cell' | 'narrow-cell' | 'small-atom' | 'small-difference';

export interface Violation {
  kind: ViolationKind;
  /** Identifies the item across rounds: `c:table:grid`, `a:atom` or `d:table:grid:table:grid`. */
  key: string;
  /** The protected cell concerned (table index in the check's list, grid index), if a cell. */
  cell: [number, number] | null;
  /** Earlier releases (audit numbers) whose values take part. */
  releases: number[];
  /** Values of the new release to suppress, best first: [table index, grid index]. */
  candidates: CandidateList;
}

export interface CheckInput {
  tables: readonly LedgerTable[];
  atoms: Atoms;
  vectors: readonly AtomVector[][];
  /** Threshold for small groups of persons (atoms, differences): the policy in force. */
  threshold: number;
  /** Tables of the release being protected have release number 0. */
  highs: Highs;
  /** A solver on another thread for half of the interval programmes (see second-solver.ts). */
  second?: SecondSolver | null;
  /**
   * Check only these items (keys as in `Violation.key`): after more suppression the attacker
   * knows less, so only what failed before can still fail.
   */
  only?: ReadonlySet<string>;
  /** False: exact derivability only, no linear programmes (the quick preview on screen). */
  intervals?: boolean;
  /**
   * What the earlier releases alone give away, kept between rounds of one protection (they do
   * not change while the new release withholds more): filled on first use.
   */
  earlier?: EarlierKnowledge;
}

export interface EarlierKnowledge {
  known?: Uint8Array;
  basis?: EchelonBasis;
}

export interface CheckStats {
  atoms: number;
  knownAtoms: number;
  rank: number;
  programmes: number;
}

interface Published {
  ti: number;
  k: number;
  v: AtomVector;
  exact: boolean;
}

/**
 * Everything an attacker holding all releases (ledger + the new one) could learn that the
 * rules forbid: a protected cell recomputed exactly or narrowed below its threshold, a group
 * of 1..T−1 persons (an atom, or the difference of two nested published values) pinned.
 */
export function findViolations(input: CheckInput): { violations: Violation[]; stats: CheckStats } {
  const { tables, atoms, vectors, threshold: T, highs } = input;
  const published: Published[] = [];
  tables.forEach((t, ti) => {
    for (let k = 0; k < t.value.length; k++) {
      if (Number.isNaN(t.value[k]) || vectors[ti][k].atoms.length === 0) continue;
      published.push({ ti, k, v: vectors[ti][k], exact: t.halfWidth[k] === 0 });
    }
  });
  const exact = published.filter((p) => p.exact);
  const known = knownAtoms(atoms.count, exact.map((p) => p.v));
  // What the earlier releases alone already give away is no disclosure of this release
  // (e.g. the same table again with a higher T: its 10s and 11s were published before).
  const memo = input.earlier ?? {};
  const knownBefore = (memo.known ??= knownAtoms(atoms.count, exact.filter((p) => tables[p.ti].release !== 0).map((p) => p.v)));
  const byAtom = atomIndex(atoms.count, published);
  const isNew = (ti: number) => tables[ti].release === 0;
  // Atoms the new release says something about, and the components of unknown atoms they
  // reach: only there can the attacker learn anything new (values in other components share
  // no unknown atom, so they cannot combine with the new ones).
  const comp = components(atoms.count, published, known);
  const touchedRoots = new Set<number>();
  for (const p of published) if (isNew(p.ti)) for (const a of p.v.atoms) if (!known[a]) touchedRoots.add(comp.find(a));
  const reached = (u: AtomVector) => u.atoms.some((a) => touchedRoots.has(comp.find(a)));

  const violations: Violation[] = [];
  const wanted = (key: string) => !input.only || input.only.has(key);
  // The earlier releases alone, in echelon form (built when first needed).
  let before: EchelonBasis | null = memo.basis ?? null;
  const derivableBefore = (v: AtomVector): boolean => {
    const u = unknownPart(v, knownBefore);
    if (u.atoms.length === 0) return true;
    if (!before) {
      before = memo.basis = new EchelonBasis(atoms.count);
      for (const p of exact) {
        if (isNew(p.ti)) continue;
        const r = unknownPart(p.v, knownBefore);
        if (r.atoms.length >= 2) before.add(r.atoms, r.coef);
      }
    }
    return before.contains(u.atoms, u.coef);
  };
  const report = (kind: ViolationKind, key: string, cell: [number, number] | null, support: ArrayLike<number>, first: Array<[number, number]> = []) => {
    // A new release's own cell or a small group that the earlier releases already give away
    // exactly is not this release's disclosure, and no suppression in it could undo that.
    if (cell && isNew(cell[0]) && derivableBefore(vectors[cell[0]][cell[1]])) return;
    if (kind === 'small-atom' && derivableBefore({ atoms: Int32Array.from(support), coef: new Float64Array(support.length).fill(1) })) return;
    violations.push({ kind, key, cell, releases: releasesOf(support, byAtom, published, tables), candidates: new CandidateList(support, first, byAtom, published, tables) });
  };

  // 1. Substitution alone.
  const pendingCells: Array<{ ti: number; k: number; u: AtomVector; full: AtomVector }> = [];
  tables.forEach((t, ti) => {
    for (let k = 0; k < t.sensitive.length; k++) {
      if (!t.sensitive[k]) continue;
      const full = vectors[ti][k];
      if (full.atoms.length === 0 || !wanted(`c:${ti}:${k}`)) continue;
      if (isNew(ti) && unknownPart(full, knownBefore).atoms.length === 0) continue;
      const u = unknownPart(full, known);
      if (u.atoms.length === 0) report('derivable-cell', `c:${ti}:${k}`, [ti, k], full.atoms);
      else if (isNew(ti) || reached(u)) pendingCells.push({ ti, k, u, full });
    }
  });
  const pendingAtoms: number[] = [];
  for (let a = 0; a < atoms.count; a++) {
    if (atoms.size[a] >= T || !wanted(`a:${a}`) || knownBefore[a]) continue;
    if (known[a]) report('small-atom', `a:${a}`, null, [a]);
    else if (touchedRoots.has(comp.find(a))) pendingAtoms.push(a);
  }
  for (const [w, u] of nestedSmallDifferences(published, byAtom, tables, T)) {
    const key = `d:${w.ti}:${w.k}:${u.ti}:${u.k}`;
    // Only withholding one of the two values undoes a difference: the new one goes first.
    const own = [w, u].filter((p) => isNew(p.ti)).map((p) => [p.ti, p.k] as [number, number]);
    if (wanted(key)) report('small-difference', key, null, differenceSupport(u.v, w.v), own);
  }

  // 2. Elimination over the atoms substitution left unknown.
  const basis = new EchelonBasis(atoms.count);
  for (const p of exact) {
    const u = unknownPart(p.v, known);
    if (u.atoms.length >= 2) basis.add(u.atoms, u.coef);
  }
  const stillOpen: typeof pendingCells = [];
  for (const c of pendingCells) {
    if (basis.contains(c.u.atoms, c.u.coef)) report('derivable-cell', `c:${c.ti}:${c.k}`, [c.ti, c.k], c.u.atoms);
    else stillOpen.push(c);
  }
  for (const a of pendingAtoms) if (basis.contains([a], [1])) report('small-atom', `a:${a}`, null, [a]);

  // 3. Intervals: the attacker's linear programme, where the table's own audit does not cover it.
  let programmes = 0;
  const ownTableOnly = componentTables(comp, published, known);
  const groups = new Map<number, typeof stillOpen>();
  const exactTable = tables.map((t) => t.halfWidth.every((h) => h === 0));
  for (const c of stillOpen) {
    // Implied coarser tables publish nothing: their small cells are held to exact
    // non-derivability (above); the interval guarantee is for cells of released tables.
    if (tables[c.ti].index < 0 || input.intervals === false) continue;
    const roots = new Set(Array.from(c.u.atoms, (a) => comp.find(a)));
    const tablesIn = new Set<number>();
    for (const r of roots) for (const ti of ownTableOnly.get(r) ?? []) tablesIn.add(ti);
    // Only this table's own equations reach the cell: its flow audit already proved width ≥ T.
    if (tablesIn.size <= 1 && [...tablesIn].every((ti) => ti === c.ti) && exactTable[c.ti]) continue;
    // A cell over atoms of several components joins them: its programme spans them all.
    const key = comp.find(c.u.atoms[0]);
    for (const r of roots) comp.union(r, key);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(c);
  }
  // A later cell may have joined two groups' components: one programme per final component.
  const byRoot = new Map<number, typeof stillOpen>();
  for (const [key, cells] of groups) {
    const root = comp.find(key);
    byRoot.set(root, [...(byRoot.get(root) ?? []), ...cells]);
  }
  // One pass over the atoms and the published values for all groups, not one per group.
  const varsOf = new Map<number, number[]>();
  const constraintsOf = new Map<number, LpConstraint[]>();
  const earlierOf = new Map<number, LpConstraint[]>();
  for (const root of byRoot.keys()) {
    varsOf.set(root, []);
    constraintsOf.set(root, []);
    earlierOf.set(root, []);
  }
  for (let a = 0; a < atoms.count; a++) if (!known[a]) varsOf.get(comp.find(a))?.push(a);
  for (const p of published) {
    let root = -1;
    let knownPart = 0;
    for (let i = 0; i < p.v.atoms.length; i++) {
      const a = p.v.atoms[i];
      if (known[a]) knownPart += p.v.coef[i] * atoms.size[a];
      else if (root < 0) root = comp.find(a);
    }
    const list = root < 0 ? undefined : constraintsOf.get(root);
    if (!list) continue;
    const u = unknownPart(p.v, known);
    const h = tables[p.ti].halfWidth[p.k];
    const value = tables[p.ti].value[p.k];
    const constraint = { atoms: u.atoms, coef: u.coef, lo: value - h - knownPart, hi: value + h - knownPart };
    list.push(constraint);
    if (!isNew(p.ti)) earlierOf.get(root)?.push(constraint);
  }
  for (const [root, cells] of byRoot) {
    const vars = varsOf.get(root) ?? [];
    const constraints = constraintsOf.get(root) ?? [];
    const targets = cells.map((c) => ({ vector: c.u, trueValue: valueOf(c.u, atoms), need: tables[c.ti].threshold }));
    // A small programme around the cell, everything else held at its true count, bounds the
    // attacker's width from below: it settles cells the sweeps left without their own pair.
    const cheap = (i: number) => {
      programmes += 2;
      const c = cells[i];
      return localWidth(highs, c.ti, c.k, c.full, tables, vectors, published, byAtom, atoms, known) >= tables[c.ti].threshold - 1e-6;
    };
    const result = certifyWidths(highs, vars, constraints, targets, { cheap, budget: FULL_PROGRAMME_BUDGET, second: input.second });
    programmes += result.programmes;
    // A cell of the new release that the earlier releases alone already hold this narrow
    // (the same table again under a higher T) is not narrowed by this release, and no
    // suppression in it could widen it: what counts is that it narrows nothing further.
    // `result.width` is exact for a narrow cell (its own programmes ran), or a lower bound.
    const own = cells.flatMap((c, i) => (result.narrow[i] && isNew(c.ti) ? [i] : []));
    const before = own.length > 0 ? attackerWidth(highs, vars, earlierOf.get(root) ?? [], own.map((i) => cells[i].u), input.second) : [];
    programmes += 2 * own.length;
    const notNarrowed = new Set(own.filter((i, j) => result.width[i] >= before[j] - 1e-6));
    cells.forEach((c, i) => {
      if (result.narrow[i] && !notNarrowed.has(i)) report('narrow-cell', `c:${c.ti}:${c.k}`, [c.ti, c.k], c.full.atoms);
    });
  }
  let knownCount = 0;
  for (let a = 0; a < atoms.count; a++) knownCount += known[a];
  return { violations, stats: { atoms: atoms.count, knownAtoms: knownCount, rank: basis.rank, programmes } };
}

const LOCAL_ATOMS = 120;
/**
 * Own programmes × variables a component may spend on cells that sweeps and the restricted
 * programme left open; past it they count as too narrow (more suppression, never less).
 */
const FULL_PROGRAMME_BUDGET = 20_000_000;

const valueOf = (v: AtomVector, atoms: Atoms): number => {
  let s = 0;
  for (let i = 0; i < v.atoms.length; i++) s += v.coef[i] * atoms.size[v.atoms[i]];
  return s;
};

/**
 * The attacker's width of a protected cell in a restricted programme: only the unknown atoms
 * of the suppressed inner cells in the cell's row and column of its own table, and of the
 * suppressed cells where those rows and columns cross, may move; every other atom stays at
 * its true size. The true sizes satisfy every published value, so the restricted feasible
 * set lies inside the attacker's, and its width can only be smaller: a width ≥ T here proves
 * width ≥ T there. (The flow audit's 4-cycles live in exactly this neighbourhood.)
 */
function localWidth(
  highs: Highs,
  ti: number,
  k: number,
  full: AtomVector,
  tables: readonly LedgerTable[],
  vectors: readonly AtomVector[][],
  published: readonly Published[],
  byAtom: { start: Int32Array; list: Int32Array },
  atoms: Atoms,
  known: Uint8Array,
): number {
  const t = tables[ti];
  const C = t.cols + 1;
  const r0 = Math.floor(k / C);
  const c0 = k % C;
  const suppressed = (r: number, c: number) => Number.isNaN(t.value[r * C + c]);
  const rows: number[] = [];
  const cols: number[] = [];
  for (let r = 0; r <= t.rows; r++) if (r !== r0 && suppressed(r, c0)) rows.push(r);
  for (let c = 0; c <= t.cols; c++) if (c !== c0 && suppressed(r0, c)) cols.push(c);
  const chosen = new Set<number>();
  const addCell = (r: number, c: number) => {
    if (r === t.rows || c === t.cols) return; // margins are sums of inner cells
    for (const a of vectors[ti][r * C + c].atoms) if (!known[a] && chosen.size < LOCAL_ATOMS) chosen.add(a);
  };
  addCell(r0, c0);
  for (const r of rows) addCell(r, c0);
  for (const c of cols) addCell(r0, c);
  for (const r of rows) for (const c of cols) if (suppressed(r, c)) addCell(r, c);
  const vars = [...chosen].sort((x, y) => x - y);
  const seen = new Set<number>();
  const constraints: LpConstraint[] = [];
  for (const a of vars) {
    for (let j = byAtom.start[a]; j < byAtom.start[a + 1]; j++) {
      const pi = byAtom.list[j];
      if (seen.has(pi)) continue;
      seen.add(pi);
      const p = published[pi];
      let fixed = 0;
      const inA: number[] = [];
      const inC: number[] = [];
      for (let i = 0; i < p.v.atoms.length; i++) {
        const b = p.v.atoms[i];
        if (chosen.has(b)) {
          inA.push(b);
          inC.push(p.v.coef[i]);
        } else fixed += p.v.coef[i] * atoms.size[b];
      }
      const h = tables[p.ti].halfWidth[p.k];
      const value = tables[p.ti].value[p.k];
      constraints.push({ atoms: Int32Array.from(inA), coef: Float64Array.from(inC), lo: value - h - fixed, hi: value + h - fixed });
    }
  }
  return attackerWidth(highs, vars, constraints, [full])[0];
}

/** Atom → indices into `published` (CSR). */
function atomIndex(count: number, published: readonly Published[]): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(count + 1);
  for (const p of published) for (const a of p.v.atoms) start[a + 1]++;
  for (let a = 0; a < count; a++) start[a + 1] += start[a];
  const fill = start.slice(0, count);
  const list = new Int32Array(start[count]);
  published.forEach((p, i) => {
    for (const a of p.v.atoms) list[fill[a]++] = i;
  });
  return { start, list };
}

function releasesOf(support: ArrayLike<number>, byAtom: { start: Int32Array; list: Int32Array }, published: readonly Published[], tables: readonly LedgerTable[]): number[] {
  const out = new Set<number>();
  for (let i = 0; i < support.length; i++) {
    const a = support[i];
    for (let j = byAtom.start[a]; j < byAtom.start[a + 1]; j++) {
      const r = tables[published[byAtom.list[j]].ti].release;
      if (r > 0) out.add(r);
    }
  }
  return [...out].sort((x, y) => x - y);
}

type GridRef = [number, number];

/**
 * The new release's values to suppress for a violation, best first: `first` (given by the
 * check), then those over the same atoms ("near"), then those one step further ("far"), over
 * atoms of any value that shares atoms with the support (the other cells of the block in a
 * derivation such as "arrondissement cell minus its published municipality cells"). Inner
 * cells come before margins (a margin is worth more to the analyst), small before large.
 *
 * The far set is gathered only when a pick reaches it: most violations are settled from the
 * near set, and gathering the far set scans every atom of every value next to the support.
 * Values withheld since (NaN) sort last and are never taken, so the order of the others is
 * the order the whole list would have had when the check ran.
 */
export class CandidateList {
  private readonly near: Set<number>;
  private readonly via: Set<number>;
  private nearOrder: GridRef[] | null = null;
  private farOrder: GridRef[] | null = null;

  constructor(
    support: ArrayLike<number>,
    private readonly first: readonly GridRef[],
    private readonly byAtom: { start: Int32Array; list: Int32Array },
    private readonly published: readonly Published[],
    private readonly tables: readonly LedgerTable[],
  ) {
    this.near = new Set<number>();
    this.via = new Set<number>();
    for (let i = 0; i < support.length; i++) {
      const a = support[i];
      for (let j = byAtom.start[a]; j < byAtom.start[a + 1]; j++) {
        const pi = byAtom.list[j];
        if (tables[published[pi].ti].release === 0) this.near.add(pi);
        else this.via.add(pi);
      }
    }
    this.nearOrder = this.order(this.near);
  }

  /** The first `want` candidates that `usable` accepts, in order. */
  take(want: number, usable: (ti: number, k: number) => boolean): GridRef[] {
    const out: GridRef[] = [];
    if (want <= 0) return out;
    for (const ref of this.ordered()) {
      if (!usable(ref[0], ref[1])) continue;
      out.push(ref);
      if (out.length >= want) break;
    }
    return out;
  }

  /** Whether some candidate satisfies `test` (walks the whole list). */
  some(test: (ti: number, k: number) => boolean): boolean {
    for (const ref of this.ordered()) if (test(ref[0], ref[1])) return true;
    return false;
  }

  /** The whole list, in order. */
  all(): GridRef[] {
    return [...this.ordered()];
  }

  private *ordered(): Generator<GridRef> {
    yield* this.first;
    const isFirst = ([ti, k]: GridRef) => this.first.some(([fi, fk]) => fi === ti && fk === k);
    const near = this.nearOrder!.filter((r) => !isFirst(r));
    const inner = (r: GridRef) => !this.isMargin(r[0], r[1]);
    for (const r of near) if (inner(r)) yield r;
    const far = (this.farOrder ??= this.order(this.farSet())).filter((r) => !isFirst(r));
    for (const r of far) if (inner(r)) yield r;
    for (const r of near) if (!inner(r)) yield r;
    for (const r of far) if (!inner(r)) yield r;
  }

  private farSet(): Set<number> {
    const { byAtom, published, tables, near } = this;
    const far = new Set<number>();
    let budget = 20_000;
    for (const pi of this.via) {
      for (const a of published[pi].v.atoms) {
        if (--budget < 0) break;
        for (let j = byAtom.start[a]; j < byAtom.start[a + 1]; j++) {
          const qi = byAtom.list[j];
          if (tables[published[qi].ti].release === 0 && !near.has(qi)) far.add(qi);
        }
      }
    }
    return far;
  }

  private isMargin(ti: number, k: number): boolean {
    const t = this.tables[ti];
    const C = t.cols + 1;
    return k % C === t.cols || Math.floor(k / C) === t.rows;
  }

  /** Inner cells before margins, then by value (withheld ones last), table and grid index. */
  private order(list: Set<number>): GridRef[] {
    const value = (p: Published) => {
      const v = this.tables[p.ti].value[p.k];
      return Number.isNaN(v) ? Infinity : v;
    };
    return [...list]
      .map((pi) => this.published[pi])
      .sort((x, y) => Number(this.isMargin(x.ti, x.k)) - Number(this.isMargin(y.ti, y.k)) || value(x) - value(y) || x.ti - y.ti || x.k - y.k)
      .map((p) => [p.ti, p.k] as GridRef);
  }
}

/**
 * Pairs of exact published values of one-person-one-cell tables, at least one of them new,
 * where one's persons lie within the other's and the difference is 1..T−1 persons: the
 * difference is then a small group anyone can count (two cohorts a few persons apart).
 */
function nestedSmallDifferences(published: readonly Published[], byAtom: { start: Int32Array; list: Int32Array }, tables: readonly LedgerTable[], T: number): Array<[Published, Published]> {
  const out: Array<[Published, Published]> = [];
  const weighted = (p: Published) => tables[p.ti].personCells.weight !== null;
  const total = (p: Published) => tables[p.ti].value[p.k];
  for (const w of published) {
    if (!w.exact || weighted(w)) continue;
    const a0 = w.v.atoms[0];
    for (let j = byAtom.start[a0]; j < byAtom.start[a0 + 1]; j++) {
      const u = published[byAtom.list[j]];
      if (u === w || !u.exact || weighted(u) || u.ti === w.ti) continue;
      if (tables[u.ti].release !== 0 && tables[w.ti].release !== 0) continue;
      const d = total(u) - total(w);
      if (d < 1 || d >= T) continue;
      if (contains(u.v, w.v)) out.push([w, u]);
    }
  }
  return out;
}

const contains = (outer: AtomVector, inner: AtomVector): boolean => {
  let i = 0;
  for (let j = 0; j < inner.atoms.length; j++) {
    while (i < outer.atoms.length && outer.atoms[i] < inner.atoms[j]) i++;
    if (i === outer.atoms.length || outer.atoms[i] !== inner.atoms[j]) return false;
  }
  return true;
};

function differenceSupport(outer: AtomVector, inner: AtomVector): number[] {
  const skip = new Set(inner.atoms);
  return Array.from(outer.atoms).filter((a) => !skip.has(a));
}

/** Union-find over atoms, joined by every published value's unknown atoms. */
function components(count: number, published: readonly Published[], known: Uint8Array) {
  const parent = new Int32Array(count);
  for (let a = 0; a < count; a++) parent[a] = a;
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  };
  for (const p of published) {
    let first = -1;
    for (const a of p.v.atoms) {
      if (known[a]) continue;
      if (first < 0) first = a;
      else union(first, a);
    }
  }
  return { find, union };
}

/** Per component root: the tables whose published values reach into it. */
function componentTables(comp: { find: (a: number) => number }, published: readonly Published[], known: Uint8Array): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const p of published) {
    for (const a of p.v.atoms) {
      if (known[a]) continue;
      const r = comp.find(a);
      (out.get(r) ?? out.set(r, new Set()).get(r)!).add(p.ti);
      break;
    }
  }
  return out;
}
