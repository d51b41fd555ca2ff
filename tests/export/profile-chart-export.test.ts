import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { protectTable, type DisclosureRules } from '../../electron/engine/disclosure/protect-table';
import { profileBarsSvg } from '../../electron/engine/export/chart/profile-bars-svg';
import type { OutputTable } from '../../electron/engine/export/table-writer';
import { PROFILE_TABLES } from '../../shared/crosstab/crosstab-definition';
import { formatCount } from '../../shared/format/number-format';
import { tableOf } from '../disclosure/random-table';
import type { TestEngine } from '../support/test-engine';
import { useExportEngine } from './export-session';

const SUPPRESS: DisclosureRules = { threshold: 10, method: 'suppression', roundingBase: 5, zerosUnsafe: false };
// A year's decisions: small enough for protected counts in every profile table.
const COHORT = { decisionYears: [2016] };
const OPTIONS = { topNationalities: 10, vintage: '2019' as const };

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
/** Every text an SVG shows or tells a screen reader: <text> and <title> contents. */
const svgTexts = (svg: string): string[] => [...svg.matchAll(/<(text|title)\b[^>]*>([^<]*)<\/\1>/g)].map((m) => unescape(m[2]));
/** The bar of category j in panel i: its markup, up to the next bar. */
function barOf(svg: string, i: number, j: number): string {
  const panel = svg.slice(svg.indexOf(`<g data-table="${i}">`));
  const start = panel.indexOf(`<g data-cat="${j}">`);
  return panel.slice(start, panel.indexOf('</g>', start));
}

/** A one-way table as the profile publishes it: 120, a, 30, b, 55 with a and b below T. */
function panel(a: number, b: number, title: string): OutputTable {
  const { table } = protectTable(tableOf(1, 5, [120, a, 30, b, 55]), SUPPRESS);
  return { sheet: title, corner: title, rowLabels: ['Personen'], colLabels: ['Syrie', 'Eritrea', 'Irak', 'Somalie', 'Andere'], totalLabel: 'Totaal', table };
}

describe('the profile chart, drawn from the protected tables', () => {
  it('carries none of the suppressed counts: hatched, [c], the same image whatever they hide', () => {
    const t = panel(4, 7, 'Nationaliteit');
    expect(t.table.cells).toEqual([120, null, 30, null, 55]);
    const svg = profileBarsSvg([t], { title: 'Profiel van het cohort', lang: 'nl' });
    const numbers = svgTexts(svg).flatMap((s) => [...s.matchAll(/\d+/g)].map((m) => Number(m[0])));
    expect(numbers.sort((x, y) => x - y)).toEqual([30, 30, 55, 55, 120, 120]); // each published bar: label and tooltip
    expect(svg.match(/data-protected="1"/g)).toHaveLength(2);
    expect(svgTexts(barOf(svg, 0, 1))).toEqual(['Eritrea', 'Eritrea: [c]', '[c]']);
    // Other hidden counts with the same published table: the very same image.
    const other = panel(5, 6, 'Nationaliteit');
    expect(other.table).toEqual(t.table);
    expect(profileBarsSvg([other], { title: 'Profiel van het cohort', lang: 'nl' })).toBe(svg);
  });
});

describe('the profile chart through the release path', () => {
  let t: TestEngine;
  let dir: string;
  useExportEngine('vv-profile-chart-', (engine, folder) => {
    t = engine;
    dir = folder;
  });

  it('draws exactly the published values of every profile table, [c] where protected, and audits the image', async () => {
    const { tables } = await t.value('crosstab.preview', { cohort: COHORT, subject: { kind: 'profile', options: OPTIONS } });
    const screen = await t.value('crosstab.profile', { cohort: COHORT, options: OPTIONS });
    expect(tables).toHaveLength(PROFILE_TABLES.length);
    const suppressed = tables.reduce((n, p) => n + p.cells.filter((v) => v === null).length, 0);
    expect(suppressed).toBeGreaterThan(0); // or the check proves nothing
    const file = path.join(dir, 'profiel.svg');
    const r = await t.value('export.profileChart', { cohort: COHORT, options: OPTIONS, format: 'svg', path: file, language: 'nl' });
    const svg = readFileSync(file, 'utf8');
    expect(svgTexts(svg)[0]).toBe('Profiel van het cohort (aantal personen)');
    tables.forEach((p, i) => {
      p.cells.forEach((v, j) => {
        const bar = barOf(svg, i, j);
        const label = screen.tables[i].categories[j].nl;
        if (v === null) {
          expect(bar).toContain('data-protected="1"');
          // Nothing but the category's own name and [c]: the count behind it is nowhere.
          const [name, tooltip, shown, ...rest] = svgTexts(bar);
          expect(label.startsWith(name.replace(/…$/, ''))).toBe(true); // long names are cut to fit
          expect([tooltip, shown, rest]).toEqual([`${label}: [c]`, '[c]', []]);
          expect(bar).not.toContain('data-value');
        } else {
          expect(bar).toContain(`data-value="${v}"`);
          expect(svgTexts(bar)).toContain(formatCount(v, 'nl'));
        }
      });
    });
    const log = await t.value('audit.list', {});
    expect(log.records[0].seq).toBe(r.auditSeq);
    expect(log.records[0].entry).toMatchObject({ output: 'svg', chart: 'profile-bars', table: { kind: 'profile' } });
    expect(log.records[0].entry.sha256).toBe(r.sha256);
  });

  it('writes a PNG with English labels from the same protected tables', async () => {
    const file = path.join(dir, 'profile.png');
    await t.value('export.profileChart', { cohort: COHORT, options: OPTIONS, format: 'png', path: file, language: 'en' });
    const png = readFileSync(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const svgFile = path.join(dir, 'profile.svg');
    await t.value('export.profileChart', { cohort: COHORT, options: OPTIONS, format: 'svg', path: svgFile, language: 'en' });
    const texts = svgTexts(readFileSync(svgFile, 'utf8'));
    expect(texts[0]).toBe('Cohort profile (number of persons)');
    expect(texts).toContain('Protection status');
    expect(texts).toContain('[c] confidential: not published');
  });
});
