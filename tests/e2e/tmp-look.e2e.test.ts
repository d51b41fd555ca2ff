import { it } from 'vitest';
import { useApp } from './support/shell-harness';
import type { Page } from 'playwright-core';

async function waitChart(page: Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => {
    const frame = document.querySelector<HTMLElement>(`[data-testid=${id}]`);
    const plot = frame?.querySelector<HTMLElement>('.js-plotly-plot');
    return !!frame && !!plot && plot.dataset.drawnRevision === frame.dataset.revision;
  }, testId, { timeout: 90_000 });
}
const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 } });
it('looks', async () => {
  const { page } = app();
  await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByTestId('open-demo').click();
  await page.getByTestId('open-passphrase').press('Enter');
  await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByTestId('nav-matrix').click();
  await page.getByTestId('matrix-view').waitFor();
  for (const level of ['region', 'province']) {
    await page.getByTestId('matrix-level').selectOption(level);
    await page.waitForTimeout(1500);
    for (const [tab, id] of [['heatmap', 'matrix-heatmap'], ['bar', 'matrix-bar'], ['sankey', 'matrix-sankey']]) {
      await page.getByTestId(`matrix-tab-${tab}`).click();
      await waitChart(page, id);
      await page.getByTestId(id).screenshot({ path: `.tmp/look-${level}-${tab}.png` });
    }
  }
  await page.getByTestId('matrix-tab-map').click();
  await waitChart(page, 'matrix-map');
  await page.locator('.matrix-chart-panel').first().screenshot({ path: `.tmp/look-map.png` }).catch(async () => page.screenshot({ path: '.tmp/look-map.png' }));
}, 300_000);
