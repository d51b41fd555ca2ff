import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitChart } from './support/app-waits';
import { saveScreenshot, useApp } from './support/shell-harness';
import { englishPhrases, findEnglish } from '../support/english-ui-strings';
import { VALID, writeFolder } from '../import/csv-fixture';
import { makeTempDir } from '../support/temp-dirs';

/**
 * One language: every screen of the Dutch UI, scanned for the English UI strings of the
 * i18n dictionaries (visible text, hidden screen-reader text, titles, labels, placeholders,
 * Plotly's toolbar), with screenshots in Dutch and English at 1280×800.
 */

/** Every text a user or a screen reader meets on the page. */
function pageTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.trim()) out.push(n.textContent.trim());
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [data-title], [aria-description], [aria-roledescription]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'data-title', 'aria-description', 'aria-roledescription']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out.join('\n');
  });
}

async function waitTable(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
      return !!el && el.dataset.pending === 'false' && el.dataset.revision !== '0' && el.dataset.tableDrawn === el.dataset.revision;
    },
    undefined,
    { timeout: 90_000 },
  );
}

const CHART_TABS = [
  ['heatmap', 'matrix-heatmap'],
  ['sankey', 'matrix-sankey'],
  ['bar', 'matrix-bar'],
  ['map', 'matrix-map'],
] as const;

describe('One language: a Dutch screen shows no English UI string', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 } });
  const phrases = englishPhrases();
  const found: Record<string, string[]> = {};
  const scan = async (page: Page, screen: string) => {
    const hits = findEnglish(await pageTexts(page), phrases);
    if (hits.length) found[screen] = hits;
  };

  it('scans the Open screen and the import wizard with its report', async () => {
    const { page } = app();
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await scan(page, 'open');
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-wizard').waitFor();
    const source = writeFolder({ person: VALID.person.replace('P1,1990,5,M,SYR,', 'P1,1990,5,M,SYR,2016-02-30') });
    await page.locator('#import-source').fill(source);
    await page.locator('#import-target').fill(path.join(makeTempDir('vv-e2e-import-'), 'nieuw.db'));
    await page.locator('#import-pass1').fill('een-lange-wachtwoordzin');
    await page.locator('#import-pass2').fill('een-lange-wachtwoordzin');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('2016-02-30');
    await scan(page, 'import');
    await saveScreenshot(app(), 'nl-import');
    await page.getByTestId('lang-en').click().catch(() => undefined);
    await saveScreenshot(app(), 'en-import');
    await page.getByTestId('lang-nl').click().catch(() => undefined);
    await page.getByRole('button', { name: 'Terug' }).click();
    await page.getByTestId('open-screen').waitFor();
  });

  it('opens the demo extract and scans the overview with its browse grid', async () => {
    const { page } = app();
    await page.getByTestId('open-demo').click();
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('browse-view').waitFor();
    await page.locator('.ag-row[row-index="0"]').first().waitFor({ timeout: 30_000 });
    await scan(page, 'overview/browse');
    await saveScreenshot(app(), 'nl-browse');
    // The grid's screen-reader texts appear on focus, its filter texts in the filter pop-up.
    await page.locator('[data-testid=browse-grid] .ag-header-cell[col-id=birth_year]').focus();
    await page.locator('[data-testid=browse-grid] .ag-header-cell[col-id=birth_year] .ag-header-cell-filter-button').click();
    await page.locator('.ag-filter').first().waitFor();
    await scan(page, 'browse/filter pop-up');
    await page.keyboard.press('Escape');
  });

  it('scans the cohort builder', async () => {
    const { page } = app();
    await page.getByTestId('nav-cohort').click();
    await page.getByTestId('cohort-view').waitFor();
    await scan(page, 'cohort');
  });

  it('scans the matrix table and every chart tab', async () => {
    const { page } = app();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-view').waitFor();
    await waitTable(page);
    await scan(page, 'matrix/table');
    for (const [tab, id] of CHART_TABS) {
      await page.getByTestId(`matrix-tab-${tab}`).click();
      await waitChart(page, id, 90_000);
      await scan(page, `matrix/${tab}`);
      await saveScreenshot(app(), `nl-chart-${tab}`);
    }
    await page.getByTestId('matrix-tab-corridors').click();
    await page.getByTestId('corridors-table').waitFor();
    await scan(page, 'matrix/corridors');
  });

  it('shows the chart legends: Sankey colours, map lines and grey areas, heatmap zero', async () => {
    const { page } = app();
    await page.getByTestId('matrix-tab-sankey').click();
    await waitChart(page, 'matrix-sankey', 90_000);
    expect(await page.getByTestId('sankey-legend').locator('li').count()).toBe(4);
    await expect.poll(() => page.getByTestId('sankey-legend').textContent()).toContain('Vlaams Gewest');
    await page.getByTestId('matrix-tab-map').click();
    await waitChart(page, 'matrix-map', 90_000);
    await expect.poll(() => page.getByTestId('map-legend').textContent()).toMatch(/Lijn:.*Grijs:/s);
    await page.getByTestId('matrix-tab-heatmap').click();
    await waitChart(page, 'matrix-heatmap', 90_000);
    await expect.poll(() => page.getByTestId('heatmap-legend').textContent()).toContain('0 personen');
  });

  it('scans the fiche and the export log', async () => {
    const { page } = app();
    await page.getByTestId('nav-fiche').click();
    await page.getByTestId('fiche-view').waitFor();
    await page.getByTestId('fiche-search').fill('Antwerpen');
    await page.locator('[data-testid=fiche-options] li[data-code="11002"]').click();
    await page.locator('[data-testid=fiche-body][data-area="11002"]').waitFor({ timeout: 30_000 });
    await scan(page, 'fiche');
    await saveScreenshot(app(), 'nl-fiche');
    await page.getByTestId('nav-exportLog').click();
    await page.waitForTimeout(500);
    await scan(page, 'export log');
  });

  it('found no English UI string on any Dutch screen', () => {
    expect(found).toEqual({});
  });

  it('takes the same screens in English', async () => {
    const { page } = app();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('browse-view').waitFor();
    await page.locator('.ag-row[row-index="0"]').first().waitFor({ timeout: 30_000 });
    await saveScreenshot(app(), 'en-browse');
    // The scan is not blind: the same screen in English is full of the phrases it looks for.
    expect(findEnglish(await pageTexts(page), phrases).length).toBeGreaterThan(5);
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-view').waitFor();
    for (const [tab, id] of CHART_TABS) {
      await page.getByTestId(`matrix-tab-${tab}`).click();
      await waitChart(page, id, 90_000);
      await saveScreenshot(app(), `en-chart-${tab}`);
    }
    await page.getByTestId('nav-fiche').click();
    await page.getByTestId('fiche-view').waitFor();
    await page.getByTestId('fiche-search').fill('Antwerpen');
    await page.locator('[data-testid=fiche-options] li[data-code="11002"]').click();
    await page.locator('[data-testid=fiche-body][data-area="11002"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('fiche-title').textContent()).toBe('Municipality profile');
    await saveScreenshot(app(), 'en-fiche');
    await page.getByTestId('lang-nl').click();
  });
});
