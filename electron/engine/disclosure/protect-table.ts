import type { DisclosurePolicy } from '../../../shared/disclosure/policy';
import { STATUS_CHAR, type ProtectedCounts, type ProtectionReason, type ReasonCounts } from '../../../shared/disclosure/protection';
import { checkTable, toGrid, type CountTable, type Grid } from './count-table';
import { exactlyDerivable } from './bridges';
import { IntervalFlow } from './interval-flow';
import { gridKeys, roundKeyed } from './rounding';
import { PERTURBATION_MAX_NOISE, PERTURBATION_VARIANCE } from './cell-key';
import { perturbGrid } from './perturb-table';
import { addCertificate } from './secondary';
import { SuppressionState } from './suppression-state';

export type DisclosureRules = Pick<DisclosurePolicy, 'threshold' | 'method' | 'roundingBase' | 'zerosUnsafe'>;

const PUBLISHED = 0;
const REASON_CODE: Record<ProtectionReason, number> = { primary: 1, class: 2, secondary: 3, rounded: 4, linked: 5, perturbed: 6 };
const CODE_CHAR = [STATUS_CHAR.published, STATUS_CHAR.primary, STATUS_CHAR.class, STATUS_CHAR.secondary, STATUS_CHAR.rounded, STATUS_CHAR.linked, STATUS_CHAR.perturbed];

export interface ProtectionStats {
  suppressed: number;
  /** Cells whose 4-cycle lower bound fell short, so an exact augmenting-path search ran. */
  exactSearches: number;
  certificatesAdded: number;
  ms: number;
}

export interface Protection {
  table: ProtectedCounts;
  stats: ProtectionStats;
}

/**
 * Disclosure control of one table: pure and deterministic (the same table and rules give
 * the same protected table). Suppression: primary and class cells, then secondary cells
 * until every suppressed cell's attacker interval is at least T wide. Rounding: every cell
 * and margin randomly rounded, keyed on its persons. Perturbation: every cell and margin
 * gets bounded noise from the ptable, picked by its cell key (`t.keys`, required).
 */
export interface ProtectOptions {
  visitBudget?: number;
  /**
   * Grid indices the release ledger requires suppressed (reason `linked`), with the audit
   * number of the earlier release each conflicts with. They join the suppressed cells before
   * the secondary audit, so the table on its own stays protected around them.
   */
  linked?: ReadonlyMap<number, number>;
}

export function protectTable(t: CountTable, rules: DisclosureRules, options: ProtectOptions = {}): Protection {
  const started = performance.now();
  checkTable(t);
  const g = toGrid(t);
  const status = new Uint8Array(g.R * g.C);
  const published = new Float64Array(g.value);
  let stats: ProtectionStats = { suppressed: 0, exactSearches: 0, certificatesAdded: 0, ms: 0 };
  if (rules.method === 'rounding') {
    const keys = gridKeys(t, g);
    for (let k = 0; k < published.length; k++) {
      if (options.linked?.has(k)) {
        // The ledger requires it withheld: a rounded value would still narrow an earlier cell.
        published[k] = NaN;
        status[k] = (options.linked.get(k) ?? 0) > 0 ? REASON_CODE.linked : REASON_CODE.secondary;
        continue;
      }
      if (g.value[k] === 0) continue;
      published[k] = roundKeyed(g.value[k], keys[k], rules.roundingBase);
      status[k] = REASON_CODE.rounded;
    }
  } else if (rules.method === 'perturbation') {
    const perturbed = perturbGrid(t, g, published);
    for (let k = 0; k < status.length; k++) {
      if (options.linked?.has(k)) {
        // The ledger requires it withheld: v ± D would still narrow a protected cell of an earlier release.
        published[k] = NaN;
        status[k] = REASON_CODE.linked;
      } else if (perturbed[k]) status[k] = REASON_CODE.perturbed;
    }
  } else {
    stats = suppress(g, t, rules, status, options.visitBudget ?? 100_000, options.linked);
    for (let k = 0; k < status.length; k++) if (status[k] !== PUBLISHED) published[k] = NaN;
  }
  stats.ms = performance.now() - started;
  const table = toProtectedCounts(t, g, rules, status, published);
  if (options.linked) table.linkedTo = [...options.linked].filter(([k, seq]) => seq > 0 && status[k] === REASON_CODE.linked);
  return { table, stats };
}

