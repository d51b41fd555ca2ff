import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemo } from './support/app-waits';
import { saveScreenshot, useApp } from './support/shell-harness';

/**
 * Issue 12, "Charts": "The 'Ambtshalve afgevoerd' axis label is clipped." At municipality level
 * the heatmap has ~580 destination columns; the exits come last, at the right edge, and their
 * labels lean right (−50°). Every letter of every exit label must be inside the chart, clear of
 * the colour bar.
 */
async function heatmapDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const view = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
      const frame = document.querySelector<HTMLElement>('[data-testid=matrix-heatmap]');
      const plot = frame?.querySelector<HTMLElement>('.js-plotly-plot');
      return !!view && view.dataset.pending === 'false' && !!frame && !!plot && plot.dataset.drawnRevision === frame.dataset.revision;
    },
    undefined,
    { timeout: 240_000 },
  );
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The drawn extent of an x tick label, the chart's own box and the colour bar's. */
async function labelBoxes(page: Page, label: string): Promise<{ tick: Box | null; chart: Box; colorbar: Box | null }> {
  return page.evaluate((text) => {
    const box = (r: DOMRect) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    const frame = document.querySelector('[data-testid=matrix-heatmap] .js-plotly-plot')!;
    const svg = frame.querySelector('svg.main-svg')!;
    const tick = [...frame.querySelectorAll('.xtick text')].find((t) => t.textContent === text);
    const bar = frame.querySelector('.colorbar');
    return { tick: tick ? box(tick.getBoundingClientRect()) : null, chart: box(svg.getBoundingClientRect()), colorbar: bar ? box(bar.getBoundingClientRect()) : null };
  }, label);
}

describe('axis labels of the heatmap at municipality level', () => {
  const app = useApp({ viewport: { width: 1280, height: 800 } });

  for (const lang of ['nl', 'en'] as const) {
    it(`shows the exit columns' labels whole (${lang.toUpperCase()})`, async () => {
      const { page } = app();
      if (lang === 'nl') await openDemo(page);
      await page.getByTestId(`lang-${lang}`).click();
      await page.getByTestId('nav-matrix').click();
      await page.getByTestId('matrix-level').selectOption('municipality');
      await page.getByTestId('matrix-tab-heatmap').click();
      await heatmapDrawn(page);
      await saveScreenshot(app(), `${lang}-heatmap-municipality-labels`);
      const labels = lang === 'nl' ? ['Ambtshalve afgevoerd', 'Buitenland', 'Overleden', 'Onbekend'] : ['Removed ex officio', 'Abroad', 'Deceased', 'Unknown'];
      for (const label of labels) {
        const { tick, chart, colorbar } = await labelBoxes(page, label);
        expect(tick, `${label} is drawn`).not.toBeNull();
        expect(tick!.left, label).toBeGreaterThanOrEqual(chart.left);
        expect(tick!.right, label).toBeLessThanOrEqual(chart.right);
        expect(tick!.top, label).toBeGreaterThanOrEqual(chart.top);
        // Clear of the colour bar: the label ends left of it, or above it.
        if (colorbar) expect(tick!.right <= colorbar.left || tick!.bottom <= colorbar.top, `${label} overlaps the colour bar`).toBe(true);
      }
      // The hover names the exit column too (the axis is numeric at this size; the name comes from the cell's text).
      const exit = labels[0];
      const at = await page.evaluate((text) => {
        const frame = document.querySelector('[data-testid=matrix-heatmap] .js-plotly-plot')!;
        const tick = [...frame.querySelectorAll('.xtick text')].find((t) => t.textContent === text)!;
        const plot = frame.querySelector('.nsewdrag')!.getBoundingClientRect();
        // The tick label's anchor is its lower-left corner (rotated −50°): that is the column's centre.
        return { x: tick.getBoundingClientRect().left + 2, y: plot.top + 20 };
      }, exit);
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => page.locator('[data-testid=matrix-heatmap] .hoverlayer').textContent(), { timeout: 10_000 }).toContain(lang === 'nl' ? `naar ${exit}` : `to ${exit}`);
    }, 300_000);
  }
});
