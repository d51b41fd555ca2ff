import { getGeography } from '../../../electron/engine/geo/geography';
import { describe, expect, it } from 'vitest';
import type { Area } from '../../../shared/geo/area-level';
import type { MatrixResult } from '../../../shared/matrix/matrix-definition';
import { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import { regionProvinceOrder, areaName } from '../../../renderer/src/features/matrix/area-order';
import { heatmapData, uniqueLabels } from '../../../renderer/src/features/matrix/heatmap-data';
import { sankeyData } from '../../../renderer/src/features/matrix/sankey-data';
import { buildGridModel, countFlags, flagsFromProtected } from '../../../renderer/src/features/matrix/grid-rows';
import { matrixMeasures } from '../../../renderer/src/features/matrix/matrix-measures';
import { selectBars, MAX_BARS } from '../../../renderer/src/charts/net-bars';

const area = (code: string, nameNl: string, regionCode: string, provinceCode = '', nameFr = nameNl): Area => ({
  code,
  nameNl,
  nameFr,
  special: regionCode === '',
  regionCode,
  provinceCode,
});

// Listed out of order on purpose: Wallonia first, a special column in the middle.
const WAL = area('03000', 'Wallonië', 'WAL', '', 'Wallonie');
const VLG = area('02000', 'Vlaanderen', 'VLG', '', 'Flandre');
const BRU = area('04000', 'Brussel', 'BRU', '', 'Bruxelles');
const ABROAD = area('ABROAD', 'Buitenland', '', '', 'Étranger');
const UNKNOWN = area('UNKNOWN', 'Onbekend', '', '', 'Inconnu');

/** Hand-made 3-region state matrix: origins WAL, VLG, BRU; destinations WAL, ABROAD, VLG, BRU. */
function fixture(): MatrixResult {
  const rows = [WAL, VLG, BRU];
  const cols = [WAL, ABROAD, VLG, BRU];
  // prettier-ignore
  const counts = [
    50, 5, 10, 20,  // from WAL
    3, 2, 100, 7,   // from VLG
    15, 0, 30, 60,  // from BRU
  ];
  const rowTotals = [85, 112, 105];
  const colTotals = [68, 7, 140, 87];
  return {
    definition: MatrixDefinition.parse({ kind: 'state', level: 'region' }),
    rows,
    cols,
    counts,
    rowTotals,
    colTotals,
    total: 302,
    cohortSize: 302,
    distinctPersons: 302,
    excludedPersons: 0,
    unmappedPersons: 0,
    referenceDate: '2024-01-01',
    computeMs: 1,
  };
}

describe('area order', () => {
  it('puts Flanders, Brussels, Wallonia, then special areas in their fixed order', () => {
    const areas = [UNKNOWN, WAL, ABROAD, BRU, VLG];
    expect(regionProvinceOrder(areas).map((i) => areas[i].code)).toEqual(['02000', '04000', '03000', 'ABROAD', 'UNKNOWN']);
  });

  it('orders by province within a region, then by name: the table\'s order, not the NIS code', () => {
    const a = [area('46000', 'Sint-Niklaas', 'VLG', '40000'), area('11055', 'Zoersel', 'VLG', '10000'), area('44000', 'Gent', 'VLG', '40000'), area('12002', 'Berlaar', 'VLG', '10000')];
    expect(regionProvinceOrder(a).map((i) => a[i].code)).toEqual(['12002', '11055', '44000', '46000']);
  });

  it('gives the heatmap the order of the engine\'s table at every level and vintage', () => {
    const geo = getGeography();
    for (const v of ['2014', '2019', '2025'] as const)
      for (const level of ['municipality', 'arrondissement', 'province', 'region'] as const) {
        const areas = geo.vintages[v].areas[level];
        expect(regionProvinceOrder(areas), `${level} ${v}`).toEqual(areas.map((_, i) => i));
      }
  });

  it('shows French names when asked and falls back to Dutch', () => {
    expect(areaName(BRU, 'fr')).toBe('Bruxelles');
    expect(areaName({ ...BRU, nameFr: '' }, 'fr')).toBe('Brussel');
  });
});

describe('heatmap data', () => {
  it('reorders rows and columns by region with the counts following their areas', () => {
    const h = heatmapData(fixture(), 'nl', false);
    expect(h.y).toEqual(['Vlaanderen', 'Brussel', 'Wallonië']);
    expect(h.x).toEqual(['Vlaanderen', 'Brussel', 'Wallonië', 'Buitenland']);
    // VLG → VLG = 100, BRU → WAL = 15, WAL → ABROAD = 5
    expect(h.counts[0][0]).toBe(100);
    expect(h.counts[1][2]).toBe(15);
    expect(h.counts[2][3]).toBe(5);
    expect(h.z).toEqual(h.counts);
  });

  it('on the log scale colours log10(1 + n) and labels the colour bar in persons', () => {
    const h = heatmapData(fixture(), 'nl', true);
    expect(h.z[0][0]).toBeCloseTo(Math.log10(101));
    expect(h.z[1][3]).toBe(0); // zero stays at the bottom
    expect(h.ticktext).toEqual([0, 1, 10, 100]);
    expect(h.tickvals![3]).toBeCloseTo(Math.log10(101));
  });

  it('keeps axis labels unique when two areas share a name', () => {
    const a = [area('46021', 'Saint-Nicolas', 'VLG', '40000'), area('62093', 'Saint-Nicolas', 'WAL', '60000')];
    expect(uniqueLabels(a, 'nl')).toEqual(['Saint-Nicolas (46021)', 'Saint-Nicolas (62093)']);
  });
});

describe('sankey data', () => {
  it('links origins to separate destination nodes, skipping zero cells and, on request, stayers', () => {
    const s = sankeyData(fixture(), 'nl', false);
    const links = s.source.map((src, i) => `${s.labels[src]}>${s.labels[s.target[i]]}:${s.value[i]}`);
    expect(links).toContain('Wallonië>Vlaanderen:10');
    expect(links).toContain('Vlaanderen>Brussel:7');
    expect(links).not.toContain('Brussel>Buitenland:0');
    expect(links.some((l) => l.startsWith('Vlaanderen>Vlaanderen'))).toBe(false);
    // no cycles: every source node comes before every target node
    expect(Math.max(...s.source)).toBeLessThan(Math.min(...s.target));
    const total = s.value.reduce((a, b) => a + b, 0);
    expect(total).toBe(302 - 50 - 100 - 60);
  });

  it('includes stayers as horizontal bands when asked', () => {
    const s = sankeyData(fixture(), 'nl', true);
    expect(s.value.reduce((a, b) => a + b, 0)).toBe(302);
  });
});

describe('grid model', () => {
  it('gives one row per origin with its counts, total and in/out/net, and a totals row', () => {
    const m = fixture();
    const measures = matrixMeasures(m);
    const g = buildGridModel(m, measures.values('counts'), measures.flows, null, 'nl', 'Totaal');
    expect(g.rows.map((r) => r.name)).toEqual(['Wallonië', 'Vlaanderen', 'Brussel']);
    expect(g.rows[1].values).toEqual([3, 2, 100, 7]);
    expect(g.rows[1].total).toBe(112);
    expect(g.totalRow.values).toEqual([68, 7, 140, 87]);
    expect(g.totalRow.total).toBe(302);
    // the totals row adds up to the grand total, and so do the row totals
    expect(g.totalRow.values.reduce((a, b) => a + b, 0)).toBe(302);
    expect(g.rows.reduce((s, r) => s + r.total, 0)).toBe(302);
  });

  it('marks cells and margins that disclosure control protects, by reason', () => {
    const m = fixture();
    const measures = matrixMeasures(m);
    const flags = flagsFromProtected({
      method: 'suppression',
      threshold: 10,
      roundingBase: null,
      rows: 3,
      cols: 4,
      cells: [50, null, 10, 20, null, null, 100, null, 15, 0, 30, 60],
      rowTotals: [85, 112, 105],
      colTotals: [68, null, 140, 87],
      total: 302,
      cellStatus: '.p..ps.s....',
      rowStatus: '...',
      colStatus: '.k..',
      totalStatus: '.',
      counts: { primary: 2, class: 1, secondary: 2, rounded: 0, linked: 0, perturbed: 0 }, linkedTo: [],
    });
    const g = buildGridModel(m, measures.values('counts'), measures.flows, flags, 'nl', 'Totaal');
    expect(g.rows[0].flags).toEqual([null, 'primary', null, null]);
    expect(g.rows[1].flags).toEqual(['primary', 'secondary', null, 'secondary']);
    expect(g.totalRow.flags[1]).toBe('class');
    expect(countFlags(flags)).toEqual({ primary: 2, secondary: 2, class: 1, rounded: 0, linked: 0, perturbed: 0 });
  });

  it('shows row percentages that sum to 100% per row, the totals row as shares of the grand total', () => {
    const m = fixture();
    const measures = matrixMeasures(m);
    const v = measures.values('rowPct');
    const g = buildGridModel(m, v, measures.flows, null, 'nl', 'Totaal');
    for (const r of g.rows) expect(r.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(g.totalRow.values[2]).toBeCloseTo(140 / 302);
    expect(v.percent).toBe(true);
  });
});

describe('net migration bars', () => {
  it('keeps every area when few, else the largest gains and losses', () => {
    const few = [{ name: 'a', net: 3 }, { name: 'b', net: -2 }];
    expect(selectBars(few).map((b) => b.name)).toEqual(['b', 'a']);
    const many = Array.from({ length: 200 }, (_, i) => ({ name: `m${i}`, net: i - 100 }));
    const shown = selectBars(many);
    expect(shown).toHaveLength(MAX_BARS);
    expect(shown[0].net).toBe(-100);
    expect(shown[shown.length - 1].net).toBe(99);
  });
});

describe('measures adapter', () => {
  it('squares a matrix whose columns include exits, so in/out/net count exits as out-flows', () => {
    const m = matrixMeasures(fixture());
    // Wallonia: 50 stay; out = 5 abroad + 10 + 20 = 35; in = 3 + 15 = 18
    expect(m.flows.get('03000')).toEqual({ inflow: 18, outflow: 35, net: -17 });
    expect(m.retention.get('03000')).toBeCloseTo(50 / 85);
    expect(m.netRatePer1000.get('03000')).toBeCloseTo((1000 * -17) / 302);
    const top = m.corridors(2);
    expect(top.map((c) => `${c.origin.code}>${c.destination.code}:${c.flow}/${c.counterFlow}`)).toEqual(['04000>02000:30/7', '03000>04000:20/15']);
  });
});
