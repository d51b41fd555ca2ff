import type { Page } from 'playwright-core';

/** Opens the bundled demo extract from the Open screen and waits for the main view. */
export async function openDemo(page: Page): Promise<void> {
  await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByTestId('open-demo').click();
  await page.getByTestId('open-passphrase').press('Enter');
  await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
}

/** Waits until the Plotly chart inside the test id has drawn its current revision. */
export async function waitChart(page: Page, testId: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const frame = document.querySelector<HTMLElement>(`[data-testid=${id}]`);
      const plot = frame?.querySelector<HTMLElement>('.js-plotly-plot');
      return !!frame && !!plot && plot.dataset.drawnRevision === frame.dataset.revision;
    },
    testId,
    { timeout },
  );
}
