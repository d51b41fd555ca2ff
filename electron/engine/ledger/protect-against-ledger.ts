import type { Highs } from 'highs';
import type { DisclosurePolicy } from '../../../shared/disclosure/policy';
import { PERTURBATION_MAX_NOISE, type ProtectedCounts } from '../../../shared/disclosure/protection';
import { AppError } from '../core/app-error';
import type { CountTable } from '../disclosure/count-table';
import { protectTable } from '../disclosure/protect-table';
import { buildAtoms } from './atoms';
import { findViolations, type CheckStats, type EarlierKnowledge, type Violation } from './ledger-check';
import { ledgerTableOf, type LedgerTable } from './ledger-table';
import type { Hierarchy } from './hierarchy';
import type { SecondSolver } from './second-solver';
import { impliedTables } from './implied-tables';
import type { PersonCells } from './person-cells';
import { tableVectors } from './value-vectors';

/**
 * Largest noise of the cell-key perturbation table: an attacker who knows the (documented)
 * table knows a perturbed count only to within ±PERTURBATION_BOUND.
 */
export const PERTURBATION_BOUND = PERTURBATION_MAX_NOISE;

/** Past this share of its non-zero values suppressed because of earlier releases, a release is refused. */
export const MAX_LINKED_SHARE = 0.5;
const MAX_ROUNDS = 60;
/** Rounds a violation gets one more withheld value before the number doubles. */
const SINGLE_TRIES = 8;

export interface LedgerProtection {
  /** Per table of the release: grid index → audit number of the earlier release it conflicts with. */
  linked: Map<number, number>[];
  tables: ProtectedCounts[];
  /** Earlier releases this one was protected against (whose values share persons with it). */
  against: number[];
  rounds: number;
  stats: CheckStats | null;
  ms: number;
}

/**
 * Protects a new release given every earlier one (the ledger): checks what an attacker
 * holding all of them could derive and, while something forbidden shows, suppresses more
 * values of the NEW release (earlier releases are public facts and cannot change), re-running
 * each table's own protection around them. Refuses the release when that would take nearly
 * everything (`LINKED_TABLES`, or `DIFFERENCING_RISK` when a small group of persons is the
 * problem).
 */
