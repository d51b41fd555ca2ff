import { describe, expect, it } from 'vitest';
import { measureValue } from '../../shared/crosstab/crosstab-measures';
import { parseVariableSpec } from '../../shared/crosstab/variable-spec';

// 2 × 2 table: [[3, 1], [0, 4]] — row totals 4, 4; column totals 3, 5; total 8.
const t = { rows: 2, cols: 2, counts: [3, 1, 0, 4], rowTotals: [4, 4], colTotals: [3, 5], total: 8 };

describe('cross-tab measures', () => {
  it('row, column and total shares of cells and margins (hand computed)', () => {
    expect(measureValue(t, 0, 0, 'counts')).toBe(3);
    expect(measureValue(t, 0, 0, 'rowPercent')).toBe(0.75);
    expect(measureValue(t, 0, 0, 'colPercent')).toBe(1);
    expect(measureValue(t, 1, 1, 'totalPercent')).toBe(0.5);
    // Margins: a row total is 100 % of its row, its share of the table by column.
    expect(measureValue(t, 1, 2, 'rowPercent')).toBe(1);
    expect(measureValue(t, 1, 2, 'colPercent')).toBe(0.5);
    expect(measureValue(t, 2, 1, 'rowPercent')).toBe(5 / 8);
    expect(measureValue(t, 2, 2, 'totalPercent')).toBe(1);
  });
  it('an empty row has no row shares', () => {
    const e = { rows: 1, cols: 2, counts: [0, 0], rowTotals: [0], colTotals: [0, 0], total: 0 };
    expect(measureValue(e, 0, 1, 'rowPercent')).toBeNaN();
  });
});

describe('CLI variable specs', () => {
  it('parses the short forms into variables', () => {
    expect(parseVariableSpec('sex')).toEqual({ ok: true, value: { var: 'sex' } });
    expect(parseVariableSpec('nationality:top=7')).toMatchObject({ ok: true, value: { var: 'nationality', top: 7, groups: [] } });
    expect(parseVariableSpec('ageBand:0-17,18-64,65+')).toMatchObject({ ok: true, value: { bands: [{ min: 0, max: 17 }, { min: 18, max: 64 }, { min: 65, max: 120 }] } });
    expect(parseVariableSpec('area:municipality@2020-01-01:2025:centrumsteden')).toMatchObject({
      ok: true,
      value: { var: 'area', level: 'municipality', at: 'date', date: '2020-01-01', vintage: '2025', groups: [{ label: 'Centrumsteden' }] },
    });
    expect(parseVariableSpec('area:region@decision')).toMatchObject({ ok: true, value: { at: 'decision', vintage: '2019', groups: [] } });
  });
  it('refuses what it does not know', () => {
    for (const bad of ['income', 'sex:x', 'nationality:top=x', 'ageBand:a-b', 'area:region', 'area:planet@decision', 'area:region@decision:1999']) expect(parseVariableSpec(bad).ok).toBe(false);
  });
});
