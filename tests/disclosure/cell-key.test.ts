import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NEVER_PUBLISHED,
  PERTURBATION_MAX_NOISE,
  PERTURBATION_VARIANCE,
  PTABLE,
  PTABLE_DENOMINATOR,
  cellKeysFromPersonCells,
  perturbCount,
  perturbationNoise,
  ptableRow,
} from '../../electron/engine/disclosure/cell-key';
import type { PersonCells } from '../../electron/engine/ledger/person-cells';
import { protectTable } from '../../electron/engine/disclosure/protect-table';
import { mulberry32 } from '../support/seeded-random';

const randomKeys = (n: number, seed: number): Uint32Array => {
  const rnd = mulberry32(seed);
  return Uint32Array.from({ length: n }, () => Math.floor(rnd() * 4294967296));
};

describe('the perturbation table', () => {
  it('every row is a distribution over [-D, D] with mean 0 and its stated variance', () => {
    for (const row of PTABLE) {
      expect(row.weight.reduce((a, b) => a + b, 0)).toBe(PTABLE_DENOMINATOR);
      expect(row.weight.every((w) => Number.isInteger(w) && w > 0)).toBe(true);
      expect([...row.noise]).toEqual([...row.noise].sort((a, b) => a - b));
      let mean = 0;
      let variance = 0;
      row.noise.forEach((d, j) => {
        expect(Math.abs(d)).toBeLessThanOrEqual(PERTURBATION_MAX_NOISE);
        mean += (d * row.weight[j]) / PTABLE_DENOMINATOR;
        variance += (d * d * row.weight[j]) / PTABLE_DENOMINATOR;
      });
      expect(mean).toBeCloseTo(0, 12);
      expect(variance).toBeCloseTo(row.variance, 12);
    }
    expect(PERTURBATION_MAX_NOISE).toBe(2);
    expect(ptableRow(4).variance).toBe(PERTURBATION_VARIANCE);
    expect(ptableRow(1000).variance).toBe(PERTURBATION_VARIANCE);
  });

  it('zeros stay zero; no count is published negative, as 1 or as 2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 0xffffffff }), (n, key) => {
        const v = perturbCount(n, key);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(Math.abs(v - n)).toBeLessThanOrEqual(PERTURBATION_MAX_NOISE);
        expect(NEVER_PUBLISHED).not.toContain(v);
        if (n === 0) expect(v).toBe(0);
      }),
      { numRuns: 5000, seed: 20261129 },
    );
  });

  it('the key picks noise by the cumulative probabilities: the empirical distribution over uniform keys matches the row', () => {
    const keys = randomKeys(120_000, 7);
    for (const n of [1, 2, 4, 5, 37]) {
      const row = ptableRow(n);
      const seen = new Map<number, number>();
      let sum = 0;
      for (const k of keys) {
        const d = perturbationNoise(n, k);
        seen.set(d, (seen.get(d) ?? 0) + 1);
        sum += d;
      }
      row.noise.forEach((d, j) => expect((seen.get(d) ?? 0) / keys.length).toBeCloseTo(row.weight[j] / PTABLE_DENOMINATOR, 2));
      expect([...seen.keys()].every((d) => row.noise.includes(d))).toBe(true);
      expect(Math.abs(sum / keys.length)).toBeLessThan(0.02);
    }
    // Boundaries: key 0 takes the first noise value, key 2^32-1 the last.
    expect(perturbationNoise(9, 0)).toBe(-2);
    expect(perturbationNoise(9, 0xffffffff)).toBe(2);
  });
});

/** A person → cell table over `persons` persons in a rows × cols table, some not counted. */
function randomPersonCells(persons: number, rows: number, cols: number, seed: number, multi = false): PersonCells {
  const rnd = mulberry32(seed);
  const person: number[] = [];
  const cell: number[] = [];
  const weight: number[] = [];
  for (let p = 0; p < persons; p++) {
    if (rnd() < 0.2) continue;
    const entries = multi ? 1 + Math.floor(rnd() * 3) : 1;
    const used = new Set<number>();
    for (let e = 0; e < entries; e++) {
      const k = Math.floor(rnd() * rows * cols);
      if (used.has(k)) continue;
      used.add(k);
      person.push(p);
      cell.push(k);
      weight.push(1 + Math.floor(rnd() * 2));
    }
  }
  return { person: Int32Array.from(person), cell: Int32Array.from(cell), weight: multi ? Int32Array.from(weight) : null };
}

/** The reference: sum of keys over an explicit set of distinct persons. */
const keyOfSet = (set: Set<number>, keys: Uint32Array) => [...set].reduce((s, p) => (s + keys[p]) >>> 0, 0);

