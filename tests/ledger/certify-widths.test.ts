import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getHighs } from '../../electron/engine/ledger/highs-instance';
import { attackerWidth, type LpConstraint } from '../../electron/engine/ledger/attacker-width';
import { certifyWidths } from '../../electron/engine/ledger/certify-widths';
import { SecondSolver } from '../../electron/engine/ledger/second-solver';

/** A suppressed r × c block of a table whose margins are published: each cell an atom. */
function block(cells: number[][]) {
  const R = cells.length;
  const C = cells[0].length;
  const atom = (r: number, c: number) => r * C + c;
  const constraints: LpConstraint[] = [];
  const eq = (atoms: number[], value: number) => constraints.push({ atoms: Int32Array.from(atoms), coef: new Float64Array(atoms.length).fill(1), lo: value, hi: value });
  for (let r = 0; r < R; r++) eq(cells[r].map((_, c) => atom(r, c)), cells[r].reduce((s, v) => s + v, 0));
  for (let c = 0; c < C; c++) eq(cells.map((_, r) => atom(r, c)), cells.reduce((s, row) => s + row[c], 0));
  const vars = Array.from({ length: R * C }, (_, i) => i);
  const targets = vars.map((a) => ({ vector: { atoms: Int32Array.of(a), coef: Float64Array.of(1) }, trueValue: cells[Math.floor(a / C)][a % C] }));
  return { vars, constraints, targets };
}

describe('certifying the attacker widths of many protected cells at once', () => {
  it('a 2 × 2 block with published margins: every cell can move by 7, so it is safe at T = 5 and too narrow at T = 8', async () => {
    const highs = await getHighs();
    // a + b = 7, c + d = 11, a + c = 8, b + d = 10: a ranges over [0, 7].
    const { vars, constraints, targets } = block([
      [3, 4],
      [5, 6],
    ]);
    expect(certifyWidths(highs, vars, constraints, targets.map((t) => ({ ...t, need: 5 }))).narrow).toEqual([false, false, false, false]);
    expect(certifyWidths(highs, vars, constraints, targets.map((t) => ({ ...t, need: 8 }))).narrow).toEqual([true, true, true, true]);
  });

  it('says "narrow" exactly where each cell’s own minimum and maximum are less than its threshold apart, with one solver or two', async () => {
    const highs = await getHighs();
    const second = SecondSolver.start()!;
    expect(await second.loaded()).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 25, maxLength: 25 }),
        fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 6 }),
        fc.integer({ min: 2, max: 12 }),
        async (R, C, values, published, need) => {
          const cells = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => values[r * C + c]));
          const { vars, constraints, targets } = block(cells);
          // Some cells published too (a linked table's exact values): they narrow the others.
          for (const a of published) if (a < R * C) constraints.push({ atoms: Int32Array.of(a), coef: Float64Array.of(1), lo: targets[a].trueValue, hi: targets[a].trueValue });
          const exact = attackerWidth(highs, vars, constraints, targets.map((t) => t.vector));
          const got = certifyWidths(highs, vars, constraints, targets.map((t) => ({ ...t, need })));
          expect(got.narrow).toEqual(exact.map((w) => w < need - 1e-6));
          // Half of the programmes on another thread: other points, the same exact answer.
          const split = certifyWidths(highs, vars, constraints, targets.map((t) => ({ ...t, need })), { second });
          expect(split.narrow).toEqual(got.narrow);
        },
      ),
      { numRuns: 60, seed: 20180127 },
    );
    expect(second.usable).toBe(true);
    second.dispose();
  });

  it('settles most cells of a large block by a few joint programmes instead of two per cell', async () => {
    const highs = await getHighs();
    const cells = Array.from({ length: 12 }, (_, r) => Array.from({ length: 12 }, (_, c) => 5 + ((r * 7 + c * 3) % 9)));
    const { vars, constraints, targets } = block(cells);
    const got = certifyWidths(highs, vars, constraints, targets.map((t) => ({ ...t, need: 5 })));
    expect(got.narrow.every((x) => !x)).toBe(true);
    expect(got.programmes).toBeLessThan(targets.length);
  });
});
