import { describe, expect, it } from 'vitest';
import { getHighs } from '../../electron/engine/ledger/highs-instance';
import { attackerModel, attackerWidth } from '../../electron/engine/ledger/attacker-width';
import { certifyWidths } from '../../electron/engine/ledger/certify-widths';
import { SecondSolver } from '../../electron/engine/ledger/second-solver';

/** a + b = 7, c + d = 11, a + c = 8, b + d = 10 over four atoms: a ranges over [0, 7]. */
const constraints = [
  [[0, 1], 7],
  [[2, 3], 11],
  [[0, 2], 8],
  [[1, 3], 10],
].map(([atoms, v]) => ({ atoms: Int32Array.from(atoms as number[]), coef: new Float64Array(2).fill(1), lo: v as number, hi: v as number }));
const vars = [0, 1, 2, 3];

describe('the second solver on its own thread', () => {
  it('solves the programme it was given: the maximum of atom a is 7', async () => {
    const highs = await getHighs();
    const { spec, model } = attackerModel(highs, vars, constraints);
    model.dispose();
    const second = SecondSolver.start()!;
    expect(await second.loaded()).toBe(true);
    try {
      second.load(spec, vars.length);
      second.post('maximize', Float64Array.of(1, 0, 0, 0));
      expect(second.wait()?.[0]).toBeCloseTo(7);
      second.post('minimize', Float64Array.of(1, 0, 0, 0));
      expect(second.wait()?.[0]).toBeCloseTo(0);
    } finally {
      second.dispose();
    }
  });

  it('a programme the worker cannot solve retires it, and the widths are then certified on this thread alone', async () => {
    const highs = await getHighs();
    const { spec, model } = attackerModel(highs, vars, constraints);
    model.dispose();
    const second = SecondSolver.start()!;
    expect(await second.loaded()).toBe(true);
    second.load(spec, vars.length);
    second.post('maximize', new Float64Array(0)); // an objective of the wrong length: rejected there
    expect(second.wait()).toBeNull();
    expect(second.usable).toBe(false);
    expect(second.retired).toBe(true);
    const targets = vars.map((a) => ({ vector: { atoms: Int32Array.of(a), coef: Float64Array.of(1) }, trueValue: [3, 4, 5, 6][a], need: 8 }));
    const got = certifyWidths(highs, vars, constraints, targets, { second });
    expect(got.narrow).toEqual([true, true, true, true]);
  });

  it('a worker whose solver cannot load is never waited for: the widths come from this thread', async () => {
    const highs = await getHighs();
    const second = SecondSolver.start('/nonexistent/highs.js')!;
    expect(await second.loaded()).toBe(false);
    expect(second.retired).toBe(true);
    const targets = vars.map((a) => ({ vector: { atoms: Int32Array.of(a), coef: Float64Array.of(1) }, trueValue: [3, 4, 5, 6][a], need: 5 }));
    expect(certifyWidths(highs, vars, constraints, targets, { second }).narrow).toEqual([false, false, false, false]);
  });

  it('gives every cell the same width as the solver on this thread (a 4 × 4 block with its margins published)', async () => {
    const highs = await getHighs();
    const second = SecondSolver.start()!;
    expect(await second.loaded()).toBe(true);
    try {
      const cells = [3, 0, 7, 1, 2, 9, 4, 4, 0, 0, 6, 2, 5, 8, 1, 3];
      const atom = (r: number, c: number) => r * 4 + c;
      const eqs = [0, 1, 2, 3].flatMap((i) => [
        { atoms: Int32Array.from([0, 1, 2, 3].map((c) => atom(i, c))), coef: new Float64Array(4).fill(1), lo: 0, hi: 0 },
        { atoms: Int32Array.from([0, 1, 2, 3].map((r) => atom(r, i))), coef: new Float64Array(4).fill(1), lo: 0, hi: 0 },
      ]);
      for (const e of eqs) e.lo = e.hi = Array.from(e.atoms).reduce((s, a) => s + cells[a], 0);
      const allVars = cells.map((_, a) => a);
      const targets = allVars.map((a) => ({ atoms: Int32Array.of(a, (a + 5) % 16), coef: Float64Array.of(1, 2) }));
      const alone = attackerWidth(highs, allVars, eqs, targets);
      expect(attackerWidth(highs, allVars, eqs, targets, second)).toEqual(alone);
      expect(second.usable).toBe(true);
      expect(alone.some((w) => w > 0)).toBe(true);
    } finally {
      second.dispose();
    }
  });
});
