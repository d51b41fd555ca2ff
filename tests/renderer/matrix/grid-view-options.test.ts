import { describe, expect, it } from 'vitest';
import type { Area } from '../../../shared/geo/area-level';
import { MatrixDefinition, type MatrixResult } from '../../../shared/matrix/matrix-definition';
import { topCorridors } from '../../../shared/measures';
import { buildGridModel } from '../../../renderer/src/features/matrix/grid-rows';
import { matrixMeasures } from '../../../renderer/src/features/matrix/matrix-measures';
import { publishedFlows, visibleGrid } from '../../../renderer/src/features/matrix/grid-view-options';

const area = (code: string, special = false): Area => ({ code, nameNl: code, nameFr: code, special, regionCode: special ? '' : 'VLG', provinceCode: '' });
const AREAS = [area('A'), area('B'), area('C'), area('ABROAD', true), area('RADIATED', true), area('DECEASED', true), area('UNKNOWN', true)];

/** Hand-made 7×7 state matrix: C is empty; exits only as destinations. */
function fixture(kind: 'state' | 'first-move' = 'state'): MatrixResult {
  const n = AREAS.length;
  const counts = new Array<number>(n * n).fill(0);
  const set = (r: number, c: number, v: number) => (counts[r * n + c] = v);
  set(0, 0, 10); set(0, 1, 4); set(0, 3, 2);
  set(1, 1, 8); set(1, 0, 3); set(1, 5, 1);
  set(6, 6, 1);
  const rowTotals = AREAS.map((_, r) => counts.slice(r * n, r * n + n).reduce((a, b) => a + b, 0));
  const colTotals = AREAS.map((_, c) => AREAS.reduce((s, __, r) => s + counts[r * n + c], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  return { definition: MatrixDefinition.parse({ kind, level: 'region' }), rows: AREAS, cols: AREAS, counts, rowTotals, colTotals, total, cohortSize: total, distinctPersons: total, referenceDate: '2018-01-27', computeMs: 1 };
}

const model = (m: MatrixResult) => {
  const measures = matrixMeasures(m);
  return buildGridModel(m, measures.values('counts'), measures.flows, null, 'nl', 'Totaal');
};

describe('what the matrix grid shows', () => {
  it('leaves the always-empty exit rows out of a state matrix, not Unknown and not the exit columns', () => {
    const m = fixture();
    const shown = visibleGrid(model(m), m, { hideEmpty: false });
    expect(shown.rows.map((r) => r.code)).toEqual(['A', 'B', 'C', 'UNKNOWN']);
    expect(shown.columns.map((c) => c.code)).toEqual(AREAS.map((a) => a.code));
    // Other definitions keep every row.
    const fm = fixture('first-move');
    expect(visibleGrid(model(fm), fm, { hideEmpty: false }).rows).toHaveLength(7);
  });

  it('hides empty rows and columns on request, keeping the totals of the whole matrix', () => {
    const m = fixture();
    const full = model(m);
    const shown = visibleGrid(full, m, { hideEmpty: true });
    expect(shown.rows.map((r) => r.code)).toEqual(['A', 'B', 'UNKNOWN']);
    expect(shown.columns.map((c) => c.code)).toEqual(['A', 'B', 'ABROAD', 'DECEASED', 'UNKNOWN']);
    expect(shown.totalRow.total).toBe(full.totalRow.total);
  });

  it('derives in/out/net from the published (rounded) values, so they add up with the totals on screen', () => {
    const m = fixture();
    const measures = matrixMeasures(m);
    const exact = measures.values('counts');
    // Rounded to base 5 as a rounding policy might publish them.
    const r5 = (v: number) => Math.round(v / 5) * 5;
    const rounded = { ...exact, cells: Array.from(exact.cells, r5), rowTotals: Array.from(exact.rowTotals, r5), colTotals: Array.from(exact.colTotals, r5), total: r5(exact.total) };
    const flows = publishedFlows(m, rounded, measures.flows);
    // A: row total 16 → 15, stayers 10 → 10, column total 13 → 15: in 5, out 5, net 0.
    expect(flows.get('A')).toEqual({ inflow: 5, outflow: 5, net: 0 });
    expect(measures.flows.get('A')).toEqual({ inflow: 3, outflow: 6, net: -3 });
    for (const [, f] of flows) expect(f.inflow % 5 === 0 && f.outflow % 5 === 0).toBe(true);
  });

  it('lists each corridor pair once, in its larger direction, and can leave out exits', () => {
    const m = fixture();
    const n = AREAS.length;
    const special = AREAS.map((a) => a.special);
    const all = topCorridors(m.counts, n, 10, { special });
    expect(all.map((c) => `${c.from}>${c.to}`)).toEqual(['0>1', '1>0', '0>3', '1>5']);
    const once = topCorridors(m.counts, n, 10, { special, pairsOnce: true });
    expect(once.map((c) => `${c.from}>${c.to}:${c.counterFlow}`)).toEqual(['0>1:3', '0>3:0', '1>5:0']);
    const noExits = topCorridors(m.counts, n, 10, { special, pairsOnce: true, includeSpecial: false });
    expect(noExits.map((c) => `${c.from}>${c.to}`)).toEqual(['0>1']);
  });
});
