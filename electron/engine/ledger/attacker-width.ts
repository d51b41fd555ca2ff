import type { Highs } from 'highs';
import type { SecondSolver } from './second-solver';
import type { AtomVector } from './value-vectors';

/** lo ≤ Σ coef·x ≤ hi over unknown atoms (lo = hi for a value published exactly). */
export interface LpConstraint {
  atoms: Int32Array;
  coef: Float64Array;
  lo: number;
  hi: number;
}

const BOX = 1e9;

/**
 * The attacker's programme over `vars` (unknown atoms, x ≥ 0): every published value an
 * equation, or a band for rounded and perturbed values. No objective yet: callers set one
 * and re-run on the same model (HiGHS then starts from the last basis).
 */
export function attackerModel(highs: Highs, vars: readonly number[], constraints: readonly LpConstraint[]) {
  const col = new Map<number, number>();
  vars.forEach((a, i) => col.set(a, i));
  const n = vars.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (const c of constraints) {
    const entries: Array<[number, number]> = [];
    for (let i = 0; i < c.atoms.length; i++) {
      const j = col.get(c.atoms[i]);
      if (j !== undefined) entries.push([j, c.coef[i]]);
    }
    if (entries.length === 0) continue;
    entries.sort((x, y) => x[0] - y[0]);
    for (const [j, v] of entries) {
      indices.push(j);
      values.push(v);
    }
    starts.push(indices.length);
    lower.push(c.lo);
    upper.push(c.hi);
  }
  const m = lower.length;
  const spec = {
    numCols: n,
    numRows: m,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(BOX),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    matrix: { format: 'csr' as const, numRows: m, numCols: n, starts, indices, values },
  };
  const model = highs.createModel(spec);
  // The first run starts from nothing: the dual simplex is several times faster there (0.6 s
  // against 3.3 s on 3,752 atoms × 803 values). After it, callers change only the objective,
  // so the last optimum stays feasible: the primal simplex continues from it, while presolve
  // would throw that basis away (196 ms per programme with the defaults, 14 ms like this).
  model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 1 });
  let first = true;
  const run = () => {
    model.run();
    if (first) {
      first = false;
      model.options.set({ simplex_strategy: 4 });
    }
  };
  return { model, col, run, spec };
}

/**
 * The attacker's interval of each target, solved with HiGHS: each target minimised and
 * maximised in turn on one persistent model (only the objective changes); the maxima on
 * `second` (another thread) when given. Returns max − min per target (Infinity when unbounded).
 */
export function attackerWidth(highs: Highs, vars: readonly number[], constraints: readonly LpConstraint[], targets: readonly AtomVector[], second?: SecondSolver | null): number[] {
  const { model, col, run, spec } = attackerModel(highs, vars, constraints);
  let other = vars.length > 0 && second?.usable ? second : null;
  other?.load(spec, vars.length);
  try {
    const { minimize, maximize } = highs.constants.objectiveSense;
    const optimal = highs.constants.modelStatus.optimal;
    const cost = new Float64Array(vars.length);
    const optimum = (sense: typeof minimize, what: string) => {
      model.changeObjectiveSense(sense);
      run();
      if (model.getModelStatus() !== optimal) throw new Error(`attacker programme has no optimum (${what})`);
      return model.getObjectiveValue();
    };
    const width = (min: number, max: number) => (max >= BOX / 2 ? Infinity : max - min);
    return targets.map((t) => {
      const cols: number[] = [];
      for (let i = 0; i < t.atoms.length; i++) {
        const j = col.get(t.atoms[i]);
        if (j === undefined) continue;
        model.changeColCost(j, t.coef[i]);
        cost[j] = t.coef[i];
        cols.push(j);
      }
      try {
        other?.post('maximize', cost);
        const min = optimum(minimize, 'min');
        const x = other ? other.wait() : null;
        if (!x) other = null; // none, or retired: this thread solves alone from now on
        let max = 0;
        if (x) for (const j of cols) max += cost[j] * x[j];
        else max = optimum(maximize, 'max');
        return width(min, max);
      } finally {
        for (const j of cols) {
          model.changeColCost(j, 0);
          cost[j] = 0;
        }
      }
    });
  } finally {
    model.dispose();
  }
}
