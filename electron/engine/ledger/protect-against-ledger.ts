import type { Highs } from 'highs';
import type { DisclosurePolicy } from '../../../shared/disclosure/policy';
import { PERTURBATION_MAX_NOISE, type ProtectedCounts } from '../../../shared/disclosure/protection';
import { AppError } from '../core/app-error';
import type { CountTable } from '../disclosure/count-table';
import { protectTable } from '../disclosure/protect-table';
import { buildAtoms } from './atoms';
import { findViolations, type CheckStats, type Violation } from './ledger-check';
import { ledgerTableOf, type LedgerTable } from './ledger-table';
import type { Hierarchy } from './hierarchy';
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
): LedgerProtection {
  const started = performance.now();
  const n = release.counts.length;
  const linked = Array.from({ length: n }, () => new Map<number, number>());
  const emptyResult = (tables: ProtectedCounts[]): LedgerProtection => ({ linked, tables, against: [], rounds: 0, stats: null, ms: performance.now() - started });
  const implies = release.hierarchy.some((h) => h !== null && h.level !== 'region');
  if (ledger.length === 0 && !implies) return emptyResult(release.protected);

  let current = release.protected;
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
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const check = findViolations({ tables: all, atoms, vectors, threshold: policy.threshold, highs });
    stats = check.stats;
    for (const v of check.violations) for (const r of v.releases) against.add(r);
    if (check.violations.length === 0) {
      return { linked, tables: current, against: sharedReleases(all, vectors, firstNew), rounds: round, stats, ms: performance.now() - started };
    }
    let added = 0;
    const pickedNow = new Set<string>();
    for (const v of check.violations) {
      if (v.candidates.length === 0) refuse(v, policy);
      const pick = v.candidates.find(([ti, k]) => !Number.isNaN(all[ti].value[k]));
      // Every candidate already picked in this round: that pick may settle this one too.
      if (!pick) {
        if (v.candidates.some(([ti, k]) => pickedNow.has(`${ti}:${k}`))) continue;
        refuse(v, policy);
      }
      pickedNow.add(`${pick[0]}:${pick[1]}`);
      const [ti, k] = pick;
      const i = ti - firstNew;
      if (!linked[i].has(k)) {
        linked[i].set(k, v.releases[v.releases.length - 1] ?? 0);
        added++;
      }
      // Mark it suppressed at once, so the next violation picks another value.
      all[ti].value[k] = NaN;
    }
    if (added === 0) refuse(check.violations[0], policy);
    current = release.counts.map((c, i) => protectTable(c, policy, { linked: linked[i] }).table);
    if (linkedShare(current) > MAX_LINKED_SHARE) refuse(check.violations[0], policy);
    const fresh = ledgerOf(current);
    for (let i = 0; i < n; i++) all[firstNew + i] = fresh[i];
  }
  throw new AppError('LINKED_TABLES', { earlier: [...against].map((r) => `#${r}`).join(', ') || '—' });
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