function suppress(g: Grid, t: CountTable, rules: DisclosureRules, status: Uint8Array, visitBudget: number, linked?: ReadonlyMap<number, number>): ProtectionStats {
  const T = rules.threshold;
  const st = new SuppressionState(g);
  // Required by the ledger: suppressed first, so primary/class reasons below take precedence.
  // (Earlier release 0: required by the release's own implied coarser tables: secondary.)
  if (linked) for (const [k, seq] of linked) if (st.add(k)) status[k] = seq > 0 ? REASON_CODE.linked : REASON_CODE.secondary;
  // Primary: fewer than T persons in a cell or margin (zeros only when unsafe).
  for (let k = 0; k < g.value.length; k++) {
    const p = g.persons[k];
    if ((p > 0 && p < T) || (p === 0 && rules.zerosUnsafe)) {
      status[k] = REASON_CODE.primary;
      st.add(k);
    }
  }
  // Class disclosure: a non-empty row or column whose whole total sits in one cell
  // (only meaningful when the row or column has more than one cell).
  const C = g.C;
  const soleCell = (cells: number[]) => (cells.length === 1 ? cells[0] : -1);
  for (let r = 0; r < t.rows && t.cols > 1; r++) {
    const nz: number[] = [];
    for (let c = 0; c < t.cols && nz.length < 2; c++) if (g.value[r * C + c] > 0) nz.push(r * C + c);
    const k = soleCell(nz);
    if (k >= 0 && status[k] === PUBLISHED) {
      status[k] = REASON_CODE.class;
      st.add(k);
    }
  }
  for (let c = 0; c < t.cols && t.rows > 1; c++) {
    const nz: number[] = [];
    for (let r = 0; r < t.rows && nz.length < 2; r++) if (g.value[r * C + c] > 0) nz.push(r * C + c);
    const k = soleCell(nz);
    if (k >= 0 && status[k] === PUBLISHED) {
      status[k] = REASON_CODE.class;
      st.add(k);
    }
  }
  // Secondary: every suppressed cell needs an interval at least T wide. Cells added by a
  // certificate carry one already; the others are checked, and certified where they fall short.
  const flow = new IntervalFlow(st, visitBudget);
  const certified = new Uint8Array(g.value.length);
  let exactSearches = 0;
  let certificatesAdded = 0;
  const initial = st.list.slice();
  for (const e of initial) {
    if (certified[e]) continue;
    const before = flow.exactVisits;
    const ok = flow.isProtected(e, T);
    if (flow.exactVisits !== before) exactSearches++;
    if (ok) continue;
    const added = addCertificate(st, e, T);
    if (added === null) {
      // Only a grid without a second row or column gets here: publish nothing.
      for (let k = 0; k < g.value.length; k++) if (st.add(k)) status[k] = REASON_CODE.secondary;
      break;
    }
    certificatesAdded++;
    certified[e] = 1;
    for (const k of added) {
      status[k] = REASON_CODE.secondary;
      certified[k] = 1;
    }
  }
  // Defence in depth: no suppressed cell may be exactly recomputable.
  if (exactlyDerivable(st).length > 0) throw new Error('disclosure control left a recomputable cell');
  return { suppressed: st.list.length, exactSearches, certificatesAdded, ms: 0 };
}

function toProtectedCounts(t: CountTable, g: Grid, rules: DisclosureRules, status: Uint8Array, published: Float64Array): ProtectedCounts {
  const C = g.C;
  const cells: (number | null)[] = new Array(t.rows * t.cols);
  let cellStatus = '';
  const counts: ReasonCounts = { primary: 0, class: 0, secondary: 0, rounded: 0, linked: 0, perturbed: 0 };
  const tally = (code: number) => {
    if (code === REASON_CODE.primary) counts.primary++;
    else if (code === REASON_CODE.class) counts.class++;
    else if (code === REASON_CODE.secondary) counts.secondary++;
    else if (code === REASON_CODE.rounded) counts.rounded++;
    else if (code === REASON_CODE.linked) counts.linked++;
    else if (code === REASON_CODE.perturbed) counts.perturbed++;
  };
  const value = (k: number) => (Number.isNaN(published[k]) ? null : published[k]);
  const chars: string[] = [];
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < t.cols; c++) {
      const k = r * C + c;
      cells[r * t.cols + c] = value(k);
      chars.push(CODE_CHAR[status[k]]);
      tally(status[k]);
    }
  }
  cellStatus = chars.join('');
  const rowTotals: (number | null)[] = [];
  let rowStatus = '';
  for (let r = 0; r < t.rows; r++) {
    const k = r * C + t.cols;
    rowTotals.push(value(k));
    rowStatus += CODE_CHAR[status[k]];
    tally(status[k]);
  }
  const colTotals: (number | null)[] = [];
  let colStatus = '';
  for (let c = 0; c < t.cols; c++) {
    const k = t.rows * C + c;
    colTotals.push(value(k));
    colStatus += CODE_CHAR[status[k]];
    tally(status[k]);
  }
  const kt = g.R * C - 1;
  tally(status[kt]);
  return {
    method: rules.method,
    threshold: rules.threshold,
    roundingBase: rules.method === 'rounding' ? rules.roundingBase : null,
    ...(rules.method === 'perturbation' ? { perturbation: { maxNoise: PERTURBATION_MAX_NOISE, variance: PERTURBATION_VARIANCE } } : {}),
    rows: t.rows,
    cols: t.cols,
    cells,
    rowTotals,
    colTotals,
    total: value(kt),
    cellStatus,
    rowStatus,
    colStatus,
    totalStatus: CODE_CHAR[status[kt]],
    counts,
    linkedTo: [],
  };
}
