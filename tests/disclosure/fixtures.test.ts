import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { protectTable, type DisclosureRules } from '../../electron/engine/disclosure/protect-table';
import { lpIntervals } from '../../electron/engine/disclosure/lp-audit';
import { roundKeyed } from '../../electron/engine/disclosure/rounding';
import { percentAllowed } from '../../shared/disclosure/protection';
import { tableOf } from './random-table';
import { municipalityTable } from './municipality-table';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const SUPPRESS: DisclosureRules = { threshold: 10, method: 'suppression', roundingBase: 5, zerosUnsafe: false };

describe('hand-checked fixtures', () => {
  it('suppresses one small cell and the cheapest cycle around it, keeping the margins', () => {
    const t = tableOf(3, 3, [20, 5, 30, 40, 25, 35, 50, 60, 45]);
    const { table: p } = protectTable(t, SUPPRESS);
    // (0,1)=5 is primary; the cycle (0,1)-(1,1)-(1,0)-(0,0) protects it: raising it by d lowers 25 and 20.
    expect(p.cellStatus).toBe('sp.ss....');
    expect(p.cells).toEqual([null, null, 30, null, null, 35, 50, 60, 45]);
    expect(p.rowTotals).toEqual([55, 100, 155]);
    expect(p.colTotals).toEqual([110, 90, 110]);
    expect(p.total).toBe(310);
    expect(p.counts).toEqual({ primary: 1, class: 0, secondary: 3, rounded: 0, linked: 0, perturbed: 0 });
    // The attacker's LP: 5 lies in [0, 25] (down to 0, up by min(20, 25)).
    const iv = lpIntervals(highs, t, p).find((x) => x.cell === 1)!;
    expect([iv.min, iv.max]).toEqual([0, 25]);
  });

  it('suppresses a margin below T and everything it would reveal', () => {
    const t = tableOf(2, 3, [3, 2, 1, 40, 30, 20]);
    const { table: p } = protectTable(t, SUPPRESS);
    expect(p.rowTotals[0]).toBeNull();
    expect(p.rowStatus[0]).toBe('p');
    for (const iv of lpIntervals(highs, t, p)) expect(iv.max - iv.min).toBeGreaterThanOrEqual(10);
  });

  it('flags class disclosure: a whole row in one cell', () => {
    // Everyone decided in row 0 lives in column 1: knowing the origin reveals the destination.
    const t = tableOf(3, 3, [0, 30, 0, 15, 20, 12, 11, 40, 17]);
    const { table: p } = protectTable(t, SUPPRESS);
    expect(p.cellStatus[1]).toBe('k');
    expect(p.cells[1]).toBeNull();
    expect(p.counts.class).toBe(1);
    for (const iv of lpIntervals(highs, t, p)) expect(iv.max - iv.min).toBeGreaterThanOrEqual(10);
  });

  it('applies the threshold to distinct persons when counts are moves', () => {
    const t = { ...tableOf(2, 2, [30, 40, 50, 60]), persons: { cells: [4, 40, 50, 60], rowTotals: [44, 110], colTotals: [54, 100], total: 154 } };
    const { table: p } = protectTable(t, SUPPRESS);
    expect(p.cellStatus[0]).toBe('p');
    expect(p.cells[0]).toBeNull();
  });

  it('protects zeros only when the policy says they are unsafe', () => {
    const t = tableOf(3, 3, [0, 40, 30, 50, 60, 20, 45, 35, 25]);
    expect(protectTable(t, SUPPRESS).table.cells[0]).toBe(0);
    const p = protectTable(t, { ...SUPPRESS, zerosUnsafe: true }).table;
    expect(p.cellStatus[0]).toBe('p');
    for (const iv of lpIntervals(highs, t, p)) expect(iv.max - iv.min).toBeGreaterThanOrEqual(10);
  });

  it('allows a percentage only where numerator and denominator are published', () => {
    const t = tableOf(3, 3, [20, 5, 30, 40, 25, 35, 50, 60, 45]);
    const { table: p } = protectTable(t, SUPPRESS);
    expect(percentAllowed(p, 0, 2, 'row')).toBe(true);
    expect(percentAllowed(p, 0, 1, 'row')).toBe(false);
  });

  it('is deterministic: the same table gives the same protection', () => {
    const t = municipalityTable(3000, 9, 40, 4);
    expect(protectTable(t, SUPPRESS).table).toEqual(protectTable(t, SUPPRESS).table);
  });
});

describe('random rounding keyed on persons', () => {
  const ROUND: DisclosureRules = { ...SUPPRESS, method: 'rounding', roundingBase: 5 };

  it('rounds every cell and margin to a neighbouring multiple of the base and marks it', () => {
    const t = municipalityTable(2000, 3, 30, 4);
    const { table: p } = protectTable(t, ROUND);
    p.cells.forEach((v, i) => {
      expect(v! % 5).toBe(0);
      expect(Math.abs(v! - (t.counts[i] as number))).toBeLessThan(5);
      expect(p.cellStatus[i]).toBe(t.counts[i] === 0 ? '.' : 'r');
    });
    expect(p.total! % 5).toBe(0);
    expect(p.counts.rounded).toBeGreaterThan(0);
  });

  it('rounds the same persons the same way in different tables', () => {
    // Same key and count → same result, whatever the position or the table.
    for (let key = 1; key < 500; key++) {
      expect(roundKeyed(7, key, 5)).toBe(roundKeyed(7, key, 5));
    }
    const a = { ...tableOf(2, 2, [7, 13, 2, 21]), keys: { cells: [101, 202, 303, 404] } };
    const b = { ...tableOf(2, 3, [0, 7, 9, 4, 13, 1]), keys: { cells: [1, 101, 5, 6, 202, 8] } };
    const pa = protectTable(a, ROUND).table;
    const pb = protectTable(b, ROUND).table;
    expect(pb.cells[1]).toBe(pa.cells[0]);
    expect(pb.cells[4]).toBe(pa.cells[1]);
  });

  it('is unbiased on average', () => {
    let sum = 0;
    for (let key = 0; key < 20000; key++) sum += roundKeyed(7, key * 2654435761, 5);
    expect(sum / 20000).toBeGreaterThan(6.8);
    expect(sum / 20000).toBeLessThan(7.2);
  });
});
