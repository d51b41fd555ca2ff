import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, useApp } from './support/shell-harness';

/**
 * The daily details of issue 12 (part B) in the real renderer: focus after opening an
 * extract and after "Alle filters wissen", no n beside an inverted age range, saved
 * cohorts with n and a summary, browse with labelled columns, names and dd/mm/jjjj dates
 * and its sort kept across tabs, the go-to error cleared, the fiche's title, cohort line and
 * empty message.
 */

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}` : 'none';
  });

async function settled(page: Page) {
  const count = page.getByTestId('cohort-live-count');
  await expect.poll(async () => count.getAttribute('data-pending'), { timeout: 30_000 }).toBe('false');
  return count;
}

describe('Daily details: focus, cohort builder, browse, fiche', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 } });

  it('puts focus on the main view\'s heading after opening an extract', async () => {
    const { page } = app();
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-demo').click();
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    await expect.poll(() => focused(page), { timeout: 10_000 }).toMatch(/^h2:/);
  });

  it('browses with labelled columns, names for codes and dd/mm/jjjj dates', async () => {
    const { page } = app();
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('browse-view').waitFor();
    await page.getByTestId('browse-table-protection_decision').click();
    const cell = (col: string) => page.locator(`[data-testid=browse-grid] .ag-row[row-index="0"] [col-id=${col}]`).first();
    await cell('decision_date').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    expect(await cell('decision_date').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await cell('status').textContent()).toMatch(/^(Erkend vluchteling|Subsidiair beschermd|Geweigerd|Ingetrokken|Beëindigd)$/);
    await expect.poll(() => page.locator('[data-testid=browse-grid] .ag-header-cell[col-id=decision_date]').textContent()).toContain('Datum beslissing');
    await page.getByTestId('browse-table-residence').click();
    await cell('nis_code').filter({ hasText: /\S/ }).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    const nis = await page.locator('[data-testid=browse-grid] [col-id=nis_code]').allTextContents();
    expect(nis.some((t) => /^\D.* \(\d{5}\)$/.test(t))).toBe(true);
  });

  it('keeps the sort of a table when switching tabs and views', async () => {
    const { page } = app();
    await page.getByTestId('browse-table-person').click();
    const header = page.locator('[data-testid=browse-grid] .ag-header-cell[col-id=birth_year]');
    await header.locator('.ag-header-cell-label').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await page.getByTestId('browse-table-residence').click();
    await page.getByTestId('browse-table-person').click();
    await expect.poll(() => page.locator('[data-testid=browse-grid] .ag-header-cell[col-id=birth_year]').getAttribute('aria-sort')).toBe('ascending');
    await page.getByTestId('nav-cohort').click();
    await page.getByTestId('nav-overview').click();
    await expect.poll(() => page.locator('[data-testid=browse-grid] .ag-header-cell[col-id=birth_year]').getAttribute('aria-sort')).toBe('ascending');
  });

  it('clears the go-to-row error when the field is emptied', async () => {
    const { page } = app();
    await page.getByTestId('browse-goto').fill('abc');
    await page.getByTestId('browse-goto').press('Enter');
    await expect.poll(() => page.locator('.browse__goto .field__error').count()).toBe(1);
    await page.getByTestId('browse-goto').fill('');
    await expect.poll(() => page.locator('.browse__goto .field__error').count()).toBe(0);
    await saveScreenshot(app(), 'nl-browse-details');
  });

  it('shows no n while the age range is inverted, and the n again once it is fixed', async () => {
    const { page } = app();
    await page.getByTestId('nav-cohort').click();
    await page.getByTestId('cohort-view').waitFor();
    await settled(page);
    const range = page.locator('fieldset.range-field', { hasText: 'Eigen leeftijdsgrenzen' });
    await range.locator('input').nth(0).fill('40');
    await range.locator('input').nth(1).fill('30');
    await page.getByTestId('cohort-age-range-error').waitFor();
    const count = await settled(page);
    await expect.poll(() => count.getAttribute('data-blocked')).toBe('true');
    expect(await count.getAttribute('data-persons')).toBe('');
    expect(await count.textContent()).toBe('n = –');
    await range.locator('input').nth(1).fill('50');
    await expect.poll(() => count.getAttribute('data-blocked')).toBe('false');
    await expect.poll(async () => Number(await (await settled(page)).getAttribute('data-persons'))).toBeGreaterThan(0);
  });

  it('keeps focus in the view after "Alle filters wissen"', async () => {
    const { page } = app();
    await page.getByRole('button', { name: 'Alle filters wissen' }).click();
    await expect.poll(() => focused(page)).toBe('h2:Cohort samenstellen');
  });

  it('lists saved cohorts with their n and a summary', async () => {
    const { page } = app();
    await page.locator('[data-testid=cohort-status] input[data-value=SUBSIDIARY]').check();
    await settled(page);
    await page.getByTestId('cohort-name').fill('Subsidiair, alle jaren');
    await page.getByTestId('cohort-save').click();
    const item = page.locator('[data-testid=cohort-list] li[data-name="Subsidiair, alle jaren"]');
    await expect.poll(() => item.getByTestId('cohort-list-count').textContent(), { timeout: 30_000 }).toMatch(/^n = [\d.]+$/);
    await expect.poll(() => item.getByTestId('cohort-list-summary').textContent()).toMatch(/subsidiair beschermd/i);
    // The recipe's path field (no save dialog in the shell) is wide enough to read a path.
    await item.getByTestId('cohort-export').click();
    const input = page.getByTestId('recipe-save-path-input');
    await input.waitFor();
    expect((await input.boundingBox())!.width).toBeGreaterThan(450);
    await saveScreenshot(app(), 'nl-cohort-library');
    await input.press('Escape');
  });

  it('titles the fiche after its level, names its cohort, and says when it is empty', async () => {
    const { page } = app();
    await page.getByTestId('nav-fiche').click();
    await page.getByTestId('fiche-view').waitFor();
    expect(await page.getByTestId('fiche-title').textContent()).toBe('Gemeentefiche');
    // One line names the cohort, with its size (12a's badge and 12b's line were both shown).
    const ficheCohort = page.locator('[data-testid=fiche-view] [data-testid=cohort-badge]');
    await expect.poll(() => ficheCohort.textContent()).toMatch(/^Cohort: “Subsidiair, alle jaren”n = [\d.]+subsidiair beschermden/);
    expect((await page.getByTestId('fiche-view').innerText()).split('Subsidiair, alle jaren')).toHaveLength(2);
    await page.getByTestId('fiche-level').selectOption('arrondissement');
    expect(await page.getByTestId('fiche-title').textContent()).toBe('Arrondissementsfiche');
    await page.getByTestId('fiche-level').selectOption('municipality');
    // A cohort nobody belongs to (ages 119–120): the fiche says so instead of showing empty tables.
    await page.getByTestId('nav-cohort').click();
    const range = page.locator('fieldset.range-field', { hasText: 'Eigen leeftijdsgrenzen' });
    await range.locator('input').nth(0).fill('119');
    await range.locator('input').nth(1).fill('120');
    await expect.poll(async () => (await settled(page)).getAttribute('data-persons')).toBe('0');
    await page.getByTestId('nav-fiche').click();
    await page.getByTestId('fiche-search').fill('Antwerpen');
    await page.locator('[data-testid=fiche-options] li[data-code="11002"]').click();
    await page.getByTestId('fiche-empty').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=fiche-origins]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('fiche-net').textContent()).toContain('evenveel');
    await saveScreenshot(app(), 'nl-fiche-empty');
  });

  it('draws every heatmap axis label whole, "Ambtshalve afgevoerd" included, at region, province and arrondissement level', async () => {
    const { page } = app();
    await page.getByTestId('nav-cohort').click();
    await page.getByRole('button', { name: 'Standaardcohort' }).click();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-view').waitFor();
    await page.getByTestId('matrix-tab-heatmap').click();
    for (const level of ['region', 'province', 'arrondissement']) {
      await page.getByTestId('matrix-level').selectOption(level);
      await page.waitForFunction(
        () => {
          const frame = document.querySelector<HTMLElement>('[data-testid=matrix-heatmap]');
          const plot = frame?.querySelector<HTMLElement>('.js-plotly-plot');
          const view = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
          return !!plot && view?.dataset.pending === 'false' && plot.dataset.drawnRevision === frame!.dataset.revision;
        },
        undefined,
        { timeout: 90_000 },
      );
      const problems = await page.evaluate(() => {
        const svg = document.querySelector('[data-testid=matrix-heatmap] svg.main-svg')!.getBoundingClientRect();
        const out: string[] = [];
        let radiated = 0;
        for (const t of document.querySelectorAll<SVGTextElement>('[data-testid=matrix-heatmap] .xtick text, [data-testid=matrix-heatmap] .ytick text')) {
          const b = t.getBoundingClientRect();
          if (t.textContent === 'Ambtshalve afgevoerd') radiated++;
          if (b.left < svg.left - 1 || b.right > svg.right + 1 || b.top < svg.top - 1 || b.bottom > svg.bottom + 1) out.push(t.textContent ?? '');
        }
        return { out, radiated };
      });
      expect(problems.out, `${level}: labels outside the chart`).toEqual([]);
      expect(problems.radiated, level).toBe(2);
    }
  });
});
