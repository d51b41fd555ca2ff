import type { Highs } from 'highs';

/**
 * The attacker of docs/disclosure-control.md, written independently of the protection code
 * (electron/engine/ledger): it holds every published value of every release, knows which
 * persons-to-cells structure each table has (the public definitions, here taken as the
 * engine's person → cell assignment, checked against every published value), and that
 * counts are non-negative. It solves, with HiGHS, the minimum and maximum of each
 * suppressed small cell and of each small group of persons that fall in the same cell of
 * every release (an atom).
 */
export interface AttackedTable {
  /** Label for failure messages, e.g. "#3 arrondissement". */
  label: string;
  rows: number;
  cols: number;
  /** Published grid, (rows+1) × (cols+1) row-major: last column row totals, last row column totals; null = suppressed. */
  values: (number | null)[];
  /** ± what a published value may differ from the count (0 exact; rounding base − 1). */
  band: number;
  /** Each person's inner cells (r * cols + c), one entry per count (moves repeat). */
  cellsOf: Map<number, number[]>;
}

/**
 * `AttackedTable.cellsOf` from the engine's record of who counts where (person, inner cell and,
 * for all-moves, how many moves): a person's cell repeated once per count.
 */
export function cellsOfPersons(pc: { person: ArrayLike<number>; cell: ArrayLike<number>; weight: ArrayLike<number> | null }): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (let i = 0; i < pc.person.length; i++) {
    const list = m.get(pc.person[i]) ?? m.set(pc.person[i], []).get(pc.person[i])!;
    for (let w = 0; w < (pc.weight ? pc.weight[i] : 1); w++) list.push(pc.cell[i]);
  }
  return m;
}

export interface AttackFinding {
  what: string;
  min: number;
  max: number;
  truth: number;
}

export interface AttackReport {
  /** Suppressed cells with 1..T−1 persons whose interval is narrower than T. */
  narrowCells: AttackFinding[];
  /** Atoms of 1..T−1 persons whose count the attacker pins exactly. */
  pinnedAtoms: AttackFinding[];
  /** Cells of 1..T−1 persons of the implied tables (sums of published cells' areas) pinned exactly. */
  pinnedImplied: AttackFinding[];
  checkedCells: number;
  checkedAtoms: number;
}

/**
 * `implied`: tables nobody published but anyone can add up from the published ones (the
 * same persons in coarser areas, e.g. 2019 municipalities merged into those of 2025); all
 * values null. Their small cells must not be pinned exactly.
 */
