import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { protectTable, type DisclosureRules } from '../../electron/engine/disclosure/protect-table';
import { mapGeometry } from '../../electron/engine/export/chart/map-geometry';
import { mapSvg } from '../../electron/engine/export/chart/map-svg';
import { rasterisePng } from '../../electron/engine/export/chart/rasterise-png';
import { sankeySvg } from '../../electron/engine/export/chart/sankey-svg';
import type { OutputTable } from '../../electron/engine/export/table-writer';
import type { Area } from '../../shared/geo/area-level';
import { formatCount, formatDecimal, formatPercent } from '../../shared/format/number-format';
import { tableOf } from '../disclosure/random-table';
import { RESOURCES_DIR, type TestEngine } from '../support/test-engine';
import { useExportEngine } from './export-session';
import { findEnglish } from '../support/english-ui-strings';

const SUPPRESS: DisclosureRules = { threshold: 10, method: 'suppression', roundingBase: 5, zerosUnsafe: false };

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** Every text an SVG shows or tells a screen reader: <text> and <title> contents. */
const svgTexts = (svg: string): string[] => [...svg.matchAll(/<(text|title)\b[^>]*>([^<]*)<\/\1>/g)].map((m) => unescape(m[2]));
/** Whole numbers in the texts ("1.234" read as 1234). */
const numbersIn = (texts: string[]): number[] => texts.flatMap((s) => [...s.matchAll(/\d[\d.]*/g)].map((m) => Number(m[0].replace(/\./g, ''))));

/** Three Antwerp-province arrondissements, as the matrix's rows and columns. */
const AREAS: Area[] = [
  { code: '11000', nameNl: 'Antwerpen', nameFr: 'Anvers', special: false, regionCode: 'VLG', provinceCode: '10000' },
  { code: '12000', nameNl: 'Mechelen', nameFr: 'Malines', special: false, regionCode: 'VLG', provinceCode: '10000' },
  { code: '13000', nameNl: 'Turnhout', nameFr: 'Turnhout', special: false, regionCode: 'VLG', provinceCode: '10000' },
];

/**
 * 3×3 with four cells suppressed (the hand-checked fixture of tests/disclosure/fixtures.test.ts):
 * the hidden 20, 5, 40, 25 (or any values with the same margins); 30, 35, 50, 60, 45 and the margins published.
 */
function fixture(hidden: [number, number, number, number]): OutputTable {
  const [a, b, c, d] = hidden;
  const { table } = protectTable(tableOf(3, 3, [a, b, 30, c, d, 35, 50, 60, 45]), SUPPRESS);
  return { sheet: 'm', corner: '', rowLabels: [], colLabels: [], totalLabel: 'Totaal', table, areas: { rows: AREAS, cols: AREAS } };
}

/** Band thickness of each published flow: the Sankey's band path runs M…C…x1 y, then L x1 y+w. */
function bandWidths(svg: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of svg.matchAll(/<path d="M[^"]*C[^"]* ([\d.]+)L[\d.]+ ([\d.]+)C[^"]*Z"[^>]*><title>([^<]*)<\/title>/g)) out.set(unescape(m[3]), Number(m[2]) - Number(m[1]));
  return out;
}

