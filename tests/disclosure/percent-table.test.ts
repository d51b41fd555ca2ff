import { describe, expect, it } from 'vitest';
import { protectTable, type DisclosureRules } from '../../electron/engine/disclosure/protect-table';
import { percentTable } from '../../shared/disclosure/percent-table';
import type { ProtectedCounts } from '../../shared/disclosure/protection';
import { tableOf } from './random-table';

const SUPPRESS: DisclosureRules = { threshold: 10, method: 'suppression', roundingBase: 5, zerosUnsafe: false };

/** A protected table written by hand: values and statuses as an attacker sees them. */
function published(rows: number, cols: number, cells: (number | null)[], cellStatus: string, rowTotals: (number | null)[], rowStatus: string, colTotals: (number | null)[], colStatus: string, total: number | null, totalStatus: string): ProtectedCounts {
  return {
    method: 'suppression',
    threshold: 10,
    roundingBase: null,
    rows,
    cols,
    cells,
    rowTotals,
    colTotals,
    total,
    cellStatus,
    rowStatus,
    colStatus,
    totalStatus,
    counts: { primary: 0, class: 0, secondary: 0, rounded: 0, linked: 0, perturbed: 0 },
    linkedTo: [],
  };
}

describe('percentages from published values only', () => {
  it('row percentages of a table without protection are cell / row total (hand-computed)', () => {
    // 2×2: [30 10; 20 40], rows 40 and 60, columns 50 and 50, total 100.
    const t = published(2, 2, [30, 10, 20, 40], '....', [40, 60], '..', [50, 50], '..', 100, '.');
    const p = percentTable(t, 'rowPct');
    expect(p.cells).toEqual([0.75, 0.25, 1 / 3, 2 / 3]);
    expect(p.rowTotals).toEqual([1, 1]);
    expect(p.colTotals).toEqual([0.5, 0.5]);
    expect(p.total).toBe(1);
    expect(p.protectedCount).toBe(0);
  });

  it('column percentages are cell / column total, totals row 100 %, total column row total / grand total', () => {
    const t = published(2, 2, [30, 10, 20, 40], '....', [40, 60], '..', [50, 50], '..', 100, '.');
    const p = percentTable(t, 'colPct');
    expect(p.cells).toEqual([0.6, 0.2, 0.4, 0.8]);
    expect(p.colTotals).toEqual([1, 1]);
    expect(p.rowTotals).toEqual([0.4, 0.6]);
  });

  it('a suppressed numerator protects the percentage; its published neighbours stay', () => {
    // The fixture of tests/disclosure/fixtures.test.ts: (0,0), (0,1), (1,0), (1,1) suppressed.
    const { table } = protectTable(tableOf(3, 3, [20, 5, 30, 40, 25, 35, 50, 60, 45]), SUPPRESS);
    const p = percentTable(table, 'rowPct');
    expect(p.cells).toEqual(['protected', 'protected', 30 / 55, 'protected', 'protected', 35 / 100, 50 / 155, 60 / 155, 45 / 155]);
    expect(p.protectedCount).toBe(4);
    // The hidden counts 20, 5, 40, 25 cannot be recovered from any published percentage times its published row total.
    const recovered = p.cells.map((v, k) => (typeof v === 'number' ? Math.round(v * table.rowTotals[Math.floor(k / 3)]!) : null));
    expect(recovered).toEqual([null, null, 30, null, null, 35, 50, 60, 45]);
  });

  it('a suppressed denominator protects every percentage of its row, even of published cells', () => {
    // Row 0's total is suppressed but its cell 12 is published: 12 / total would reveal the total.
    const t = published(2, 2, [12, null, 30, 40], '.s..', [null, 70], 'p.', [42, null], '.s', null, 's');
    const row = percentTable(t, 'rowPct');
    expect(row.cells).toEqual(['protected', 'protected', 30 / 70, 40 / 70]);
    expect(row.rowTotals).toEqual(['protected', 1]);
    expect(row.colTotals).toEqual(['protected', 'protected']);
    expect(row.total).toBe('protected');
    const col = percentTable(t, 'colPct');
    expect(col.cells).toEqual([12 / 42, 'protected', 30 / 42, 'protected']);
    expect(col.colTotals).toEqual([1, 'protected']);
  });

  it('rounded inputs protect the percentage (a ratio of rounded counts is not the true share)', () => {
    const t = { ...published(1, 2, [15, 0], 'r.', [15], 'r', [15, 0], 'r.', 15, 'r'), method: 'rounding' as const, roundingBase: 5 };
    const p = percentTable(t, 'rowPct');
    expect(p.cells).toEqual(['protected', 'protected']);
    expect(p.rowTotals).toEqual(['protected']);
  });

  it('any status other than published protects, including reasons added later (linked tables)', () => {
    const t = published(1, 2, [20, 30], 'l.', [50], '.', [20, 30], '..', 50, '.');
    expect(percentTable(t, 'rowPct').cells).toEqual(['protected', 0.6]);
  });

  it('a published zero denominator gives an undefined percentage, not a protected one', () => {
    const t = published(2, 2, [0, 0, 20, 30], '....', [0, 50], '..', [20, 30], '..', 50, '.');
    const p = percentTable(t, 'rowPct');
    expect(p.cells).toEqual(['undefined', 'undefined', 0.4, 0.6]);
    expect(p.rowTotals).toEqual(['undefined', 1]);
    expect(p.protectedCount).toBe(0);
  });
});
