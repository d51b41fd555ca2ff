import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import type { MatrixResult } from '../../shared/matrix/matrix-definition';
import type { Fiche } from '../../shared/api/methods/matrix';
import { waitChart } from './support/app-waits';
import { saveScreenshot, useApp } from './support/shell-harness';
import { DIST_ELECTRON, REPO_ROOT } from './support/paths';

/**
 * The matrix screens through the real renderer and engine in Chromium: open the demo
 * extract, build "refugees decided in 2016, Syrian nationality", show the arrondissement
 * state matrix and check the grid's totals against the engine, then the heatmap, Sankey,
 * net-migration bars, map and the fiche for Antwerpen, with a screenshot of each. The
 * harness fails any test whose page asked for something outside the app origin.
 * Timings (filter change → updated table / heatmap) are printed, never asserted.
 */

type Call = (request: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const engineCall = (page: Page, ns: string, fn: string, request: unknown) =>
  page.evaluate(
    ([n, f, r]) => ((window as unknown as { verhuis: Record<string, Record<string, Call>> }).verhuis[n as string]![f as string]!)(r),
    [ns, fn, request] as const,
  );

const SYRIANS_2016 = CohortDefinition.parse({ status: ['REFUGEE'], decisionYears: [2016], nationalities: ['SYR'] });
const ARR_STATE = { kind: 'state', level: 'arrondissement', vintage: '2019' } as const;

/** "12.345" (nl-BE) → 12345. */
const parseCount = (text: string | null): number => Number((text ?? '').replace(/[^\d-]/g, ''));

async function settledCount(page: Page): Promise<number> {
  const count = page.getByTestId('cohort-live-count');
  await expect.poll(async () => count.getAttribute('data-pending'), { timeout: 30_000 }).toBe('false');
  return Number(await count.getAttribute('data-persons'));
}

/** Waits until the matrix view has a settled result and the given view has drawn it. */
async function waitDrawn(page: Page, what: 'table' | 'heatmap'): Promise<void> {
  await page.waitForFunction(
    (w) => {
      const el = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
      if (!el || el.dataset.pending !== 'false' || el.dataset.revision === '0') return false;
      const drawn = el.dataset[`${w}Drawn`];
      if (w === 'table') return drawn === el.dataset.revision;
      return drawn !== undefined && Math.floor(Number(drawn) / 2) === Number(el.dataset.revision);
    },
    what,
    { timeout: 60_000 },
  );
}

const revision = async (page: Page): Promise<number> => Number(await page.getByTestId('matrix-view').getAttribute('data-revision'));

/** Waits until the table has drawn a result newer than revision `before`. */
async function waitRedrawn(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (rev) => {
      const el = document.querySelector<HTMLElement>('[data-testid=matrix-view]')!;
      return el.dataset.pending === 'false' && Number(el.dataset.revision) > rev && el.dataset.tableDrawn === el.dataset.revision;
    },
    before,
    { timeout: 60_000 },
  );
}

/**
 * Time from a change of the follow-up window (a matrix filter) to the view having drawn the
 * new matrix, measured inside the page: the change event's time to the frame after redraw.
 */
