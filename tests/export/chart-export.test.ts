import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { protectTable, type DisclosureRules } from '../../electron/engine/disclosure/protect-table';
import { heatmapSvg } from '../../electron/engine/export/chart/heatmap-svg';
import { netBarSvg } from '../../electron/engine/export/chart/net-bar-svg';
import { rasterisePng } from '../../electron/engine/export/chart/rasterise-png';
import { areaMeasures } from '../../electron/engine/export/output-document';
import type { OutputTable } from '../../electron/engine/export/table-writer';
import type { Area } from '../../shared/geo/area-level';
import { formatCount, formatSigned } from '../../shared/format/number-format';
import { tableOf } from '../disclosure/random-table';
import { RESOURCES_DIR, type TestEngine } from '../support/test-engine';
import { exportSession, useExportEngine } from './export-session';

const SUPPRESS: DisclosureRules = { threshold: 10, method: 'suppression', roundingBase: 5, zerosUnsafe: false };

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** Every text an SVG shows or tells a screen reader: <text> and <title> contents. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<(text|title)\b[^>]*>([^<]*)<\/\1>/g)].map((m) => unescape(m[2]));
}
/** Whole numbers in the texts ("1.234" read as 1234). */
const numbersIn = (texts: string[]): number[] => texts.flatMap((s) => [...s.matchAll(/[+-−]?\d[\d.]*/g)].map((m) => Number(m[0].replace(/[.+−-]/g, ''))));

/**
 * 3×3 with four cells suppressed (the hand-checked fixture of tests/disclosure/fixtures.test.ts):
 * 20, 5, 40 and 25 are hidden; the margins and 30, 35, 50, 60, 45 are published.
 */
function fixture(hidden: [number, number, number, number]): OutputTable {
  const [a, b, c, d] = hidden;
  const { table } = protectTable(tableOf(3, 3, [a, b, 30, c, d, 35, 50, 60, 45]), SUPPRESS);
  return { sheet: 'm', corner: '', rowLabels: ['Noord', 'Midden', 'Zuid'], colLabels: ['Noord', 'Midden', 'Zuid'], totalLabel: 'Totaal', table };
}

