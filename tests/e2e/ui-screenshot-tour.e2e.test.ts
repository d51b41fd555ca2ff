import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitChart } from './support/app-waits';
import { saveScreenshot, useApp } from './support/shell-harness';

/**
 * The screens an analyst sees in a day, at 1280×800 and 1920×1080, in Dutch and in English (issue 12: "screenshots
 * of every view, looked at before resolving"). Each screen is saved under artifacts/screenshots/
 * and must fit the window's width: nothing pushed off to the right, no label sticking out of the view.
 */
/** Elements whose right edge is past the window: cut off for the analyst. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main *, header *')) {
      if (el.closest('.js-plotly-plot, .ag-root-wrapper, svg')) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`);
    }
    return out;
  });
}

/** Empty visible fields whose placeholder (the hint of what to type) does not fit: cut mid-word. */
async function clippedPlaceholders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement>('main input[placeholder]')) {
      if (el.value || el.getBoundingClientRect().width === 0) continue;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (ctx.measureText(el.placeholder).width > room + 1) out.push(el.placeholder);
    }
    return out;
  });
}

async function shot(page: Page, shell: ReturnType<ReturnType<typeof useApp>>, name: string): Promise<void> {
  await saveScreenshot(shell, name);
  expect(await overflowing(page), name).toEqual([]);
  expect(await clippedPlaceholders(page), name).toEqual([]);
}

for (const [width, height] of [[1280, 800], [1920, 1080]] as const) describe(`screenshot tour at ${width}×${height}`, () => {
  const app = useApp({ viewport: { width, height } });
  const size = width === 1280 ? '' : `${width}-`;

  for (const lang of ['nl', 'en'] as const) {
    it(`every main view in ${lang.toUpperCase()}`, async () => {
      const { page } = app();
      if (lang === 'nl') {
        await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
        await page.getByTestId('open-demo').click();
        await page.getByTestId('open-passphrase').press('Enter');
        await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
      }
      await page.getByTestId(`lang-${lang}`).click();
      await page.getByTestId('nav-overview').click();
      await page.locator('.ag-row[row-index="0"]').first().waitFor({ timeout: 30_000 });
      await shot(page, app(), `tour-${size}${lang}-overview`);

      await page.getByTestId('nav-cohort').click();
      await page.getByTestId('cohort-view').waitFor();
      await page.locator('[data-testid=cohort-live-count][data-pending=false]').waitFor({ timeout: 60_000 });
      await shot(page, app(), `tour-${size}${lang}-cohort`);

      await page.getByTestId('nav-matrix').click();
      await page.getByTestId('matrix-view').waitFor();
      await page.getByTestId('matrix-level').selectOption('arrondissement');
      await page.getByTestId('matrix-tab-table').click();
      await page.waitForFunction(() => {
        const v = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
        return !!v && v.dataset.pending === 'false' && v.dataset.tableDrawn === v.dataset.revision;
      }, undefined, { timeout: 120_000 });
      await shot(page, app(), `tour-${size}${lang}-matrix-table`);
      for (const [tab, id] of [['heatmap', 'matrix-heatmap'], ['sankey', 'matrix-sankey'], ['bar', 'matrix-bar'], ['map', 'matrix-map']] as const) {
        await page.getByTestId(`matrix-tab-${tab}`).click();
        await waitChart(page, id, 120_000);
        await shot(page, app(), `tour-${size}${lang}-matrix-${tab}`);
      }
      await page.getByTestId('matrix-tab-corridors').click();
      await page.getByTestId('corridors-table').waitFor({ timeout: 60_000 });
      await shot(page, app(), `tour-${size}${lang}-matrix-corridors`);

      await page.getByTestId('nav-fiche').click();
      await page.getByTestId('fiche-view').waitFor();
      await page.getByTestId('fiche-search').fill('Antwerpen');
      await page.locator('[data-testid=fiche-options] li[data-code="11002"]').click();
      await page.locator('[data-testid=fiche-body][data-area="11002"]').waitFor({ timeout: 60_000 });
      await shot(page, app(), `tour-${size}${lang}-fiche`);

      await page.getByTestId('nav-exportLog').click();
      await page.getByTestId('policy-panel').waitFor();
      await shot(page, app(), `tour-${size}${lang}-export-log`);
      await page.getByTestId('policy-panel').scrollIntoViewIfNeeded();
      await shot(page, app(), `tour-${size}${lang}-policy`);
    }, 600_000);
  }
});
