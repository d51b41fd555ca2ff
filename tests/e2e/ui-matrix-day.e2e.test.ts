import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemo } from './support/app-waits';
import { saveScreenshot, useApp } from './support/shell-harness';
import { makeTempDir } from '../support/temp-dirs';

/**
 * Issue 12, the analyst's day on the matrix screen (part A): the cohort's identity on every
 * view, matrix dates checked, who the follow-up window left out, an empty matrix shown as
 * empty, and a layout that shows at least 20 arrondissement rows at 1280×800 and every column
 * of a region matrix. Screenshots at 1280×800 and 1920×1080, NL and EN, of matrix, cohort and fiche.
 */
async function settledCount(page: Page): Promise<number> {
  const count = page.getByTestId('cohort-live-count');
  await expect.poll(async () => count.getAttribute('data-pending'), { timeout: 30_000 }).toBe('false');
  return Number(await count.getAttribute('data-persons'));
}

/** The table shows a settled result. */
async function tableDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
      return !!el && el.dataset.pending === 'false' && el.dataset.revision !== '0' && el.dataset.tableDrawn === el.dataset.revision;
    },
    undefined,
    { timeout: 60_000 },
  );
}

/** Grid rows wholly inside both the grid's scroll viewport and the window. */
function visibleGridRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const vp = document.querySelector('[data-testid=matrix-grid] .ag-body-viewport')!.getBoundingClientRect();
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid=matrix-grid] .ag-center-cols-container .ag-row')];
    return rows.filter((r) => {
      const b = r.getBoundingClientRect();
      return b.height > 0 && b.top >= vp.top - 1 && b.bottom <= vp.bottom + 1 && b.bottom <= window.innerHeight;
    }).length;
  });
}

const shot = (app: () => import('./support/app-shell').AppShell, name: string) => saveScreenshot(app(), `matrix-day-${name}`);