describe('charts drawn in the engine from the protected table', () => {
  it('a heatmap carries none of the suppressed values: hatched, labelled [c], the same whatever it hides', () => {
    const t = fixture([20, 5, 40, 25]);
    expect(t.table.cells).toEqual([null, null, 30, null, null, 35, 50, 60, 45]);
    const svg = heatmapSvg(t, { title: 'Verhuismatrix', lang: 'nl' });
    const numbers = numbersIn(svgTexts(svg));
    for (const hidden of [20, 5, 40, 25]) expect(numbers).not.toContain(hidden);
    // Every number shown is a published inner cell, or the colour bar's ends (0 and the largest published cell).
    for (const n of numbers) expect([0, 30, 35, 50, 60, 45]).toContain(n);
    expect(svg.match(/data-protected="1"/g)).toHaveLength(4);
    expect(svgTexts(svg)).toContain('Noord → Noord: [c]');
    expect(svgTexts(svg)).toContain('Zuid → Midden: 60');
    // Other hidden values with the same published table (margins kept): the very same image.
    const other = fixture([21, 4, 39, 26]);
    expect(other.table).toEqual(t.table);
    expect(heatmapSvg(other, { title: 'Verhuismatrix', lang: 'nl' })).toBe(svg);
  });

  it('a net-migration bar chart shows [c] where the net flow depends on a suppressed cell', () => {
    const t = fixture([20, 5, 40, 25]);
    const areas: Area[] = ['Noord', 'Midden', 'Zuid'].map((n, i) => ({ code: String(i + 1), nameNl: n, nameFr: n, special: false }) as unknown as Area);
    const m = areaMeasures(t.table, areas, 'nl');
    const svg = netBarSvg(m, { title: 'Netto', lang: 'nl' });
    // Noord and Midden have a suppressed stayer cell: net is in − out = (col − stay) − (row − stay) = col − row, but
    // areaMeasures publishes only what needs no suppressed input, so both are [c]; Zuid: in 65, out 110 → −45.
    expect(svg.match(/data-protected="1"/g)).toHaveLength(2);
    expect(svgTexts(svg)).toContain(`Zuid (3): ${formatSigned(-45, 'nl')}`);
    for (const hidden of [20, 5, 40, 25]) expect(numbersIn(svgTexts(svg).map((s) => s.replace(/\(\d\)/, '')))).not.toContain(hidden);
  });

  it('bounds the bars like the screen: the 60 largest gains and losses and 20 protected, the rest counted', () => {
    const rows: Array<Array<string | number | null>> = [];
    for (let i = 0; i < 150; i++) rows.push([`Gebied ${i}`, 0, 0, 0, i % 5 === 0 ? null : i - 75, null, null]);
    const svg = netBarSvg({ sheet: 'm', header: [], rows, percentColumns: [5, 6] }, { title: 'Netto', lang: 'nl' });
    expect((svg.match(/<rect [^>]*height="16"/g) ?? []).length).toBe(80);
    expect(svg.match(/data-protected="1"/g)).toHaveLength(20);
    // 120 published (60 shown) and 30 protected (20 shown): 70 left out, and said so.
    expect(svgTexts(svg)).toContain('70 gebieden niet getoond (alleen de grootste winsten en verliezen).');
    const shown = svgTexts(svg).filter((x) => /^Gebied \d+: /.test(x)).map((x) => x.split(': ')[1]);
    expect(shown[0]).toBe(formatSigned(74, 'nl'));
    expect(shown[59]).toBe(formatSigned(-74, 'nl'));
  });

  it('rasterises deterministically with the bundled font: the PNG is the image of that SVG', async () => {
    const svg = heatmapSvg(fixture([20, 5, 40, 25]), { title: 'Verhuismatrix', lang: 'nl' });
    const a = await rasterisePng(svg, RESOURCES_DIR);
    const b = await rasterisePng(svg, RESOURCES_DIR);
    expect(Buffer.from(a.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // Text is drawn (with the font): the same SVG without its texts gives another image.
    const bare = await rasterisePng(svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, ''), RESOURCES_DIR);
    expect(Buffer.from(bare).equals(Buffer.from(a))).toBe(false);
  });
});

describe('chart export through the release path', () => {
  let t: TestEngine;
  let dir: string;
  const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
  const DEF = { kind: 'state' as const, level: 'province' as const };

  useExportEngine('vv-chart-', (engine, folder) => {
    t = engine;
    dir = folder;
  });

  it('writes the heatmap as SVG and PNG, each cell the protected value or [c], both recorded in the audit log', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    expect(preview.cells.some((v) => v === null)).toBe(true);
    const svgFile = path.join(dir, 'heatmap.svg');
    const pngFile = path.join(dir, 'heatmap.png');
    const s = await t.value('export.chart', { cohort: COHORT, definition: DEF, chart: 'heatmap', format: 'svg', path: svgFile, language: 'nl' });
    const first = await t.value('audit.list', {});
    // The PNG from the same extract in the same state (the release ledger can protect a later release
    // further): a fresh workspace, the same data.
    t.engine.state.session?.close();
    t.engine.state.session = exportSession();
    const p = await t.value('export.chart', { cohort: COHORT, definition: DEF, chart: 'heatmap', format: 'png', path: pngFile, language: 'nl' });

    const svg = readFileSync(svgFile, 'utf8');
    // One tooltip per inner cell, in row-major order: the published count, or [c].
    const tips = svgTexts(svg).filter((x) => x.includes(' → '));
    expect(tips).toHaveLength(preview.rows * preview.cols);
    tips.forEach((tip, k) => expect(tip.split(': ').at(-1), tip).toBe(preview.cells[k] === null ? '[c]' : formatCount(preview.cells[k], 'nl')));
    expect(svg.match(/data-protected="1"/g)).toHaveLength(preview.cells.filter((v) => v === null).length);

    // The PNG is the rasterisation of exactly that SVG (the release drew it the same way).
    const png = readFileSync(pngFile);
    expect(Buffer.from(await rasterisePng(svg, RESOURCES_DIR)).equals(png)).toBe(true);

    const { records } = await t.value('audit.list', {});
    expect(records[0]).toMatchObject({ seq: p.auditSeq, entry: { output: 'png', chart: 'heatmap', fileName: 'heatmap.png', path: pngFile, sha256: p.sha256 } });
    expect(first.records[0]).toMatchObject({ seq: s.auditSeq, entry: { output: 'svg', chart: 'heatmap', fileName: 'heatmap.svg', path: svgFile, sha256: s.sha256 } });
    expect(await t.value('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('writes the net-migration bars as SVG; a municipality heatmap is refused as too large at once, with nothing written', async () => {
    const bar = path.join(dir, 'netto.svg');
    await t.value('export.chart', { cohort: COHORT, definition: DEF, chart: 'net-bar', format: 'svg', path: bar, language: 'en' });
    expect(readFileSync(bar, 'utf8')).toContain('Net migration (in − out)');
    const r = await t.call('export.chart', { cohort: COHORT, definition: { kind: 'state', level: 'municipality' }, chart: 'heatmap', format: 'png', path: path.join(dir, 'gem.png'), language: 'nl' });
    expect(r.ok ? 'written' : r.error.code).toBe('CHART_TOO_LARGE');
    expect(readdirSync(dir).filter((f) => f.startsWith('gem.') || f.startsWith('.gem.'))).toEqual([]);
    // Refused before the matrix is protected and checked against the ledger: nothing recorded.
    expect((await t.value('audit.list', {})).records).toHaveLength(1);
  });
});