async function timeFilterChange(page: Page, what: 'table' | 'heatmap', value: string): Promise<number> {
  await page.evaluate((w) => {
    const view = document.querySelector<HTMLElement>('[data-testid=matrix-view]')!;
    const select = document.querySelector<HTMLSelectElement>('[data-testid=matrix-follow-up]')!;
    const before = view.dataset[`${w}Drawn`];
    const g = window as unknown as { __t0?: number; __t1?: number };
    g.__t0 = undefined;
    g.__t1 = undefined;
    select.addEventListener('change', () => (g.__t0 = performance.now()), { once: true, capture: true });
    const obs = new MutationObserver(() => {
      if (view.dataset[`${w}Drawn`] !== before && view.dataset.pending === 'false') {
        g.__t1 = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(view, { attributes: true });
  }, what);
  await page.getByTestId('matrix-follow-up').selectOption(value);
  await page.waitForFunction(() => (window as unknown as { __t1?: number }).__t1 !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const g = window as unknown as { __t0: number; __t1: number };
    return g.__t1 - g.__t0;
  });
}

/** Dutch labels that must not show in the English UI (whole words; not area names such as Namen). */
const DUTCH_WORDS = [
  'Verhuismatrix', 'Definitie', 'Niveau', 'Gemeente-indeling', 'Maat', 'Opvolgvenster', 'Cohorte', 'personen', 'Tabel',
  'Nettomigratie', 'Kaart', 'Totaal', 'Uit', 'Netto', 'Woonplaats', 'Geheimhouding', 'onderdrukt', 'Exporteren', 'Kopiëren',
  'Buitenland', 'Ambtshalve', 'Overleden', 'Onbekend', 'Overzicht', 'Uitvoerlogboek', 'Fiche', 'referentiedatum', 'sluiten',
];

/**
 * Matrix column headers that wrap inside a word ("Antwerp|en") or are cut off: a line may
 * only start after a space or a hyphen, and the text must fit its box.
 */
function headerProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid=matrix-grid] .ag-header-cell[col-id^=c] .ag-header-cell-text')) {
      const node = el.firstChild;
      const text = el.textContent ?? '';
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${text}: clipped`);
      const range = document.createRange();
      let prevTop: number | null = null;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === ' ') continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const top = range.getBoundingClientRect().top;
        if (prevTop !== null && top > prevTop + 2 && text[i - 1] !== ' ' && text[i - 1] !== '-') out.push(`${text}: breaks before "${text.slice(i)}"`);
        prevTop = top;
      }
    }
    return out;
  });
}

/** Count cells whose number does not end near the cell's right edge. */
function leftAlignedNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const cells = [...document.querySelectorAll<HTMLElement>('[data-testid=matrix-grid] .ag-center-cols-container .ag-cell[col-id^=c]')].slice(0, 40);
    for (const cell of cells) {
      const node = cell.querySelector('.ag-cell-value')?.firstChild ?? cell.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE || !(node.textContent ?? '').trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const gap = cell.getBoundingClientRect().right - range.getBoundingClientRect().right;
      if (gap > 24) out.push(`${cell.getAttribute('col-id')} "${node.textContent}" ends ${Math.round(gap)} px from the right`);
    }
    return out;
  });
}

describe('Matrix view and fiche', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 } });
  let engineMatrix: MatrixResult;

  it('opens the demo extract and builds the cohort of Syrian refugees decided in 2016', async () => {
    const { page } = app();
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-demo').click();
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('nav-cohort').click();
    await page.getByTestId('cohort-view').waitFor();
    await settledCount(page);
    await page.locator('[data-testid=cohort-status] input[data-value=SUBSIDIARY]').uncheck();
    await page.locator('[data-testid=cohort-status] input[data-value=REFUGEE]').check();
    await page.locator('[data-testid=cohort-decision-years] input[data-value="2016"]').check();
    const nationalities = page.getByTestId('cohort-nationalities');
    await nationalities.getByRole('searchbox').fill('SYR');
    await nationalities.locator('input[data-value=SYR]').check();
    const shown = await settledCount(page);
    const engine = await engineCall(page, 'cohort', 'count', { definition: SYRIANS_2016 });
    expect(shown).toBe((engine.value as { persons: number }).persons);
    expect(shown).toBeGreaterThan(0);
  });

  it('shows the arrondissement state matrix with totals equal to the engine', async () => {
    const { page } = app();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-view').waitFor();
    expect(await page.getByTestId('matrix-level').inputValue()).toBe('arrondissement');
    expect(await page.getByTestId('matrix-kind').inputValue()).toBe('state');
    await waitDrawn(page, 'table');

    const res = await engineCall(page, 'matrix', 'compute', { cohort: SYRIANS_2016, definition: ARR_STATE });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    engineMatrix = res.value as MatrixResult;
    expect(engineMatrix.total).toBeGreaterThan(0);
    expect(engineMatrix.rows.filter((a) => !a.special).length).toBe(43);

    // Pinned totals row: the grand total and every column total.
    const bottom = page.locator('.ag-floating-bottom');
    expect(parseCount(await bottom.locator('[col-id=total]').first().textContent())).toBe(engineMatrix.total);
    for (let c = 0; c < engineMatrix.cols.length; c++) {
      const text = await bottom.locator(`[col-id=c${c}]`).first().textContent();
      expect(parseCount(text), `column total of ${engineMatrix.cols[c].code}`).toBe(engineMatrix.colTotals[c]);
    }
    // Row totals of the rows the grid has rendered (it virtualises rows), matched by area code.
    const rendered = await page.locator('.ag-center-cols-container .ag-row[row-id^="r:"]').evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('row-id')!.slice(2)),
    );
    expect(rendered.length).toBeGreaterThan(5);
    for (const code of rendered) {
      const r = engineMatrix.rows.findIndex((a) => a.code === code);
      const text = await page.locator(`.ag-pinned-right-cols-container .ag-row[row-id="r:${code}"] [col-id=total]`).textContent();
      expect(parseCount(text), `row total of ${code}`).toBe(engineMatrix.rowTotals[r]);
    }
    // Antwerpen (arrondissement 11000) is named in the grid.
    await expect.poll(() => page.locator('.ag-pinned-left-cols-container').textContent()).toMatch(/Antwerpen/);
    await saveScreenshot(app(), 'matrix-table');
  });

  it('switches to the heatmap', async () => {
    const { page } = app();
    await page.getByTestId('matrix-tab-heatmap').click();
    await waitChart(page, 'matrix-heatmap');
    expect(await page.locator('[data-testid=matrix-heatmap] .heatmaplayer image, [data-testid=matrix-heatmap] .hm image').count()).toBeGreaterThan(0);
    await saveScreenshot(app(), 'matrix-heatmap');
    // On a large screen the whole heatmap, axis labels included, fits without scrolling.
    await page.setViewportSize({ width: 2560, height: 1440 });
    await page.waitForTimeout(500);
    await saveScreenshot(app(), 'matrix-heatmap-large-screen');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(300);
  });

  it('switches to the Sankey diagram at province level', async () => {
    const { page } = app();
    await page.getByTestId('matrix-tab-sankey').click();
    await waitChart(page, 'matrix-sankey');
    expect(await page.locator('[data-testid=matrix-sankey] .sankey-node').count()).toBeGreaterThan(4);
    expect(await page.locator('[data-testid=matrix-sankey] .sankey-link').count()).toBeGreaterThan(3);
    await saveScreenshot(app(), 'matrix-sankey');
  });

  it('switches to the net-migration bar chart', async () => {
    const { page } = app();
    await page.getByTestId('matrix-tab-bar').click();
    await waitChart(page, 'matrix-bar');
    expect(await page.locator('[data-testid=matrix-bar] .bars path').count()).toBeGreaterThan(10);
    await saveScreenshot(app(), 'matrix-bar');
  });

  it('switches to the map of arrondissements from the bundled geometry', async () => {
    const { page } = app();
    await page.getByTestId('matrix-tab-map').click();
    await waitChart(page, 'matrix-map');
    expect(await page.locator('[data-testid=matrix-map] path.choroplethlocation').count()).toBe(43);
    await saveScreenshot(app(), 'matrix-map');
  });

  it('lists the top corridors', async () => {
    const { page } = app();
    await page.getByTestId('matrix-tab-corridors').click();
    await page.getByTestId('corridors-table').waitFor();
    expect(await page.locator('[data-testid=corridors-table] tbody tr').count()).toBeGreaterThan(3);
    await saveScreenshot(app(), 'matrix-corridors');
  });

  it('keeps area names whole in the column headers, at arrondissement and at municipality level', async () => {
    const { page } = app();
    await page.getByTestId('matrix-tab-table').click();
    await waitDrawn(page, 'table');
    expect(await headerProblems(page), 'headers broken inside a word or clipped').toEqual([]);
    // Every column header names its area in full in a tooltip, with its NIS code.
    await page.locator('[data-testid=matrix-grid] .ag-header-cell[col-id=c0]').hover();
    await expect.poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5000 }).toMatch(/^Antwerpen \(11000\)$/);
    // The counts sit right-aligned in their cells, as numbers should.
    expect(await leftAlignedNumbers(page)).toEqual([]);

    // 581 municipality columns: virtualised, and the rendered ones still read whole.
    await page.getByTestId('matrix-level').selectOption('municipality');
    await waitDrawn(page, 'table');
    const rendered = await page.locator('[data-testid=matrix-grid] .ag-header-cell[col-id^=c]').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered, 'column virtualisation is on').toBeLessThan(100);
    expect(await headerProblems(page), 'municipality headers broken inside a word or clipped').toEqual([]);
    await page.getByTestId('matrix-level').selectOption('arrondissement');
    await waitDrawn(page, 'table');
  });

  it('formats numbers per language and shows no Dutch on the matrix screen in English', async () => {
    const { page } = app();
    await page.getByTestId('matrix-measure').selectOption('rowPct');
    await waitDrawn(page, 'table');
    const percentCell = page.locator('.ag-center-cols-container .ag-row[row-id="r:11000"] [col-id=c0]');
    // Dutch: decimal comma and a space before the percent sign ("12,3 %").
    await expect.poll(() => percentCell.textContent()).toMatch(/^\d{1,3},\d\u00a0%$/);

    await page.getByTestId('lang-en').click();
    await expect.poll(() => percentCell.textContent()).toMatch(/^\d{1,3},\d%$/);
    const text = await page.locator('.app-header, [data-testid=matrix-view]').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' '));
    const dutch = DUTCH_WORDS.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'u').test(text));
    expect(dutch, 'Dutch words on the English matrix screen').toEqual([]);
    // Abroad, removed, deceased are not places: they read in English.
    const headers = await page.locator('[data-testid=matrix-grid] .ag-header-cell').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' | '));
    expect(headers).toMatch(/Abroad/);
    await saveScreenshot(app(), 'matrix-table-en');

    await page.getByTestId('lang-nl').click();
    await page.getByTestId('matrix-measure').selectOption('counts');
    await waitDrawn(page, 'table');
  });

  it('takes the destination date as dd/mm/jjjj and computes the matrix on that ISO date', async () => {
    const shell = app();
    const { page } = shell;
    await page.getByTestId('matrix-tab-table').click();
    await waitDrawn(page, 'table');
    // From here on, the definitions the matrix view sends are recorded by the host.
    await shell.forgetCalls();
    const field = page.getByTestId('matrix-destination-date');
    expect(await field.getAttribute('placeholder')).toBe('dd/mm/jjjj');
    await field.fill('31/04/2017');
    await expect.poll(() => page.locator('[data-testid=matrix-destination-date-field] .field__error').textContent()).toMatch(/Die dag bestaat niet/);
    let before = await revision(page);
    await field.fill('31/12/2016');
    await field.press('Enter');
    await waitRedrawn(page, before);
    expect(await field.inputValue()).toBe('31/12/2016');
    const sent = (await shell.calls('matrix.compute')).at(-1) as { definition: { destinationDate?: unknown } } | undefined;
    expect(sent?.definition.destinationDate).toBe('2016-12-31');
    const res = await engineCall(page, 'matrix', 'compute', { cohort: SYRIANS_2016, definition: { ...ARR_STATE, destinationDate: '2016-12-31' } });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    const onDate = res.value as MatrixResult;
    expect(onDate.colTotals, 'residences on 31/12/2016 differ from those on the reference date').not.toEqual(engineMatrix.colTotals);
    const bottom = page.locator('.ag-floating-bottom');
    expect(parseCount(await bottom.locator('[col-id=total]').first().textContent())).toBe(onDate.total);
    for (let c = 0; c < onDate.cols.length; c++) {
      expect(parseCount(await bottom.locator(`[col-id=c${c}]`).first().textContent()), `column total of ${onDate.cols[c].code}`).toBe(onDate.colTotals[c]);
    }
    await saveScreenshot(app(), 'matrix-destination-date');
    before = await revision(page);
    await field.fill('');
    await field.press('Tab');
    await waitRedrawn(page, before);
    expect(parseCount(await bottom.locator('[col-id=total]').first().textContent())).toBe(engineMatrix.total);
  });

  it('prints the time from a filter change to the updated table and heatmap', async () => {
    const { page } = app();
    const table: number[] = [];
    const heatmap: number[] = [];
    await page.getByTestId('matrix-tab-table').click();
    await waitDrawn(page, 'table');
    for (const v of ['12', '', '24', '']) table.push(await timeFilterChange(page, 'table', v));
    await page.getByTestId('matrix-tab-heatmap').click();
    await waitDrawn(page, 'heatmap');
    for (const v of ['12', '', '24', '']) heatmap.push(await timeFilterChange(page, 'heatmap', v));
    const fmt = (xs: number[]) => xs.map((x) => `${Math.round(x)} ms`).join(', ');
    console.log(`[ui-matrix] demo extract (20,000 persons), arrondissement state matrix, follow-up window change →`);
    console.log(`[ui-matrix]   table redrawn:   ${fmt(table)} (median ${Math.round(median(table))} ms)`);
    console.log(`[ui-matrix]   heatmap redrawn: ${fmt(heatmap)} (median ${Math.round(median(heatmap))} ms)`);
    expect(table.length).toBe(4);
  });

  it('shows the fiche for Antwerpen', async () => {
    const { page } = app();
    await page.getByTestId('nav-fiche').click();
    await page.getByTestId('fiche-view').waitFor();
    await page.getByTestId('fiche-search').fill('Antwerpen');
    await page.locator('[data-testid=fiche-options] li[data-code="11002"]').click();
    await page.locator('[data-testid=fiche-body][data-area="11002"]').waitFor({ timeout: 30_000 });
    const res = await engineCall(page, 'matrix', 'fiche', { cohort: SYRIANS_2016, level: 'municipality', vintage: '2019', areaCode: '11002' });
    expect(res.ok, JSON.stringify(res.error)).toBe(true);
    const fiche = res.value as Fiche;
    expect(parseCount(await page.locator('[data-testid=fiche-living] .fiche-kpi__value').textContent())).toBe(fiche.livingThere);
    expect(parseCount(await page.locator('[data-testid=fiche-decided] .fiche-kpi__value').textContent())).toBe(fiche.decidedThere);
    expect(fiche.livingThere).toBeGreaterThan(0);
    // Nationalities by name, with their code: the cohort is Syrian.
    await expect.poll(() => page.locator('[data-testid=fiche-nationality] tbody td').first().textContent()).toBe('Syrië (SYR)');
    await saveScreenshot(app(), 'fiche-antwerpen');
  });
});

/**
 * The same timing on a 150,000-person synthetic extract (C's generator, seeded), with the
 * default cohort (everyone granted protection): a much larger matrix input than the demo's.
 */
describe('Matrix speed on a 150,000-person extract', () => {
  const dir = path.join(REPO_ROOT, '.tmp', 'e2e-large');
  const file = path.join(dir, 'extract-150k.db');
  beforeAll(() => {
    if (existsSync(file)) return;
    mkdirSync(dir, { recursive: true });
    execFileSync(process.execPath, [path.join(DIST_ELECTRON, 'cli.cjs'), 'demo-data', '--persons', '150000', '--seed', '20180127', '--demo-passphrase', '--replace', '--out', file], {
      stdio: 'ignore',
      timeout: 170_000,
    });
  });
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 } });

  it('prints the time from a filter change to the updated table and heatmap', async () => {
    const { page } = app();
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-path').fill(file);
    await page.getByTestId('open-passphrase').fill('demo-verhuisverkenner');
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 120_000 });
    await page.getByTestId('nav-matrix').click();
    await waitDrawn(page, 'table');
    const cohort = parseCount(await page.getByTestId('matrix-summary').evaluate((el) => /Cohort: (\d[\d.]*)/.exec(el.textContent ?? '')?.[1] ?? ''));
    const table: number[] = [];
    const heatmap: number[] = [];
    for (const v of ['12', '', '24', '']) table.push(await timeFilterChange(page, 'table', v));
    await page.getByTestId('matrix-tab-heatmap').click();
    await waitDrawn(page, 'heatmap');
    for (const v of ['12', '', '24', '']) heatmap.push(await timeFilterChange(page, 'heatmap', v));
    const fmt = (xs: number[]) => xs.map((x) => `${Math.round(x)} ms`).join(', ');
    console.log(`[ui-matrix] 150,000-person extract, default cohort (${cohort} persons), arrondissement state matrix, follow-up window change →`);
    console.log(`[ui-matrix]   table redrawn:   ${fmt(table)} (median ${Math.round(median(table))} ms)`);
    console.log(`[ui-matrix]   heatmap redrawn: ${fmt(heatmap)} (median ${Math.round(median(heatmap))} ms)`);
    await saveScreenshot(app(), 'matrix-heatmap-150k');
    expect(cohort).toBeGreaterThan(20_000);
  });
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