describe('the Sankey image, drawn in the engine from the protected table', () => {
  it('draws bands only for published flows, their widths in proportion to the published counts', () => {
    const t = fixture([20, 5, 40, 25]);
    expect(t.table.cells).toEqual([null, null, 30, null, null, 35, 50, 60, 45]);
    const svg = sankeySvg(t, { title: 'Verhuismatrix', lang: 'nl' });
    const widths = bandWidths(svg);
    // Without stayers: the four published moves between two areas, nothing else.
    expect([...widths.keys()].sort()).toEqual(['Antwerpen → Turnhout: 30', 'Mechelen → Turnhout: 35', 'Turnhout → Antwerpen: 50', 'Turnhout → Mechelen: 60'].sort());
    expect(widths.get('Turnhout → Mechelen: 60')! / widths.get('Antwerpen → Turnhout: 30')!).toBeCloseTo(2, 1);
    expect(widths.get('Turnhout → Antwerpen: 50')! / widths.get('Mechelen → Turnhout: 35')!).toBeCloseTo(50 / 35, 1);
    // The two protected moves are dashed lines, labelled [c].
    expect(svg.match(/data-protected="1"/g)).toHaveLength(2);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['Antwerpen → Mechelen: [c]', 'Mechelen → Antwerpen: [c]']));
  });

  it('carries no suppressed value: other hidden values with the same published table give the very same image', () => {
    for (const stayers of [false, true]) {
      const t = fixture([20, 5, 40, 25]);
      const svg = sankeySvg(t, { title: 'Verhuismatrix', lang: 'nl', stayers });
      for (const hidden of [20, 5, 40, 25]) expect(numbersIn(svgTexts(svg))).not.toContain(hidden);
      const other = fixture([21, 4, 39, 26]);
      expect(other.table).toEqual(t.table);
      expect(sankeySvg(other, { title: 'Verhuismatrix', lang: 'nl', stayers })).toBe(svg);
    }
    // With stayers the diagonal shows too: the published 45 as a band, the two hidden stayers as [c].
    const withStayers = sankeySvg(fixture([20, 5, 40, 25]), { title: 'Verhuismatrix', lang: 'nl', stayers: true });
    expect(bandWidths(withStayers).has('Turnhout → Turnhout: 45')).toBe(true);
    expect(withStayers.match(/data-protected="1"/g)).toHaveLength(4);
  });

  it('labels the legend in the export language', () => {
    const nl = svgTexts(sankeySvg(fixture([20, 5, 40, 25]), { title: 'Verhuismatrix', lang: 'nl', rounding: 5 }));
    const en = svgTexts(sankeySvg(fixture([20, 5, 40, 25]), { title: 'Relocation matrix', lang: 'en' }));
    expect(nl).toEqual(expect.arrayContaining(['Herkomst', 'Bestemming', 'Vlaams Gewest', 'Waarden willekeurig afgerond op een veelvoud van 5']));
    expect(en).toEqual(expect.arrayContaining(['Origin', 'Destination', 'Flemish Region', 'Width of a flow = number of persons (published values)']));
    expect(en.join(' ')).not.toMatch(/Herkomst|Gewest|personen/);
  });
});

describe('the map image, drawn in the engine from the protected table and the bundled geometry', () => {
  const geometry = mapGeometry('2019', 'arrondissement');

  it('fills areas from published values only: a value with a protected input is hatched [c], whatever it hides', () => {
    const t = fixture([20, 5, 40, 25]);
    const svg = mapSvg(t, geometry, { title: 'Kaart', lang: 'nl', measure: 'netRate', flows: true });
    // Antwerpen and Mechelen have a suppressed stayer cell; Turnhout: in 110 − 45 = 65, out 155 − 45 = 110, of 310 persons.
    expect(svg.match(/data-protected="1"/g)).toHaveLength(2);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['Antwerpen: [c]', 'Mechelen: [c]', `Turnhout: ${formatDecimal((-45 * 1000) / 310, 'nl', 1)}`]));
    // Every other arrondissement of the bundled geometry is there, grey: no value.
    expect(texts.filter((x) => x.endsWith(': Geen waarde (geen cohortleden)'))).toHaveLength(geometry.collection.features.length - 3);
    for (const measure of ['netRate', 'retention'] as const) {
      const a = mapSvg(t, geometry, { title: 'Kaart', lang: 'nl', measure, flows: true });
      expect(mapSvg(fixture([21, 4, 39, 26]), geometry, { title: 'Kaart', lang: 'nl', measure, flows: true })).toBe(a);
      for (const hidden of [20, 5, 40, 25]) expect(numbersIn(svgTexts(a).filter((x) => !x.startsWith('Kaart')))).not.toContain(hidden);
    }
    expect(svgTexts(mapSvg(t, geometry, { title: 'Kaart', lang: 'nl', measure: 'retention', flows: false }))).toContain(`Turnhout: ${formatPercent(45 / 155, 'nl', 0)}`);
  });

  it('speaks Dutch in a Dutch image: none of the English UI strings in the Sankey or the map', () => {
    const t = fixture([20, 5, 40, 25]);
    const texts = [
      ...svgTexts(sankeySvg(t, { title: 'Verhuismatrix', lang: 'nl', rounding: 5 })),
      ...svgTexts(mapSvg(t, geometry, { title: 'Kaart', lang: 'nl', measure: 'netRate', flows: true })),
      ...svgTexts(mapSvg(t, geometry, { title: 'Kaart', lang: 'nl', measure: 'retention', flows: true })),
    ].join('\n');
    expect(findEnglish(texts)).toEqual([]);
    expect(texts).toContain('Retentie (aandeel blijvers)');
    // Not blind: the English image is found out.
    expect(findEnglish(svgTexts(mapSvg(t, geometry, { title: 'Map', lang: 'en', measure: 'retention', flows: true })).join('\n')).length).toBeGreaterThan(0);
  });

  it('draws the largest published flows as lines and never a protected one', () => {
    const svg = mapSvg(fixture([20, 5, 40, 25]), geometry, { title: 'Kaart', lang: 'en', measure: 'netRate', flows: true });
    const lines = [...svg.matchAll(/<line [^>]*stroke-width="([\d.]+)"[^>]*><title>([^<]*)<\/title>/g)].map((m) => [unescape(m[2]), Number(m[1])] as const);
    expect(lines.map(([tip]) => tip)).toEqual(['Turnhout → Mechelen: 60', 'Turnhout → Antwerpen: 50', 'Mechelen → Turnhout: 35', 'Antwerpen → Turnhout: 30']);
    expect(lines[0][1]).toBeGreaterThan(lines[3][1]);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['The 4 largest published flows', '[c] confidential: not published', 'Net migration per thousand of the cohort']));
    expect(svg.match(/<line [^>]*><title>/g)).toHaveLength(4);
    // Nothing fetched: no link or image reference, only the SVG namespace.
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/href|https?:/);
  });
});