export function protectAgainstLedger(
  highs: Highs,
  ledger: readonly LedgerTable[],
  release: { counts: CountTable[]; personCells: PersonCells[]; protected: ProtectedCounts[]; hierarchy: Hierarchy[] },
  policy: DisclosurePolicy,
  options: { intervals?: boolean; second?: SecondSolver | null } = {},
): LedgerProtection {
  const started = performance.now();
  const n = release.counts.length;
  const linked = Array.from({ length: n }, () => new Map<number, number>());
  const emptyResult = (tables: ProtectedCounts[]): LedgerProtection => ({ linked, tables, against: [], rounds: 0, stats: null, ms: performance.now() - started });
  const implies = release.hierarchy.some((h) => h !== null && h.level !== 'region');
  // Tables of one release describe the same persons (a fiche's lists): they are linked too.
  if (ledger.length === 0 && !implies && release.counts.length === 1) return emptyResult(release.protected);

  let current = release.protected;
  // The same table again (xlsx, then csv, then the clipboard): publish exactly what was
  // published before, which tells the attacker nothing new.
  const earlier = sameTablesBefore(ledger, release);
  const again = republish(earlier, release, policy);
  if (again) return { linked: again.linked, tables: again.tables, against: again.against, rounds: 0, stats: null, ms: performance.now() - started };
  // The same table published before under another policy (a higher T, rounding): keep what it
  // withheld. The new values are then the old ones or fewer, which tells nothing new, whereas
  // publishing an old secondary cell would give the old primary cells next to it.
  if (seedFromEarlier(earlier, linked)) current = release.counts.map((c, i) => protectTable(c, policy, { linked: linked[i] }).table);
  const ledgerOf = (tables: ProtectedCounts[]) => tables.map((t, i) => ledgerTableOf(t, release.personCells[i], 0, i, PERTURBATION_BOUND, release.hierarchy[i]));
  const fresh0 = ledgerOf(current);
  // Earlier tables, the coarser tables they imply, the new tables (contiguous), then theirs.
  const all = [...ledger, ...ledger.flatMap(impliedTables), ...fresh0, ...fresh0.flatMap(impliedTables)];
  const atoms = buildAtoms(all);
  const scratch = new Float64Array(atoms.count);
  const vectors = all.map((t, ti) => tableVectors(t, atoms, ti, scratch));
  const firstNew = all.indexOf(fresh0[0]);
  const against = new Set<number>();
  let stats: CheckStats | null = null;
  let only: Set<string> | undefined;
  const attempts = new Map<string, number>();
  const known: EarlierKnowledge = {};
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const check = findViolations({ tables: all, atoms, vectors, threshold: policy.threshold, highs, second: options.second, only, intervals: options.intervals, earlier: known });
    only = new Set(check.violations.map((v) => v.key));
    stats = check.stats;
    for (const v of check.violations) for (const r of v.releases) against.add(r);
    if (check.violations.length === 0) {
      return { linked, tables: current, against: sharedReleases(all, vectors, firstNew), rounds: round, stats, ms: performance.now() - started };
    }
    let added = 0;
    const pickedNow = new Set<string>();
    for (const v of check.violations) {

      // One value at a time first (each may settle it: the fewest withheld); what still fails
      // after a few rounds gets two, then four: a conflict that takes k values costs about
      // log k rounds, not k.
      const tries = (attempts.get(v.key) ?? 0) + 1;
      attempts.set(v.key, tries);
      // A lone conflict that persists doubles at once: nothing else competes for the values.
      const singles = check.violations.length <= 2 ? 1 : SINGLE_TRIES;
      const want = tries <= singles ? 1 : 2 ** Math.min(tries - singles, 10);
      const picks = v.candidates.take(want, (ti, k) => !Number.isNaN(all[ti].value[k]));
      // Every candidate already picked in this round: that pick may settle this one too.
      // No candidate at all: nothing in this release can settle it.
      if (picks.length === 0) {
        if (v.candidates.some((ti, k) => pickedNow.has(`${ti}:${k}`))) continue;
        refuse(v, policy);
      }
      for (const [ti, k] of picks) {
        pickedNow.add(`${ti}:${k}`);
        const i = ti - firstNew;
        if (!linked[i].has(k)) {
          linked[i].set(k, v.releases[v.releases.length - 1] ?? 0);
          added++;
        }
        // Mark it suppressed at once, so the next violation picks another value.
        all[ti].value[k] = NaN;
      }
    }
    if (added === 0) refuse(check.violations[0], policy);
    // Keep every cell suppressed so far (secondary ones as secondary): suppression only grows,
    // so the attacker only loses equations and only what failed can still fail.
    current.forEach((t, i) => keepSuppressed(t, linked[i]));
    current = release.counts.map((c, i) => protectTable(c, policy, { linked: linked[i] }).table);
    if (linkedShare(current) > MAX_LINKED_SHARE) refuse(check.violations[0], policy);
    const fresh = ledgerOf(current);
    for (let i = 0; i < n; i++) all[firstNew + i] = fresh[i];
  }
  throw new AppError('LINKED_TABLES', { earlier: [...against].map((r) => `#${r}`).join(', ') || '—' });
}

/** Per table of the release: the earlier tables that count the same persons in the same cells. */
function sameTablesBefore(ledger: readonly LedgerTable[], release: { counts: CountTable[]; personCells: PersonCells[] }): LedgerTable[][] {
  return release.counts.map((c, i) => ledger.filter((l) => l.rows === c.rows && l.cols === c.cols && samePersonCells(l.personCells, release.personCells[i])));
}

/** Grid index → release, for every value the given earlier tables withheld (the first release kept). */
function withheldBy(tables: readonly LedgerTable[], into = new Map<number, number>()): Map<number, number> {
  for (const t of tables) for (let k = 0; k < t.value.length; k++) if (Number.isNaN(t.value[k]) && !into.has(k)) into.set(k, t.release);
  return into;
}

/**
 * When every table of the release counts the same persons in the same cells as a table of
 * an earlier release, protect it with that release's suppressions and, if the values come
 * out identical, return it: nothing new leaves. Null otherwise.
 */
