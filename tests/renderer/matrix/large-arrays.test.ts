import { describe, expect, it } from 'vitest';
import type { Area } from '../../../shared/geo/area-level';
import { MatrixDefinition, type MatrixResult } from '../../../shared/matrix/matrix-definition';
import { maxBy, maxOf } from '../../../shared/arrays/extremes';
import { heatmapData } from '../../../renderer/src/features/matrix/heatmap-data';
import { headerWidth } from '../../../renderer/src/features/matrix/header-width';

/** A seeded LCG: the same synthetic counts every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A municipality-sized matrix (581 areas + exits and unknown = 585 × 585 ≈ 342,000 cells). */
function municipalityMatrix(seed: number): MatrixResult {
  const rand = seeded(seed);
  const areas: Area[] = [];
  for (let i = 0; i < 581; i++) {
    const code = String(11001 + i);
    areas.push({ code, nameNl: `Gemeente ${i}`, nameFr: `Commune ${i}`, special: false, regionCode: i < 300 ? 'VLG' : 'WAL', provinceCode: i < 300 ? '10000' : '50000' });
  }
  const exits = { ABROAD: 'Buitenland', RADIATED: 'Ambtshalve afgevoerd', DECEASED: 'Overleden', UNKNOWN: 'Onbekend' };
  for (const [code, nameNl] of Object.entries(exits)) areas.push({ code, nameNl, nameFr: nameNl, special: true, regionCode: '', provinceCode: '' });
  const n = areas.length;
  const counts = new Array<number>(n * n);
  for (let i = 0; i < counts.length; i++) counts[i] = rand() < 0.01 ? Math.floor(rand() * 40) : 0;
  counts[123 * n + 45] = 1234; // the largest cell, known
  const rowTotals = new Array<number>(n).fill(0);
  const colTotals = new Array<number>(n).fill(0);
  let total = 0;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      rowTotals[r] += counts[r * n + c];
      colTotals[c] += counts[r * n + c];
      total += counts[r * n + c];
    }
  return {
    definition: MatrixDefinition.parse({ kind: 'state', level: 'municipality' }),
    rows: areas,
    cols: areas,
    counts,
    rowTotals,
    colTotals,
    total,
    cohortSize: total,
    distinctPersons: total,
    referenceDate: '2018-01-27',
    computeMs: 1,
  };
}

describe('data-sized arrays (issue 12 blocker: the municipality heatmap crash)', () => {
  it('builds the log-scale heatmap of a 585 × 585 municipality matrix without overflowing the stack', () => {
    const m = municipalityMatrix(20180127);
    expect(m.counts.length).toBeGreaterThan(300_000);
    const h = heatmapData(m, 'nl', true);
    expect(h.z.length).toBe(585);
    // The colour bar reaches the largest cell: 0, 1, 10, 100, 1000.
    expect(h.ticktext).toEqual([0, 1, 10, 100, 1000]);
  });

  it('labels every exit column of a municipality heatmap, widened and far enough apart to read', () => {
    const h = heatmapData(municipalityMatrix(20180127), 'nl', true);
    const wide = h.wide!;
    expect(wide.edges).toHaveLength(h.x.length + 1);
    for (const exit of ['Buitenland', 'Ambtshalve afgevoerd', 'Overleden', 'Onbekend']) {
      const i = h.x.indexOf(exit);
      expect(i, exit).toBeGreaterThan(0);
      expect(wide.ticktext, exit).toContain(exit);
      // As wide as several municipalities: visible at all.
      expect(wide.edges[i + 1] - wide.edges[i], exit).toBeGreaterThanOrEqual(5);
    }
    // No two labels closer than 1/150 of the axis (about 7 px on a 1,000 px chart), and about 100 of them.
    const span = wide.edges[wide.edges.length - 1];
    for (let k = 1; k < wide.tickvals.length; k++) expect(wide.tickvals[k] - wide.tickvals[k - 1]).toBeGreaterThanOrEqual(span / 150);
    expect(wide.tickvals.length).toBeGreaterThan(80);
    expect(heatmapData({ ...municipalityMatrix(20180127), rows: [], cols: [], counts: [] }, 'nl', false).wide).toBeNull();
  });

  it('maxOf and maxBy loop over arrays far larger than a call may take as arguments', () => {
    const big = new Float64Array(2_000_000);
    big[1_999_999] = 7;
    expect(maxOf(big, 0)).toBe(7);
    expect(maxOf([], 3)).toBe(3);
    expect(maxOf([-5, -2], -Infinity)).toBe(-2);
    const items = Array.from({ length: 500_000 }, (_, i) => ({ v: i % 1000 }));
    expect(maxBy(items, (x) => x.v, 0)).toBe(999);
    expect(maxBy([] as { v: number }[], (x) => x.v, 1)).toBe(1);
  });

  it('sizes a header from its widest unbreakable piece', () => {
    expect(headerWidth('Halle-Vilvoorde', (t) => t.length * 10, { min: 10, max: 500, chrome: 0 })).toBe(90);
  });
});
