import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { useApp } from './support/shell-harness';

/**
 * The analyst's first steps through the real renderer and engine in Chromium: open the
 * demo extract on the Open screen (the host does not auto-open it here), build the cohort
 * "refugees decided in 2016, Syrian nationality", check the live count against the engine,
 * save the cohort, then browse persons and jump to a row far down the table.
 */

type Call = (request: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const engineCall = (page: Page, ns: string, fn: string, request: unknown) =>
  page.evaluate(
    ([n, f, r]) => ((window as unknown as { verhuis: Record<string, Record<string, Call>> }).verhuis[n as string]![f as string]!)(r),
    [ns, fn, request] as const,
  );

const SYRIANS_2016 = CohortDefinition.parse({ status: ['REFUGEE'], decisionYears: [2016], nationalities: ['SYR'] });

/** Waits until the live count has settled and returns the number it shows. */
async function settledCount(page: Page): Promise<number> {
  const count = page.getByTestId('cohort-live-count');
  await expect.poll(async () => count.getAttribute('data-pending'), { timeout: 30_000 }).toBe('false');
  const persons = await count.getAttribute('data-persons');
  expect(persons, 'the live count shows a number (no error)').toMatch(/^\d+$/);
  return Number(persons);
}

describe('Open screen, cohort builder and browse', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 } });

  it('opens the demo extract through the Open screen', async () => {
    const { page } = app();
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    const demo = page.getByTestId('open-demo');
    expect(await demo.count(), 'the bundled demo extract exists (resources/demo/demo-extract.db)').toBe(1);
    await demo.click();
    expect(await page.getByTestId('open-path').inputValue()).toMatch(/demo-extract\.db$/);
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    // The passphrase field is gone with the Open screen; the header names the extract.
    await expect.poll(() => page.getByTestId('header-extract').textContent()).toMatch(/demo-extract\.db/);
    await expect.poll(() => page.getByTestId('status-engine').getAttribute('data-state')).toBe('ready');
  });

  it('builds "refugees decided in 2016, Syrian nationality" with a live count equal to the engine', async () => {
    const { page } = app();
    await page.getByTestId('nav-cohort').click();
    await page.getByTestId('cohort-view').waitFor();
    const everyone = await settledCount(page);

    await page.locator('[data-testid=cohort-status] input[data-value=SUBSIDIARY]').uncheck();
    await page.locator('[data-testid=cohort-status] input[data-value=REFUGEE]').check();
    await page.locator('[data-testid=cohort-decision-years] input[data-value="2016"]').check();
    const nationalities = page.getByTestId('cohort-nationalities');
    await nationalities.getByRole('searchbox').fill('SYR');
    await nationalities.locator('input[data-value=SYR]').check();

    const shown = await settledCount(page);
    const engine = await engineCall(page, 'cohort', 'count', { definition: SYRIANS_2016 });
    expect(engine.ok).toBe(true);
    expect(shown).toBe((engine.value as { persons: number }).persons);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(everyone);
    // Shown the Belgian way: "n = 1.234 personen".
    expect(await page.getByTestId('cohort-live-count').textContent()).toMatch(/^n = \d{1,3}(\.\d{3})* personen$/);
  });

  it('saves the cohort under a name', async () => {
    const { page } = app();
    await page.getByTestId('cohort-name').fill('Syriërs 2016');
    await page.getByTestId('cohort-name').press('Enter');
    await page.locator('[data-testid=cohort-list] li[data-name="Syriërs 2016"]').waitFor({ timeout: 15_000 });
    const list = await engineCall(page, 'cohort', 'list', {});
    expect(list.ok).toBe(true);
    const saved = (list.value as { cohorts: { name: string; definition: unknown }[] }).cohorts.find((c) => c.name === 'Syriërs 2016');
    expect(saved?.definition).toEqual(SYRIANS_2016);
  });

  it('browses persons and jumps to a row far down, fetching only that block', async () => {
    const { page } = app();
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('browse-view').waitFor();
    await page.locator('.ag-row[row-index="0"] [col-id=person_id]').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    const total = Number((await page.getByTestId('browse-row-count').textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(1000);

    // Record the blocks the grid asks for from here on (the namespace objects of window.verhuis are plain).
    await page.evaluate(() => {
      const w = window as unknown as { verhuis: { browse: { rows: (r: { startRow: number; endRow: number }) => Promise<unknown> } }; __blocks: number[][] };
      const original = w.verhuis.browse.rows;
      w.__blocks = [];
      w.verhuis.browse.rows = (r) => {
        w.__blocks.push([r.startRow, r.endRow]);
        return original(r);
      };
    });
    const target = total - 5; // 1-based, as the analyst types it
    await page.getByTestId('browse-goto').fill(String(target));
    await page.getByTestId('browse-goto').press('Enter');
    const row = page.locator(`.ag-row[row-index="${target - 1}"] [col-id=person_id]`);
    await row.filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    const blocks = await page.evaluate(() => (window as unknown as { __blocks: number[][] }).__blocks);
    expect(blocks.length).toBeGreaterThan(0);
    // Only blocks around the target: nothing from the top of the table was fetched again.
    for (const [start, end] of blocks) {
      expect(end! - start!).toBeLessThanOrEqual(1000);
      expect(start!).toBeGreaterThan(target - 1 - 1000);
    }
    expect(blocks.some(([start, end]) => start! <= target - 1 && target - 1 < end!)).toBe(true);
  });
  it('moves through the grid with the arrow keys; Tab leaves the grid; Escape closes the column chooser', async () => {
    const { page } = app();
    const focusedRow = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const row = el?.closest('[data-testid=browse-grid] .ag-row');
        return row ? Number(row.getAttribute('row-index')) : null;
      });
    // The row jumped to in the previous test is on screen.
    const start = page.locator('[data-testid=browse-grid] .ag-center-cols-container .grid-row--target [col-id=person_id]');
    await start.click();
    const from = await focusedRow();
    expect(from).not.toBeNull();
    await page.keyboard.press(from! > 0 ? 'ArrowUp' : 'ArrowDown');
    await expect.poll(focusedRow).toBe(from! > 0 ? from! - 1 : from! + 1);
    // One Tab stop for the whole grid (not one per cell of 20,000 rows).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=browse-grid]'))).toBe(false);

    const chooser = page.getByTestId('column-chooser');
    await chooser.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => chooser.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await chooser.locator('input[data-column=sex]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => chooser.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  });
});