describe('the analyst\'s day on the matrix screen', () => {
  const dataDir = makeTempDir('vv-e2e-day-');
  const app = useApp({ dataDir, viewport: { width: 1280, height: 800 } });

  it('names the working cohort: naamloos, then saved, then gewijzigd on every view', async () => {
    const { page } = app();
    await openDemo(page);
    await page.getByTestId('nav-cohort').click();
    await settledCount(page);
    const badge = page.getByTestId('cohort-identity');
    expect(await badge.getAttribute('data-named')).toBe('false');
    expect(await page.getByTestId('cohort-identity-name').textContent()).toBe('naamloos');
    await page.locator('[data-testid=cohort-status] input[data-value=REFUGEE]').uncheck();
    await page.locator('[data-testid=cohort-decision-years] input[data-value="2015"]').check();
    await page.locator('[data-testid=cohort-decision-years] input[data-value="2016"]').check();
    await settledCount(page);
    await page.getByTestId('cohort-name').fill('Subsidiair 2015-16');
    await page.getByTestId('cohort-save').click();
    await expect.poll(() => badge.getAttribute('data-named')).toBe('true');
    expect(await page.getByTestId('cohort-identity-name').textContent()).toBe('“Subsidiair 2015-16”');
    expect(await badge.getAttribute('data-modified')).toBe('false');
    expect(await page.getByTestId('cohort-identity-summary').textContent()).toBe('subsidiair beschermden · beslissing 2015–2016');

    // Tick 2017: still the saved cohort's name, but now marked "gewijzigd", with the new summary.
    await page.locator('[data-testid=cohort-decision-years] input[data-value="2017"]').check();
    await settledCount(page);
    expect(await badge.getAttribute('data-modified')).toBe('true');
    expect(await badge.textContent()).toMatch(/gewijzigd/);
    expect(await page.getByTestId('cohort-identity-summary').textContent()).toBe('subsidiair beschermden · beslissing 2015–2017');
    // The library does not mark the saved cohort as the one in use any more than by name; the matrix and fiche say the same.
    await page.getByTestId('nav-matrix').click();
    await tableDrawn(page);
    const matrixBadge = page.locator('[data-testid=matrix-view] [data-testid=cohort-badge]');
    expect(await matrixBadge.getAttribute('data-modified')).toBe('true');
    expect(await matrixBadge.textContent()).toMatch(/Subsidiair 2015-16.*gewijzigd.*n = [\d.]+.*beslissing 2015–2017/);
    await page.getByTestId('nav-fiche').click();
    const ficheBadge = page.locator('[data-testid=fiche-view] [data-testid=cohort-badge]');
    await ficheBadge.waitFor();
    expect(await ficheBadge.textContent()).toMatch(/Subsidiair 2015-16.*gewijzigd.*beslissing 2015–2017/);
    // Unticking 2017 again: the saved definition, no longer "gewijzigd".
    await page.getByTestId('nav-cohort').click();
    await page.locator('[data-testid=cohort-decision-years] input[data-value="2017"]').uncheck();
    await settledCount(page);
    expect(await page.getByTestId('cohort-identity').getAttribute('data-modified')).toBe('false');
  });

  it('shows an imported recipe as a recipe, not as a saved cohort', async () => {
    const { page } = app();
    const recipe = await page.evaluate(async () => {
      type Call = (r: unknown) => Promise<{ ok: boolean; value?: { json: string } }>;
      const api = (window as unknown as { verhuis: { cohort: { exportRecipe: Call } } }).verhuis;
      const r = await api.cohort.exportRecipe({ name: 'Subsidiair 2015-16' });
      return r.value!.json.replace('"Subsidiair 2015-16"', '"Uit een bestand"');
    });
    await page.getByTestId('cohort-import-file').setInputFiles({ name: 'recept.cohort.json', mimeType: 'application/json', buffer: Buffer.from(recipe) });
    const badge = page.getByTestId('cohort-identity');
    await expect.poll(() => badge.getAttribute('data-source')).toBe('recipe');
    expect(await badge.textContent()).toMatch(/Uit een bestand.*recept, niet bewaard/);
    // Not in the library, and no library item is marked as the one in use.
    expect(await page.locator('[data-testid=cohort-list] li[data-name="Uit een bestand"]').count()).toBe(0);
    expect(await page.locator('.library-item--current').count()).toBe(0);
    await page.getByTestId('cohort-load').first().click();
    await expect.poll(() => badge.getAttribute('data-source')).toBe('saved');
  });

  it('refuses a backwards matrix and a destination after the reference date, in the form and in the summary', async () => {
    const { page } = app();
    await page.getByTestId('nav-matrix').click();
    await tableDrawn(page);
    await page.getByTestId('matrix-origin-date').fill('01/01/2018');
    await page.getByTestId('matrix-origin-date').press('Tab');
    await page.getByTestId('matrix-destination-date').fill('01/01/2017');
    await page.getByTestId('matrix-destination-date').press('Tab');
    const error = page.getByTestId('matrix-date-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('MATRIX_DATES_REVERSED');
    expect(await error.textContent()).toMatch(/01\/01\/2017.*01\/01\/2018/);
    expect(await page.getByTestId('matrix-summary').count(), 'no backwards matrix is shown').toBe(0);
    expect(await page.getByTestId('matrix-destination-date').getAttribute('aria-invalid')).toBe('true');
    await shot(app, 'dates-reversed');

    await page.getByTestId('matrix-destination-date').fill('01/01/2030');
    await page.getByTestId('matrix-destination-date').press('Tab');
    await expect.poll(() => error.getAttribute('data-code')).toBe('MATRIX_DATE_AFTER_REFERENCE');
    expect(await error.textContent()).toMatch(/01\/01\/2030.*27\/01\/2018/);

    // A valid pair: the summary states the dates actually used.
    await page.getByTestId('matrix-origin-date').fill('01/01/2017');
    await page.getByTestId('matrix-origin-date').press('Tab');
    await page.getByTestId('matrix-destination-date').fill('31/12/2017');
    await page.getByTestId('matrix-destination-date').press('Tab');
    await tableDrawn(page);
    await expect.poll(() => page.getByTestId('matrix-dates-used').textContent()).toBe('Herkomst: woonplaats op 01/01/2017 · bestemming: woonplaats op 31/12/2017');
    for (const id of ['matrix-origin-date', 'matrix-destination-date']) {
      await page.getByTestId(id).fill('');
      await page.getByTestId(id).press('Tab');
    }
    await tableDrawn(page);
    await expect.poll(() => page.getByTestId('matrix-dates-used').textContent()).toBe(
      'Herkomst: woonplaats op de dag van de beslissing · bestemming: woonplaats op de referentiedatum 27/01/2018',
    );
  });

  it('says who a follow-up window left out, and shows an empty matrix as empty', async () => {
    const { page } = app();
    await page.getByTestId('matrix-follow-up').selectOption('24');
    await tableDrawn(page);
    const excluded = page.getByTestId('matrix-excluded');
    await excluded.waitFor();
    const open = Number(await page.getByTestId('matrix-excluded-open').getAttribute('data-count'));
    expect(open).toBeGreaterThan(0);
    expect(await excluded.textContent()).toMatch(/weggelaten door het opvolgvenster van 24 maanden.*eindigt na de referentiedatum 27\/01\/2018 \(beslissing na 27\/01\/2016\)/);
    await shot(app, 'follow-up-24');

    // 60 months: nobody of a 2015–2016 cohort has a closed window by 27/01/2018.
    await page.getByTestId('matrix-follow-up').selectOption('60');
    await tableDrawn(page);
    await page.getByTestId('matrix-empty').waitFor();
    await page.getByTestId('matrix-tab-heatmap').click();
    await page.getByTestId('matrix-empty-chart').waitFor();
    expect(await page.locator('[data-testid=matrix-heatmap]').count(), 'no heatmap (and no colour bar) for an empty matrix').toBe(0);
    await shot(app, 'empty-heatmap');
    await page.getByTestId('matrix-tab-table').click();
    await page.getByTestId('matrix-follow-up').selectOption('');
    await tableDrawn(page);
  });

  it('shows at least 20 arrondissement rows at 1280×800 with the control bar folded, and every region column', async () => {
    const { page } = app();
    await page.getByTestId('matrix-level').selectOption('arrondissement');
    await tableDrawn(page);
    await page.getByTestId('matrix-controls-toggle').click();
    await page.getByTestId('matrix-controls-summary').waitFor();
    expect(await page.getByTestId('matrix-controls').count()).toBe(0);
    await page.waitForTimeout(300);
    const rows = await visibleGridRows(page);
    console.log(`[ui-matrix-day] 1280×800, arrondissement, control bar folded: ${rows} grid rows visible`);
    expect(rows).toBeGreaterThanOrEqual(20);
    // The totals row is on screen too.
    const bottom = await page.locator('[data-testid=matrix-grid] .ag-floating-bottom').evaluate((e) => e.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(800);
    await shot(app, 'arrondissement-1280-folded');

    await page.getByTestId('matrix-controls-toggle').click();
    await page.getByTestId('matrix-level').selectOption('region');
    await tableDrawn(page);
    await page.waitForTimeout(300);
    const fit = await page.evaluate(() => {
      const vp = document.querySelector<HTMLElement>('[data-testid=matrix-grid] .ag-center-cols-viewport')!;
      const grid = document.querySelector<HTMLElement>('[data-testid=matrix-grid]')!.getBoundingClientRect();
      const headers = [...document.querySelectorAll<HTMLElement>('[data-testid=matrix-grid] .ag-header-cell')].map((h) => ({ text: h.textContent ?? '', r: h.getBoundingClientRect() }));
      const hidden = headers.filter((h) => h.r.left < grid.left - 1 || h.r.right > grid.right + 1).map((h) => h.text);
      // A centre column covered by the pinned columns on either side.
      const left = document.querySelector<HTMLElement>('[data-testid=matrix-grid] .ag-pinned-left-header')!.getBoundingClientRect().right;
      const right = document.querySelector<HTMLElement>('[data-testid=matrix-grid] .ag-pinned-right-header')!.getBoundingClientRect().left;
      const covered = [...document.querySelectorAll<HTMLElement>('[data-testid=matrix-grid] .ag-header-viewport .ag-header-cell')]
        .filter((h) => h.getBoundingClientRect().left < left - 1 || h.getBoundingClientRect().right > right + 1)
        .map((h) => h.textContent ?? '');
      return { scroll: vp.scrollWidth - vp.clientWidth, hidden, covered, texts: headers.map((h) => h.text).join(' | ') };
    });
    expect(fit.texts).toMatch(/Overleden/);
    expect(fit.texts).toMatch(/Onbekend/);
    expect(fit.scroll, 'horizontal scroll in a region matrix').toBeLessThanOrEqual(1);
    expect(fit.hidden).toEqual([]);
    expect(fit.covered, 'columns behind the pinned columns').toEqual([]);
    await shot(app, 'region-1280');
    await page.getByTestId('matrix-level').selectOption('arrondissement');
    await tableDrawn(page);
  });

  it('hides empty rows, goes to one area among 581, leaves out empty exit rows, lists corridors once', async () => {
    const { page } = app();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-controls-toggle').waitFor();
    if ((await page.getByTestId('matrix-controls').count()) === 0) await page.getByTestId('matrix-controls-toggle').click();
    await page.getByTestId('matrix-level').selectOption('municipality');
    await tableDrawn(page);
    const rowIds = () => page.locator('[data-testid=matrix-grid] .ag-pinned-left-cols-container .ag-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('row-id')));
    // A state matrix has no origin rows for abroad, removed or deceased (nobody starts there).
    await page.getByTestId('matrix-level').selectOption('region');
    await tableDrawn(page);
    const regionRows = await rowIds();
    expect(regionRows).not.toContain('r:ABROAD');
    expect(regionRows).not.toContain('r:DECEASED');
    expect(regionRows).not.toContain('r:RADIATED');
    await page.getByTestId('matrix-level').selectOption('municipality');
    await tableDrawn(page);
    // Go to Gent: its row is scrolled into view and focused.
    await page.getByTestId('grid-jump').fill('Gent (44021)');
    await expect.poll(async () => page.locator('[data-testid=matrix-grid] .ag-pinned-left-cols-container .ag-row[row-id="r:44021"]').count()).toBe(1);
    const inView = await page.locator('[data-testid=matrix-grid] .ag-pinned-left-cols-container .ag-row[row-id="r:44021"]').evaluate((row) => {
      const vp = document.querySelector('[data-testid=matrix-grid] .ag-body-viewport')!.getBoundingClientRect();
      const b = row.getBoundingClientRect();
      return b.top >= vp.top && b.bottom <= vp.bottom;
    });
    expect(inView).toBe(true);
    await shot(app, 'jump-gent');
    // Hide empty rows and columns: a 2015–16 cohort of ~1,300 persons leaves most of 581 municipalities empty.
    const columnsBefore = await page.evaluate(() => document.querySelectorAll('[data-testid=matrix-grid] .ag-header-cell[col-id^=c]').length);
    const res = await page.evaluate(async () => {
      type Call = (r: unknown) => Promise<{ ok: boolean; value?: { rows: { code: string }[]; rowTotals: number[] } }>;
      const api = (window as unknown as { verhuis: { matrix: { compute: Call } } }).verhuis;
      return (await api.matrix.compute({ cohort: { status: ['SUBSIDIARY'], decisionYears: [2015, 2016] }, definition: { kind: 'state', level: 'municipality', vintage: '2019' } })).value!;
    });
    const nonEmpty = new Set(res.rows.filter((_, i) => res.rowTotals[i] > 0).map((a) => `r:${a.code}`));
    expect((await rowIds()).some((id) => !nonEmpty.has(id!)), 'empty rows are shown before').toBe(true);
    await page.getByTestId('grid-hide-empty').check();
    // Every row the grid renders is then a non-empty one.
    await expect.poll(async () => (await rowIds()).filter((id) => !nonEmpty.has(id!)), { timeout: 15_000 }).toEqual([]);
    expect((await rowIds()).length).toBeGreaterThan(0);
    console.log(`[ui-matrix-day] municipality, hide empty: ${nonEmpty.size} of ${res.rows.length} origin rows kept; columns rendered before ${columnsBefore}`);
    await page.getByTestId('grid-hide-empty').uncheck();
    // Corridors: no pair twice; with exits left out, no exit on either side.
    await page.getByTestId('matrix-level').selectOption('arrondissement');
    await tableDrawn(page);
    await page.getByTestId('matrix-tab-corridors').click();
    await page.getByTestId('corridors-table').waitFor();
    const pairs = async () =>
      page.locator('[data-testid=corridors-table] tbody tr').evaluateAll((rows) => rows.map((r) => [r.children[1].textContent ?? '', r.children[2].textContent ?? '']));
    const listed = await pairs();
    const keys = listed.map(([a, b]) => [a, b].sort().join(' ~ '));
    expect(new Set(keys).size, 'each pair once').toBe(keys.length);
    await page.getByTestId('corridors-without-exits').check();
    const noExits = await pairs();
    expect(noExits.flat().filter((n) => /Buitenland|Ambtshalve|Overleden|Onbekend/.test(n))).toEqual([]);
    await shot(app, 'corridors-once');
    await page.getByTestId('matrix-tab-table').click();
  });

  it('lays out check-box groups in readable columns at 1280, 1440 and 1920 px', async () => {
    const { page } = app();
    await page.getByTestId('nav-cohort').click();
    await settledCount(page);
    for (const width of [1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(200);
      // For each box: the text of the label before it on the same line must end well before it.
      const cramped = await page.evaluate(() => {
        const out: string[] = [];
        for (const group of document.querySelectorAll<HTMLElement>('.check-group__options')) {
          const labels = [...group.querySelectorAll<HTMLElement>('label.check')];
          for (let i = 1; i < labels.length; i++) {
            const prev = labels[i - 1];
            const box = labels[i].querySelector('input')!.getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(prev);
            const text = range.getBoundingClientRect();
            const sameLine = Math.abs(box.top - prev.querySelector('input')!.getBoundingClientRect().top) < 4;
            if (sameLine && box.left - text.right < 8) out.push(`${prev.textContent}|${labels[i].textContent}: ${Math.round(box.left - text.right)} px`);
          }
        }
        return out;
      });
      expect(cramped, `at ${width} px`).toEqual([]);
      await saveScreenshot(app(), `matrix-day-checkboxes-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('takes screenshots of matrix, cohort and fiche at 1280×800 and 1920×1080, NL and EN', async () => {
    const { page } = app();
    for (const lang of ['nl', 'en'] as const) {
      await page.getByTestId(`lang-${lang}`).click();
      for (const [w, h] of [[1280, 800], [1920, 1080]] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.getByTestId('nav-matrix').click();
        await tableDrawn(page);
        await page.waitForTimeout(300);
        await shot(app, `matrix-${lang}-${w}`);
        await page.getByTestId('nav-cohort').click();
        await settledCount(page);
        await shot(app, `cohort-${lang}-${w}`);
        await page.getByTestId('nav-fiche').click();
        await page.getByTestId('fiche-view').waitFor();
        await page.getByTestId('fiche-search').fill('Antwerpen');
        await page.locator('[data-testid=fiche-options] li[data-code="11002"]').click();
        await page.locator('[data-testid=fiche-body][data-area="11002"]').waitFor({ timeout: 30_000 });
        await shot(app, `fiche-${lang}-${w}`);
      }
    }
    await page.getByTestId('lang-nl').click();
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
