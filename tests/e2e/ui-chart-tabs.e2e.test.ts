import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemo } from './support/app-waits';
import { saveScreenshot, useApp } from './support/shell-harness';
import { makeTempDir } from '../support/temp-dirs';

/**
 * Issue 12's blocker: "Gemeente" + "Heatmap" blanked the whole window (Math.max over
 * ~342,000 cells). Every chart tab at every level and vintage is drawn on the demo extract
 * with the default cohort, and must end without a page error (the harness fails a test on
 * any console or page error) and without a failed part. Then the error boundaries: a view
 * or a chart that throws shows a message and "try again", the code is logged, and the rest
 * of the app keeps working.
 */

const LEVELS = ['region', 'province', 'arrondissement', 'municipality'] as const;
const VINTAGES = ['2014', '2019', '2025'] as const;
const TABS = ['table', 'heatmap', 'sankey', 'bar', 'map', 'corridors'] as const;

/** The matrix view has a settled result for the current choice. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
      return !!el && el.dataset.pending === 'false' && el.dataset.revision !== '0';
    },
    undefined,
    // Generous: the one engine worker may first finish a disclosure preview of a municipality matrix.
    { timeout: 240_000 },
  );
}

/** Waits until the tab shows what it draws: the grid, a drawn Plotly chart, the corridors, or its "nothing to show" hint. */
async function tabDrawn(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const panel = document.querySelector('#matrix-tabpanel');
      if (!panel) return false;
      if (panel.querySelector('[data-testid=render-failed]')) return true;
      const view = document.querySelector<HTMLElement>('[data-testid=matrix-view]')!;
      if (t === 'table') return view.dataset.tableDrawn === view.dataset.revision;
      if (t === 'corridors') return !!panel.querySelector('[data-testid=corridors-table], .field__hint');
      const frame = panel.querySelector<HTMLElement>('[data-testid^=matrix-]:is(.chart-frame)');
      const plot = frame?.querySelector<HTMLElement>('.js-plotly-plot');
      if (frame && plot && plot.dataset.drawnRevision === frame.dataset.revision) return true;
      // A chart with nothing to draw says so instead.
      return !frame && !!panel.querySelector('.field__hint') && !panel.querySelector('[role=progressbar]');
    },
    tab,
    { timeout: 240_000 },
  );
}

describe('every chart tab at every level and vintage', () => {
  const dataDir = makeTempDir('vv-e2e-charts-');
  const app = useApp({ dataDir, viewport: { width: 1280, height: 800 } });

  it('opens the demo extract on the matrix view', async () => {
    const { page } = app();
    await openDemo(page);
    await page.getByTestId('nav-matrix').click();
    await settled(page);
  });

  for (const vintage of VINTAGES) {
    it(`draws every tab at every level in the ${vintage} vintage without a page error`, async () => {
      const { page, consoleErrors } = app();
      await page.getByTestId('matrix-vintage').selectOption(vintage);
      for (const level of LEVELS) {
        await page.getByTestId('matrix-level').selectOption(level);
        for (const tab of TABS) {
          await page.getByTestId(`matrix-tab-${tab}`).click();
          await settled(page);
          await tabDrawn(page, tab);
          expect(await page.getByTestId('render-failed').count(), `${vintage} ${level} ${tab}: a part failed`).toBe(0);
          expect(consoleErrors, `${vintage} ${level} ${tab}`).toEqual([]);
        }
        if (vintage === '2019' && level === 'municipality') {
          await page.getByTestId('matrix-tab-heatmap').click();
          await tabDrawn(page, 'heatmap');
          expect(await page.locator('[data-testid=matrix-heatmap] .hm image, [data-testid=matrix-heatmap] .heatmaplayer image').count()).toBeGreaterThan(0);
          await saveScreenshot(app(), 'chart-tabs-municipality-heatmap');
        }
      }
      await page.getByTestId('matrix-tab-table').click();
      // 24 views of which 6 at municipality level, on a shared machine: minutes, not seconds.
    }, 900_000);
  }

  it('contains a failing chart: message, try again, logged code; the rest keeps working', async () => {
    const shell = app();
    const { page } = shell;
    await page.getByTestId('matrix-level').selectOption('arrondissement');
    await settled(page);
    await page.evaluate(() => ((window as { __verhuisRenderFault?: string }).__verhuisRenderFault = 'chart.heatmap'));
    await page.getByTestId('matrix-tab-heatmap').click();
    const failed = page.locator('[data-testid=render-failed][data-part="chart.heatmap"]');
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.textContent()).toMatch(/Dit onderdeel kon niet getoond worden.*RENDER_FAILED.*Opnieuw proberen/);
    // The rest of the matrix view still works: controls, other tabs.
    await expect.poll(() => page.getByTestId('matrix-controls').isVisible()).toBe(true);
    await page.getByTestId('matrix-tab-table').click();
    await tabDrawn(page, 'table');
    expect(await page.getByTestId('render-failed').count()).toBe(0);
    // Back to the heatmap, fault still on: it fails again; fault gone, "try again" draws it.
    await page.getByTestId('matrix-tab-heatmap').click();
    await failed.waitFor();
    await saveScreenshot(shell, 'chart-tabs-heatmap-failed');
    await page.evaluate(() => delete (window as { __verhuisRenderFault?: string }).__verhuisRenderFault);
    await page.getByTestId('render-failed-retry').click();
    await tabDrawn(page, 'heatmap');
    expect(await page.getByTestId('render-failed').count()).toBe(0);
    expect(await page.locator('[data-testid=matrix-heatmap] .js-plotly-plot').count()).toBe(1);

    // A whole view that fails leaves the navigation working.
    await page.evaluate(() => ((window as { __verhuisRenderFault?: string }).__verhuisRenderFault = 'view.fiche'));
    await page.getByTestId('nav-fiche').click();
    await page.locator('[data-testid=render-failed][data-part="view.fiche"]').waitFor();
    await page.getByTestId('nav-cohort').click();
    await page.getByTestId('cohort-view').waitFor();
    await page.evaluate(() => delete (window as { __verhuisRenderFault?: string }).__verhuisRenderFault);
    await page.getByTestId('nav-fiche').click();
    await page.getByTestId('fiche-view').waitFor();

    // The app's log has the code and the part, nothing else about the error.
    const log = readFileSync(path.join(dataDir, 'logs', 'verhuis.log'), 'utf8');
    const lines = log.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'renderer.error');
    expect(lines.map((l) => l.part)).toEqual(['chart.heatmap', 'chart.heatmap', 'view.fiche']);
    expect(lines.every((l) => l.code === 'RENDER_FAILED' && Object.keys(l).sort().join() === 'code,event,part,t')).toBe(true);
    // React reports the caught (injected) errors on the console; they are expected here.
    expect(shell.consoleErrors.every((e) => /render fault injected|The above error occurred/.test(e))).toBe(true);
    shell.consoleErrors.length = 0;
  });
});
