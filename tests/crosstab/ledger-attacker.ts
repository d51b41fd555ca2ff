import loadHighs, { type Highs } from 'highs';
import type { LedgerTable } from '../../electron/engine/ledger/ledger-table';

/**
 * An attacker written for these tests, independent of the engine's ledger check: it takes every
 * value published so far (the data folder's ledger: values, rounding/noise half-widths, which cells
 * were protected) and who stands behind each inner cell, groups persons into atoms (same cell in
 * every table), and solves the attacker's linear programme literally with HiGHS (atoms ≥ 0, every
 * published value an equation or band). It reports
 * - protected (primary/class) cells whose interval is narrower than T, and
 * - atoms of 1..T−1 persons whose size the programme pins (a small group revealed).
 */
export interface AttackReport {
  atoms: number;
  published: number;
  narrowCells: { release: number; table: number; k: number; trueValue: number; min: number; max: number }[];
  pinnedSmallAtoms: { size: number; min: number; max: number }[];
  programmes: number;
}

const BOX = 1e9;
let highsPromise: Promise<Highs> | null = null;

export async function attackLedger(tables: readonly LedgerTable[], threshold: number): Promise<AttackReport> {
  const highs = await (highsPromise ??= loadHighs());
  // 1. Atoms: persons with the same cell in every table.
  const cellOf = tables.map((t) => {
    if (t.personCells.weight) throw new Error('weighted (all-moves) tables are not modelled by this attacker');
    return new Map<number, number>(Array.from(t.personCells.person, (p, i) => [p, t.personCells.cell[i]]));
  });
  const persons = new Set<number>();
  for (const t of tables) for (const p of t.personCells.person) persons.add(p);
  const atomOfKey = new Map<string, number>();
  const atomCells: number[][] = [];
  const size: number[] = [];
  for (const p of persons) {
    const cells = cellOf.map((m) => m.get(p) ?? -1);
    const key = cells.join(',');
    let a = atomOfKey.get(key);
    if (a === undefined) {
      a = atomCells.length;
      atomOfKey.set(key, a);
      atomCells.push(cells);
      size.push(0);
    }
    size[a]++;
  }
  const n = size.length;
  // 2. The atoms behind every grid value of every table.
  const vectorOf = (ti: number, k: number): number[] => {
    const t = tables[ti];
    const C = t.cols + 1;
    const r = Math.floor(k / C);
    const c = k % C;
    const out: number[] = [];
    for (let a = 0; a < n; a++) {
      const cell = atomCells[a][ti];
      if (cell < 0) continue;
      const ar = Math.floor(cell / t.cols);
      const ac = cell % t.cols;
      if ((r === t.rows || r === ar) && (c === t.cols || c === ac)) out.push(a);
    }
    return out;
  };
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const targets: { ti: number; k: number; atoms: number[] }[] = [];
  let published = 0;
  tables.forEach((t, ti) => {
    for (let k = 0; k < t.value.length; k++) {
      const atoms = vectorOf(ti, k);
      if (Number.isNaN(t.value[k])) {
        if (t.sensitive[k]) targets.push({ ti, k, atoms });
        continue;
      }
      published++;
      if (atoms.length === 0) continue;
      for (const a of atoms) {
        indices.push(a);
        values.push(1);
      }
      starts.push(indices.length);
      rowLower.push(t.value[k] - t.halfWidth[k]);
      rowUpper.push(t.value[k] + t.halfWidth[k]);
    }
  });
  const m = rowLower.length;
  const model = highs.createModel({
    numCols: n,
    numRows: m,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(BOX),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: m, numCols: n, starts, indices, values },
  });
  let programmes = 0;
  const interval = (atoms: number[]): [number, number] => {
    for (const a of atoms) model.changeColCost(a, 1);
    const { minimize, maximize } = highs.constants.objectiveSense;
    model.changeObjectiveSense(minimize);
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) throw new Error('attacker LP: no optimum (min)');
    const min = model.getObjectiveValue();
    model.changeObjectiveSense(maximize);
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) throw new Error('attacker LP: no optimum (max)');
    const top = model.getObjectiveValue();
    for (const a of atoms) model.changeColCost(a, 0);
    programmes += 2;
    return [min, top >= BOX / 2 ? Infinity : top];
  };
  try {
    model.options.set({ output_flag: false, presolve: 'off' });
    const narrowCells: AttackReport['narrowCells'] = [];
    for (const tg of targets) {
      const trueValue = tg.atoms.reduce((s, a) => s + size[a], 0);
      if (trueValue === 0 && tg.atoms.length === 0) continue;
      const [min, max] = interval(tg.atoms);
      if (max - min < tables[tg.ti].threshold - 1e-6) narrowCells.push({ release: tables[tg.ti].release, table: tables[tg.ti].index, k: tg.k, trueValue, min, max });
    }
    const pinnedSmallAtoms: AttackReport['pinnedSmallAtoms'] = [];
    for (let a = 0; a < n; a++) {
      if (size[a] < 1 || size[a] >= threshold) continue;
      const [min, max] = interval([a]);
      if (max - min < 1e-6) pinnedSmallAtoms.push({ size: size[a], min, max });
    }
    return { atoms: n, published, narrowCells, pinnedSmallAtoms, programmes };
  } finally {
    model.dispose();
  }
}