describe('cell keys from PersonCells', () => {
  it('each cell, margin and the total get the sum mod 2^32 of their distinct persons’ keys (all-moves: several entries a person)', () => {
    const rows = 4;
    const cols = 5;
    const keys = randomKeys(300, 11);
    const pc = randomPersonCells(300, rows, cols, 12, true);
    const got = cellKeysFromPersonCells(pc, rows, cols, keys);
    const cellSets = Array.from({ length: rows * cols }, () => new Set<number>());
    const rowSets = Array.from({ length: rows }, () => new Set<number>());
    const colSets = Array.from({ length: cols }, () => new Set<number>());
    const all = new Set<number>();
    pc.person.forEach((p, i) => {
      const k = pc.cell[i];
      cellSets[k].add(p);
      rowSets[Math.floor(k / cols)].add(p);
      colSets[k % cols].add(p);
      all.add(p);
    });
    expect(Array.from(got.cells)).toEqual(cellSets.map((s) => keyOfSet(s, keys)));
    expect(Array.from(got.rowTotals)).toEqual(rowSets.map((s) => keyOfSet(s, keys)));
    expect(Array.from(got.colTotals)).toEqual(colSets.map((s) => keyOfSet(s, keys)));
    expect(got.total).toBe(keyOfSet(all, keys));
    // A row margin is not a sum of cell keys when persons sit in several cells of the row.
    expect(rowSets.some((s, r) => keyOfSet(s, keys) !== cellSets.slice(r * cols, (r + 1) * cols).reduce((a, x) => (a + keyOfSet(x, keys)) >>> 0, 0))).toBe(true);
  });

  it('the same persons give the same key, whatever the order of the entries and whatever table they sit in', () => {
    const keys = randomKeys(500, 21);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 499 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 0, max: 1e9 }), (members, cols, seed) => {
        // Table 1: the members alone in a 1 × 1 table. Table 2: the members shuffled into the
        // last column of a 2 × cols table, beside other persons in other cells.
        const a = cellKeysFromPersonCells({ person: Int32Array.from([...members].sort((x, y) => x - y)), cell: new Int32Array(members.length), weight: null }, 1, 1, keys);
        const rnd = mulberry32(seed);
        const shuffled = [...members].sort(() => rnd() - 0.5);
        const target = 2 * cols - 1;
        const others = Array.from({ length: 500 }, (_, p) => p).filter((p) => !members.includes(p)).slice(0, 30);
        const person = Int32Array.from([...shuffled, ...others]);
        const cell = Int32Array.from([...shuffled.map(() => target), ...others.map((_, i) => i % (cols - 1))]);
        const b = cellKeysFromPersonCells({ person, cell, weight: null }, 2, cols, keys);
        expect(b.cells[target]).toBe(a.cells[0]);
        expect(a.total).toBe(a.cells[0]);
        for (const n of [1, 2, 5, 17, 400]) expect(perturbCount(n, b.cells[target])).toBe(perturbCount(n, a.cells[0]));
      }),
      { numRuns: 300, seed: 4242 },
    );
  });
});

describe('differencing two cohorts a few persons apart', () => {
  it('yields noise, not the true difference, in general', () => {
    // Seeded fixture: 40 cells, cohort A; cohort B = A plus 1..3 extra persons in some cells.
    const rnd = mulberry32(20161129);
    const keys = randomKeys(20_000, 99);
    const rows = 5;
    const cols = 8;
    const cellOfA = new Int32Array(20_000).fill(-1);
    for (let p = 0; p < 12_000; p++) cellOfA[p] = Math.floor(rnd() * rows * cols);
    const cellOfB = cellOfA.slice();
    const extra = [12_000, 12_001, 12_002, 12_003, 12_004, 12_005, 12_006, 12_007];
    for (const p of extra) cellOfB[p] = Math.floor(rnd() * rows * cols);
    const toPc = (cellOf: Int32Array): PersonCells => {
      const person: number[] = [];
      const cell: number[] = [];
      cellOf.forEach((k, p) => {
        if (k >= 0) {
          person.push(p);
          cell.push(k);
        }
      });
      return { person: Int32Array.from(person), cell: Int32Array.from(cell), weight: null };
    };
    const counts = (cellOf: Int32Array) => {
      const c = new Array<number>(rows * cols).fill(0);
      for (const k of cellOf) if (k >= 0) c[k]++;
      return c;
    };
    const nA = counts(cellOfA);
    const nB = counts(cellOfB);
    const kA = cellKeysFromPersonCells(toPc(cellOfA), rows, cols, keys);
    const kB = cellKeysFromPersonCells(toPc(cellOfB), rows, cols, keys);
    let exact = 0;
    let differs = 0;
    let unchangedSame = 0;
    let unchanged = 0;
    for (let k = 0; k < rows * cols; k++) {
      const published = perturbCount(nB[k], kB.cells[k]) - perturbCount(nA[k], kA.cells[k]);
      const truth = nB[k] - nA[k];
      expect(Math.abs(published - truth)).toBeLessThanOrEqual(2 * PERTURBATION_MAX_NOISE);
      if (truth === 0) {
        unchanged++;
        if (published === 0) unchangedSame++;
        continue;
      }
      differs++;
      if (published === truth) exact++;
    }
    // Cells with the same persons publish the same value (no noise to average away)...
    expect(unchangedSame).toBe(unchanged);
    // ...and cells that gained persons get fresh noise: the difference is mostly not the truth.
    expect(differs).toBeGreaterThan(0);
    expect(exact).toBeLessThan(differs);
    // The grand totals differ by 8 persons; their published difference is not 8.
    expect(perturbCount(12_008, kB.total) - perturbCount(12_000, kA.total)).not.toBe(8);
  });
});