function republish(
  earlier: readonly LedgerTable[][],
  release: { counts: CountTable[]; personCells: PersonCells[]; protected: ProtectedCounts[]; hierarchy: Hierarchy[] },
  policy: DisclosurePolicy,
): { linked: Map<number, number>[]; tables: ProtectedCounts[]; against: number[] } | null {
  const linked: Map<number, number>[] = [];
  const tables: ProtectedCounts[] = [];
  const against = new Set<number>();
  for (let i = 0; i < release.counts.length; i++) {
    const same = earlier[i][0];
    if (!same) return null;
    const m = withheldBy([same]);
    const t = protectTable(release.counts[i], policy, { linked: m }).table;
    const now = ledgerTableOf(t, release.personCells[i], 0, i, PERTURBATION_BOUND);
    for (let k = 0; k < now.value.length; k++) {
      const a = now.value[k];
      const b = same.value[k];
      if (!(a === b || (Number.isNaN(a) && Number.isNaN(b))) || now.halfWidth[k] !== same.halfWidth[k]) return null;
    }
    linked.push(m);
    tables.push(t);
    against.add(same.release);
  }
  return { linked, tables, against: [...against] };
}

/** Marks, per new table, every value an earlier table over the same persons and cells withheld. */
function seedFromEarlier(earlier: readonly LedgerTable[][], linked: Map<number, number>[]): boolean {
  let seeded = false;
  earlier.forEach((tables, i) => {
    const before = linked[i].size;
    withheldBy(tables, linked[i]);
    if (linked[i].size > before) seeded = true;
  });
  return seeded;
}

function samePersonCells(a: PersonCells, b: PersonCells): boolean {
  if (a.person.length !== b.person.length || (a.weight === null) !== (b.weight === null)) return false;
  for (let i = 0; i < a.person.length; i++) if (a.person[i] !== b.person[i] || a.cell[i] !== b.cell[i]) return false;
  if (a.weight && b.weight) for (let i = 0; i < a.weight.length; i++) if (a.weight[i] !== b.weight[i]) return false;
  return true;
}

/** Adds the table's suppressed cells that are not yet in `linked` as secondary (earlier release 0). */
function keepSuppressed(t: ProtectedCounts, linked: Map<number, number>): void {
  const C = t.cols + 1;
  const keep = (k: number, status: string) => {
    if (status === 's' && !linked.has(k)) linked.set(k, 0);
  };
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < t.cols; c++) keep(r * C + c, t.cellStatus[r * t.cols + c]);
    keep(r * C + t.cols, t.rowStatus[r]);
  }
  for (let c = 0; c < t.cols; c++) keep(t.rows * C + c, t.colStatus[c]);
  keep(t.rows * C + t.cols, t.totalStatus);
}

function refuse(v: Violation, policy: DisclosurePolicy): never {
  const earlier = v.releases.map((r) => `#${r}`).join(', ') || '—';
  const code = v.kind === 'small-atom' || v.kind === 'small-difference' ? 'DIFFERENCING_RISK' : 'LINKED_TABLES';
  throw new AppError(code, { earlier, threshold: policy.threshold }, { releases: v.releases, kind: v.kind });
}

/** Share of the release's non-zero values that the ledger made suppress. */
function linkedShare(tables: ProtectedCounts[]): number {
  let linked = 0;
  let nonZero = 0;
  for (const t of tables) {
    linked += t.counts.linked;
    for (const v of t.cells) if (v !== 0) nonZero++;
  }
  return nonZero === 0 ? 0 : linked / nonZero;
}

/** Earlier releases sharing at least one person with the new one: what it was protected against. */
function sharedReleases(all: readonly LedgerTable[], vectors: ReadonlyArray<ReadonlyArray<{ atoms: Int32Array }>>, firstNew: number): number[] {
  const inNew = new Set<number>();
  for (let ti = firstNew; ti < all.length; ti++) for (const a of vectors[ti][vectors[ti].length - 1].atoms) inNew.add(a);
  const out = new Set<number>();
  for (let ti = 0; ti < firstNew; ti++) {
    const total = vectors[ti][vectors[ti].length - 1];
    if (total.atoms.some((a) => inNew.has(a))) out.add(all[ti].release);
  }
  return [...out].sort((x, y) => x - y);
}
