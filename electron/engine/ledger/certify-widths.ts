import type { Highs } from 'highs';
import { attackerModel, type LpConstraint } from './attacker-width';
import type { SecondSolver } from './second-solver';
import type { AtomVector } from './value-vectors';

export interface WidthTarget {
  /** The protected cell's unknown atoms (what the attacker must guess). */
  vector: AtomVector;
  /** Its true value over those atoms: a point every programme admits. */
  trueValue: number;
  /** The width it must keep (the threshold of its table). */
  need: number;
}

export interface WidthCertificate {
  /** Per target: true when the attacker's interval is proven narrower than `need`. */
  narrow: boolean[];
  /**
   * Per target: the width of the points found, a lower bound on the attacker's width (exact
   * for a target that got its own minimum and maximum).
   */
  width: number[];
  /** Programmes solved (each a min or a max). */
  programmes: number;
}

const MAX_SWEEPS = 64;
/** Targets a sweep must settle to be worth another one (measured: a sweep ≈ 40 own targets). */
const SWEEP_WORTH = 24;
const EPS = 1e-6;
/** Below this many unknown atoms a target's own pair of programmes costs less than the restricted one. */
const CHEAP_FROM_VARS = 16000;

/**
 * Decides, for each protected cell of one component, whether the attacker's interval is at
 * least its threshold wide, with as few programmes as possible.
 *
 * Every optimum the solver returns, whatever the objective, is a point that satisfies every
 * published value: the attacker cannot rule it out. So each solution widens the known
 * interval of EVERY target at once (the true counts are the first such point). Sweeps that
 * push all uncertified targets up, then down, together usually certify nearly all of them;
 * `cheap` (a restricted programme that bounds a width from below) settles more; only the
 * rest get their own minimum and maximum, which give the exact width. A cell is reported
 * narrow only after both, so the answer is exact, never a guess.
 *
 * `budget` caps the own programmes (in programme × variable units): past it the remaining
 * cells are reported narrow, which can only make the release withhold more.
 */
export function certifyWidths(
  highs: Highs,
  vars: readonly number[],
  constraints: readonly LpConstraint[],
  targets: readonly WidthTarget[],
  options: { cheap?: (i: number) => boolean; budget?: number; second?: SecondSolver | null } = {},
): WidthCertificate {
  const n = targets.length;
  const narrow = new Array<boolean>(n).fill(false);
  if (n === 0) return { narrow, width: [], programmes: 0 };
  const lo = targets.map((t) => t.trueValue);
  const hi = lo.slice();
  const done = new Uint8Array(n);
  const open = () => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (!done[i]) out.push(i);
    return out;
  };
  const { model, col, run, spec } = attackerModel(highs, vars, constraints);
  // The maximum on the second solver while this thread finds the minimum (same objective).
  let second = vars.length > 0 && options.second?.usable ? options.second : null;
  second?.load(spec, vars.length);
  const cols = targets.map((t) => {
    const c = new Int32Array(t.vector.atoms.length);
    for (let i = 0; i < c.length; i++) c[i] = col.get(t.vector.atoms[i]) ?? -1;
    return c;
  });
  const cost = new Float64Array(vars.length);
  const all = { kind: 'range', from: 0, to: vars.length - 1 } as const;
  const { minimize, maximize } = highs.constants.objectiveSense;
  const optimal = highs.constants.modelStatus.optimal;
  let programmes = 0;

  /** Widens every open target's interval by a point the attacker cannot rule out. */
  const absorb = (x: ArrayLike<number> = model.getSolution().colValue) => {
    for (let i = 0; i < n; i++) {
      if (done[i]) continue;
      const t = targets[i].vector;
      let v = 0;
      for (let j = 0; j < t.atoms.length; j++) if (cols[i][j] >= 0) v += t.coef[j] * x[cols[i][j]];
      if (v < lo[i]) lo[i] = v;
      if (v > hi[i]) hi[i] = v;
      if (hi[i] - lo[i] >= targets[i].need - EPS) done[i] = 1;
    }
  };
  const solve = (sense: typeof minimize) => {
    model.changeObjectiveSense(sense);
    run();
    programmes++;
    if (model.getModelStatus() !== optimal) throw new Error('attacker programme has no optimum');
    absorb();
  };
  /** Maximum and minimum of the current objective: on two threads when there is a second solver. */
  const both = () => {
    if (second) {
      second.post('maximize', cost);
      solve(minimize);
      const x = second.wait();
      if (x) {
        programmes++;
        absorb(x);
        return;
      }
      second = null; // retired: this thread solves alone from now on
    }
    solve(maximize);
    solve(minimize);
  };
  const setCost = (weights: ReadonlyArray<[number, number]>) => {
    cost.fill(0);
    for (const [i, w] of weights) {
      const t = targets[i].vector;
      for (let j = 0; j < t.atoms.length; j++) if (cols[i][j] >= 0) cost[cols[i][j]] += w * t.coef[j];
    }
    model.changeColsCost(all, cost);
  };

  try {
    if (vars.length === 0) {
      for (let i = 0; i < n; i++) narrow[i] = targets[i].need > EPS;
      return { narrow, width: new Array<number>(n).fill(0), programmes };
    }
    // Sweeps: all open targets together. The first pushes them all up, then all down; later
    // ones use random signed weights (seeded: the same release gets the same answer), which
    // reach the corners where some cells are high while others are low. A sweep costs about
    // as much as the own programmes of a few dozen targets (its objective is far from the last
    // optimum, an own one is near it): sweeping stops when it settles fewer than that.
    let seed = 0x9e3779b9;
    let worth = true;
    for (let s = 0; s < MAX_SWEEPS && worth; s++) {
      const before = open();
      if (before.length === 0) break;
      const weights = before.map((i) => {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        return [i, s === 0 ? 1 : seed / 2 ** 31 - 1] as [number, number];
      });
      setCost(weights);
      both();
      worth = before.length - open().length >= Math.max(SWEEP_WORTH, before.length / 20);
    }
    // The restricted programme is worth it only where the full one is large.
    if (options.cheap && vars.length > CHEAP_FROM_VARS) for (const i of open()) if (options.cheap(i)) done[i] = 1;
    let spent = 0;
    for (const i of open()) {
      if (done[i]) continue; // settled by an earlier target's optimum
      if (options.budget !== undefined && spent > options.budget) {
        narrow[i] = true;
        continue;
      }
      spent += 2 * vars.length;
      setCost([[i, 1]]);
      // Alone, the minimum is skipped when the maximum settles the cell; with two solvers
      // both run at once.
      if (second) both();
      else {
        solve(maximize);
        if (!done[i]) solve(minimize);
      }
      // Both optima of this target are now known: its interval is exact.
      if (!done[i]) narrow[i] = true;
    }
    return { narrow, width: hi.map((h, i) => h - lo[i]), programmes };
  } finally {
    model.dispose();
  }
}