describe('Sankey and map export through the release path', () => {
  let t: TestEngine;
  let dir: string;
  const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
  const PROVINCE = { kind: 'state' as const, level: 'province' as const };

  useExportEngine('vv-sankey-map-', (engine, folder) => {
    t = engine;
    dir = folder;
  });

  it('writes the Sankey as SVG from the protected matrix, each flow the published value or [c], recorded with its view', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: PROVINCE });
    expect(preview.cells.some((v) => v === null)).toBe(true);
    const file = path.join(dir, 'sankey.svg');
    const r = await t.value('export.chart', { cohort: COHORT, cohortName: 'Alle erkende vluchtelingen', definition: PROVINCE, chart: 'sankey', view: { stayers: true }, format: 'svg', path: file, language: 'nl' });
    const svg = readFileSync(file, 'utf8');
    const tips = svgTexts(svg).filter((x) => x.includes(' → '));
    // One tooltip per non-zero cell (stayers included), its value the published count or [c].
    expect(tips).toHaveLength(preview.cells.filter((v) => v !== 0).length);
    const published = new Set(preview.cells.filter((v): v is number => v !== null && v > 0).map((v) => formatCount(v, 'nl')));
    for (const tip of tips) {
      const value = tip.split(': ').at(-1)!;
      expect(value === '[c]' || published.has(value), tip).toBe(true);
    }
    expect(svg.match(/data-protected="1"/g)).toHaveLength(preview.cells.filter((v) => v === null).length);
    expect(svgTexts(svg)).toContain('Vlaams Gewest');
    const { records } = await t.value('audit.list', {});
    expect(records[0]).toMatchObject({ seq: r.auditSeq, entry: { output: 'svg', chart: 'sankey', chartView: { stayers: true }, path: file, sha256: r.sha256, cohortName: 'Alle erkende vluchtelingen' } });
    expect(await t.value('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('writes the map as PNG (the rasterised SVG) in English, recorded in the audit log', async () => {
    const file = path.join(dir, 'map.png');
    const r = await t.value('export.chart', { cohort: COHORT, definition: { kind: 'state', level: 'arrondissement' }, chart: 'map', view: { mapMeasure: 'retention', flows: false }, format: 'png', path: file, language: 'en' });
    const png = readFileSync(file);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const { records } = await t.value('audit.list', {});
    expect(records[0]).toMatchObject({ seq: r.auditSeq, entry: { output: 'png', chart: 'map', chartView: { mapMeasure: 'retention', flows: false }, fileName: 'map.png', sha256: r.sha256 } });
  });

  it('refuses a Sankey at municipality level and a map at province level before any protection, with nothing written or logged', async () => {
    const a = await t.call('export.chart', { cohort: COHORT, definition: { kind: 'state', level: 'municipality' }, chart: 'sankey', format: 'svg', path: path.join(dir, 'gem.svg'), language: 'nl' });
    const b = await t.call('export.chart', { cohort: COHORT, definition: PROVINCE, chart: 'map', format: 'svg', path: path.join(dir, 'prov.svg'), language: 'nl' });
    expect([a.ok ? 'written' : a.error.code, b.ok ? 'written' : b.error.code]).toEqual(['INVALID_REQUEST', 'INVALID_REQUEST']);
    expect(readdirSync(dir).filter((f) => /gem|prov/.test(f))).toEqual([]);
    expect((await t.value('audit.list', {})).records).toHaveLength(0);
  });
});

describe('the map image rasterises with the bundled font', () => {
  it('gives a PNG', async () => {
    const svg = mapSvg(fixture([20, 5, 40, 25]), mapGeometry('2025', 'municipality'), { title: 'Kaart', lang: 'nl', measure: 'netRate', flows: true });
    const png = await rasterisePng(svg, RESOURCES_DIR);
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
  });
});
