import { describe, expect, it } from 'vitest';
import {
  areaEffectiveness,
  areaFlows,
  colPercentages,
  colTotals,
  crudeMigrationIntensity,
  grandTotal,
  migrationEffectiveness,
  netRatePer1000,
  rowPercentages,
  rowTotals,
  topCorridors,
} from '../../shared/measures';

/**
 * Hand-computed fixture: three regions and Abroad (special).
 *
 *            → VLG  BRU  WAL  ABROAD | row
 *   VLG        80    5   10    5     | 100
 *   BRU        10   40    0    0     |  50
 *   WAL        30   15   50    5     | 100
 *   ABROAD      4    1    0    0     |   5
 *   col       124   61   60   10     | 255
 */
const N = 4;
const VLG = 0;
const BRU = 1;
const WAL = 2;
const ABROAD = 3;
const COUNTS = [80, 5, 10, 5, 10, 40, 0, 0, 30, 15, 50, 5, 4, 1, 0, 0];
const SPECIAL = [false, false, false, true];
const COHORT = 255;

describe('measures on the three-region fixture', () => {
  it('row and column totals', () => {
    expect(rowTotals(COUNTS, N)).toEqual([100, 50, 100, 5]);
    expect(colTotals(COUNTS, N)).toEqual([124, 61, 60, 10]); // 80+10+30+4, 5+40+15+1, 10+0+50+0, 5+0+5+0
    expect(grandTotal(COUNTS)).toBe(255);
  });

  it('row and column percentages', () => {
    const rp = rowPercentages(COUNTS, N);
    expect(rp.slice(0, 4)).toEqual([80, 5, 10, 5]); // row VLG / 100
    expect(rp[BRU * N + VLG]).toBeCloseTo(20, 10); // 10 / 50
    expect(rp[WAL * N + BRU]).toBeCloseTo(15, 10); // 15 / 100
    expect(rp[ABROAD * N + VLG]).toBeCloseTo(80, 10); // 4 / 5
    const cp = colPercentages(COUNTS, N);
    expect(cp[VLG * N + VLG]).toBeCloseTo(64.516129, 5); // 80 / 124
    expect(cp[WAL * N + VLG]).toBeCloseTo(24.193548, 5); // 30 / 124
    expect(cp[BRU * N + WAL]).toBe(0); // 0 / 60
    expect(cp[WAL * N + ABROAD]).toBeCloseTo(50, 10); // 5 / 10
    expect(rowPercentages([0, 0, 0, 0], 2)).toEqual([null, null, null, null]);
  });

  it('stayers, retention, in, out, net and turnover per area (flows to and from Abroad included)', () => {
    const f = areaFlows(COUNTS, N);
    expect(f.stayers).toEqual([80, 40, 50, 0]);
    expect(f.retention).toEqual([0.8, 0.8, 0.5, 0]); // 80/100, 40/50, 50/100, 0/5
    expect(f.inflow).toEqual([44, 21, 10, 10]); // VLG 10+30+4; BRU 5+15+1; WAL 10+0+0; ABROAD 5+0+5
    expect(f.outflow).toEqual([20, 10, 50, 5]); // VLG 5+10+5; BRU 10+0+0; WAL 30+15+5; ABROAD 4+1
    expect(f.net).toEqual([24, 11, -40, 5]);
    expect(f.turnover).toEqual([64, 31, 60, 15]);
  });

  it('net rate per 1,000 of the cohort', () => {
    const rates = netRatePer1000(areaFlows(COUNTS, N).net, COHORT);
    expect(rates[VLG]).toBeCloseTo(94.117647, 5); // 1000 × 24 / 255
    expect(rates[BRU]).toBeCloseTo(43.137255, 5); // 1000 × 11 / 255
    expect(rates[WAL]).toBeCloseTo(-156.862745, 5); // 1000 × −40 / 255
    expect(netRatePer1000([3], 0)).toEqual([null]);
  });

  it('migration effectiveness index overall (real areas only) and per area', () => {
    const f = areaFlows(COUNTS, N);
    // Σ|I−O| = 24 + 11 + 40 = 75; Σ(I+O) = 64 + 31 + 60 = 155; 100 × 75 / 155
    expect(migrationEffectiveness(f, SPECIAL)).toBeCloseTo(48.387097, 5);
    // With Abroad counted as an area: (75 + 5) / (155 + 15)
    expect(migrationEffectiveness(f)).toBeCloseTo(47.058824, 5);
    const per = areaEffectiveness(f);
    expect(per[VLG]).toBeCloseTo(37.5, 10); // 100 × 24 / 64
    expect(per[BRU]).toBeCloseTo(35.483871, 5); // 100 × 11 / 31
    expect(per[WAL]).toBeCloseTo(-66.666667, 5); // 100 × −40 / 60
  });

  it('crude migration intensity', () => {
    // off-diagonal = 255 − (80 + 40 + 50 + 0) = 85; per 100 of 255
    expect(crudeMigrationIntensity(COUNTS, N, COHORT)).toBeCloseTo(33.333333, 5);
    expect(crudeMigrationIntensity(COUNTS, N, 0)).toBeNull();
  });

  it('top corridors with counter-flow and net flow', () => {
    expect(topCorridors(COUNTS, N, 4)).toEqual([
      { from: WAL, to: VLG, flow: 30, counterFlow: 10, net: 20 },
      { from: WAL, to: BRU, flow: 15, counterFlow: 0, net: 15 },
      { from: VLG, to: WAL, flow: 10, counterFlow: 30, net: -20 }, // ties (10) in origin order
      { from: BRU, to: VLG, flow: 10, counterFlow: 5, net: 5 },
    ]);
    const withoutSpecial = topCorridors(COUNTS, N, 10, { special: SPECIAL, includeSpecial: false });
    expect(withoutSpecial.map((c) => [c.from, c.to])).toEqual([[WAL, VLG], [WAL, BRU], [VLG, WAL], [BRU, VLG], [VLG, BRU]]);
    const withSpecial = topCorridors(COUNTS, N, 10);
    expect(withSpecial).toHaveLength(9); // every non-zero off-diagonal cell: 5 between regions + 2 to and 2 from Abroad
    expect(withSpecial.at(-1)).toEqual({ from: ABROAD, to: BRU, flow: 1, counterFlow: 0, net: 1 });
  });
});
