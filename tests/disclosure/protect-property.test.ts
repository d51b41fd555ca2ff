import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { protectTable } from '../../electron/engine/disclosure/protect-table';
import { lpIntervals } from '../../electron/engine/disclosure/lp-audit';
import { toGrid } from '../../electron/engine/disclosure/count-table';
import { SuppressionState } from '../../electron/engine/disclosure/suppression-state';
import { IntervalFlow } from '../../electron/engine/disclosure/interval-flow';
import { exactlyDerivable } from '../../electron/engine/disclosure/bridges';
import { arbTable } from './random-table';
import { derivableByElimination } from './gauss-oracle';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const RUNS = 1200;
const threshold = fc.constantFrom(3, 5, 10);

describe('suppression on random tables (property)', () => {
  it(`publishes no cell or margin below T and leaves every suppressed interval at least T wide (${RUNS} tables)`, () => {
    let checkedIntervals = 0;
    fc.assert(
      fc.property(arbTable(), threshold, fc.boolean(), (t, T, zerosUnsafe) => {
        const { table: p } = protectTable(t, { threshold: T, method: 'suppression', roundingBase: 5, zerosUnsafe });
        const published = [...p.cells, ...p.rowTotals, ...p.colTotals, p.total];
        for (const v of published) {
          if (v === null) continue;
          if (v === 0) expect(zerosUnsafe).toBe(false);
          else expect(v).toBeGreaterThanOrEqual(T);
        }
        for (const iv of lpIntervals(highs, t, p)) {
          expect(iv.max - iv.min).toBeGreaterThanOrEqual(T - 1e-6);
          checkedIntervals++;
        }
      }),
      { numRuns: RUNS, seed: 20250601 },
    );
    expect(checkedIntervals).toBeGreaterThan(RUNS);
  });

  it('computes the same interval widths by network flow as HiGHS does by linear programming', () => {
    fc.assert(
      fc.property(arbTable(4, 4), fc.func(fc.boolean()), (t, pick) => {
        // Any suppression pattern, not only ours.
        const g = toGrid(t);
        const st = new SuppressionState(g);
        for (let k = 0; k < g.value.length; k++) if (pick(k)) st.add(k);
        const cells = (k: number) => (st.suppressed[k] ? null : g.value[k]);
        const C = g.C;
        const p = {
          cells: Array.from({ length: t.rows * t.cols }, (_, i) => cells(((i / t.cols) | 0) * C + (i % t.cols))),
          rowTotals: Array.from({ length: t.rows }, (_, r) => cells(r * C + t.cols)),
          colTotals: Array.from({ length: t.cols }, (_, c) => cells(t.rows * C + c)),
          total: cells(g.R * C - 1),
        };
        const flow = new IntervalFlow(st);
        for (const iv of lpIntervals(highs, t, p as never)) {
          const lpWidth = iv.max - iv.min;
          const fw = flow.width(iv.cell, 1e9);
          if (lpWidth === Infinity) expect(fw).toBeGreaterThanOrEqual(1e9);
          else expect(fw).toBeCloseTo(lpWidth, 6);
          // The interval contains the true value.
          expect(g.value[iv.cell]).toBeGreaterThanOrEqual(iv.min - 1e-6);
          expect(g.value[iv.cell]).toBeLessThanOrEqual(iv.max + 1e-6);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('finds exactly the cells Gaussian elimination finds recomputable (bridge test = elimination)', () => {
    fc.assert(
      fc.property(arbTable(4, 4), fc.func(fc.boolean()), (t, pick) => {
        const g = toGrid(t);
        const st = new SuppressionState(g);
        for (let k = 0; k < g.value.length; k++) if (pick(k)) st.add(k);
        const byGraph = exactlyDerivable(st).sort((a, b) => a - b);
        const byElimination = derivableByElimination(t, (k) => st.suppressed[k] === 1);
        expect(byGraph).toEqual(byElimination);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