export function attack(highs: Highs, tables: AttackedTable[], T: number, implied: AttackedTable[] = []): AttackReport {
  // Atoms: persons with the same cells in every table.
  const persons = new Set<number>();
  for (const t of tables) for (const p of t.cellsOf.keys()) persons.add(p);
  const atomOfSignature = new Map<string, number>();
  const atomSize: number[] = [];
  const atomRep: number[] = [];
  for (const p of [...persons].sort((a, b) => a - b)) {
    const sig = tables.map((t) => (t.cellsOf.get(p) ?? []).slice().sort((a, b) => a - b).join('.')).join('|');
    let a = atomOfSignature.get(sig);
    if (a === undefined) {
      a = atomSize.length;
      atomOfSignature.set(sig, a);
      atomSize.push(0);
      atomRep.push(p);
    }
    atomSize[a]++;
  }
  const n = atomSize.length;
  // Each grid value of each table as coefficients over atoms, plus distinct persons behind it.
  const vectorsOf = (t: AttackedTable) => {
    const C = t.cols + 1;
    const vecs = Array.from({ length: (t.rows + 1) * C }, () => new Map<number, number>());
    const heads = Array.from({ length: (t.rows + 1) * C }, () => new Set<number>());
    for (let a = 0; a < n; a++) {
      for (const cell of t.cellsOf.get(atomRep[a]) ?? []) {
        const r = Math.floor(cell / t.cols);
        const c = cell % t.cols;
        for (const k of [r * C + c, r * C + t.cols, t.rows * C + c, t.rows * C + t.cols]) {
          vecs[k].set(a, (vecs[k].get(a) ?? 0) + 1);
          heads[k].add(a);
        }
      }
    }
    return { vecs, heads };
  };
  const gridVectors = tables.map(vectorsOf);
  const truthOf = (v: Map<number, number>) => [...v].reduce((s, [a, w]) => s + w * atomSize[a], 0);
  const personsOf = (h: Set<number>) => [...h].reduce((s, a) => s + atomSize[a], 0);

  // The attacker's equations; each published value must agree with the structure.
  const starts: number[] = [0];
  const indices: number[] = [];
  const coefs: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  tables.forEach((t, ti) => {
    t.values.forEach((v, k) => {
      if (v === null) return;
      const vec = gridVectors[ti].vecs[k];
      const truth = truthOf(vec);
      if (Math.abs(truth - v) > t.band) throw new Error(`${t.label}: published ${v} at ${k} but the persons give ${truth}`);
      if (vec.size === 0) return;
      for (const [a, w] of [...vec].sort((x, y) => x[0] - y[0])) {
        indices.push(a);
        coefs.push(w);
      }
      starts.push(indices.length);
      lower.push(Math.max(0, v - t.band));
      upper.push(v + t.band);
    });
  });
  const m = lower.length;
  const model = highs.createModel({
    numCols: n,
    numRows: m,
    colCost: new Float64Array(n),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1e9),
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    matrix: { format: 'csr', numRows: m, numCols: n, starts, indices, values: coefs },
  });
  const range = (target: Map<number, number>): [number, number] => {
    for (const [a, w] of target) model.changeColCost(a, w);
    model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
    model.run();
    const min = model.getObjectiveValue();
    model.changeObjectiveSense(highs.constants.objectiveSense.maximize);
    model.run();
    const max = model.getObjectiveValue();
    for (const [a] of target) model.changeColCost(a, 0);
    return [min, max];
  };
  const report: AttackReport = { narrowCells: [], pinnedAtoms: [], pinnedImplied: [], checkedCells: 0, checkedAtoms: 0 };
  try {
    model.options.set({ output_flag: false });
    tables.forEach((t, ti) => {
      t.values.forEach((v, k) => {
        if (v !== null) return;
        const distinct = personsOf(gridVectors[ti].heads[k]);
        if (distinct < 1 || distinct >= T) return;
        report.checkedCells++;
        const vec = gridVectors[ti].vecs[k];
        const [min, max] = range(vec);
        if (max - min < T - 1e-6) report.narrowCells.push({ what: `${t.label} cell ${k}`, min, max, truth: truthOf(vec) });
      });
    });
    for (const t of implied) {
      const g = vectorsOf(t);
      g.vecs.forEach((vec, k) => {
        const distinct = personsOf(g.heads[k]);
        if (distinct < 1 || distinct >= T) return;
        report.checkedCells++;
        const [min, max] = range(vec);
        if (max - min < 0.5) report.pinnedImplied.push({ what: `${t.label} cell ${k}`, min, max, truth: truthOf(vec) });
      });
    }
    for (let a = 0; a < n; a++) {
      if (atomSize[a] >= T) continue;
      report.checkedAtoms++;
      const [min, max] = range(new Map([[a, 1]]));
      if (max - min < 0.5) report.pinnedAtoms.push({ what: `atom ${a} (person ${atomRep[a]})`, min, max, truth: atomSize[a] });
    }
  } finally {
    model.dispose();
  }
  return report;
}

/** The tables of a released CSV (the first `count` blocks), as published grids. */
export function csvTables(text: string, count: number): { rows: number; cols: number; values: (number | null)[] }[] {
  const blocks = text.replace(/^\uFEFF/, '').split('\r\n\r\n').slice(0, count);
  return blocks.map((block) => {
    const lines = block.split('\r\n').filter((l) => l.length > 0).slice(1);
    const grid = lines.map((l) => splitCsv(l).slice(1));
    const values: (number | null)[] = [];
    for (const row of grid) for (const f of row) values.push(f === '[c]' ? null : Number(f.replace(',', '.')));
    return { rows: grid.length - 1, cols: grid[0].length - 1, values };
  });
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