describe('protectTable with method perturbation (pure)', () => {
  const rules = { threshold: 10, method: 'perturbation' as const, roundingBase: 5 as const, zerosUnsafe: false };
  const table = { rows: 2, cols: 3, counts: [1, 0, 7, 2, 40, 3], rowTotals: [8, 45], colTotals: [3, 40, 10], total: 53 };

  it('refuses a table without cell keys for every cell and margin (positional keys would make differences exact)', () => {
    expect(() => protectTable(table, rules)).toThrow(/cell keys/);
    expect(() => protectTable({ ...table, keys: { cells: [1, 2, 3, 4, 5, 6] } }, rules)).toThrow(/cell keys/);
  });

  it('perturbs every non-zero cell and each margin on its own key, suppresses nothing, and says so', () => {
    const cells = Uint32Array.from([11, 0, 13, 14, 15, 16].map((x) => Math.imul(x, 0x9e3779b1) >>> 0));
    const keys = { cells, rowTotals: Uint32Array.from([0x12345678, 0xfedcba98]), colTotals: Uint32Array.from([1, 0x80000000, 0xffffffff]), total: 0x7fffffff };
    const { table: p } = protectTable({ ...table, keys }, rules);
    expect(p.method).toBe('perturbation');
    expect(p.cellStatus).toBe('n.nnnn');
    expect(p.rowStatus + p.colStatus + p.totalStatus).toBe('nnnnnn');
    expect(p.cells).toEqual(table.counts.map((n, i) => perturbCount(n, cells[i])));
    expect(p.rowTotals).toEqual(table.rowTotals.map((n, r) => perturbCount(n, keys.rowTotals[r])));
    expect(p.colTotals).toEqual(table.colTotals.map((n, c) => perturbCount(n, keys.colTotals[c])));
    expect(p.total).toBe(perturbCount(53, keys.total));
    expect(p.counts).toEqual({ primary: 0, class: 0, secondary: 0, rounded: 0, linked: 0, perturbed: 11 });
    // Same counts, other keys for the margins only: the cells stay, the margins move on their own.
    const other = protectTable({ ...table, keys: { ...keys, rowTotals: Uint32Array.from([0, 0]), colTotals: Uint32Array.from([0, 0, 0]), total: 0 } }, rules).table;
    expect(other.cells).toEqual(p.cells);
    expect(other.rowTotals).toEqual(table.rowTotals.map((n) => perturbCount(n, 0)));
  });
});

describe('perturbation and the release ledger', () => {
  it('withholds the cells the ledger requires (reason linked) and perturbs the rest', () => {
    const rules = { threshold: 10, method: 'perturbation' as const, roundingBase: 5 as const, zerosUnsafe: false };
    const t = { rows: 1, cols: 3, counts: [4, 9, 30], rowTotals: [43], colTotals: [4, 9, 30], total: 43, keys: { cells: [1, 2, 3], rowTotals: [4], colTotals: [1, 2, 3], total: 4 } };
    // Grid index of inner cell (0, 0) is 0; the grid is 2 × 4.
    const { table: p } = protectTable(t, rules, { linked: new Map([[0, 7]]) });
    expect(p.cells[0]).toBeNull();
    expect(p.cellStatus).toBe('lnn');
    expect(p.linkedTo).toEqual([[0, 7]]);
    expect(p.cells[1]).toBe(perturbCount(9, 2));
  });
});
