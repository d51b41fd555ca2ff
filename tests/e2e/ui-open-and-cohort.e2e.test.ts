import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { saveScreenshot, useApp } from './support/shell-harness';

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

/** The nationality options the list shows now (its search applied). */
const visibleOptions = (page: Page): Promise<string[]> =>
  page.locator('[data-testid=cohort-nationalities] .multi-select__list .check span').allTextContents();

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
    // Nationalities read as names with their code, found by either.
    await nationalities.getByRole('searchbox').fill('Syri');
    expect(await visibleOptions(page)).toEqual(['Syrië (SYR)']);
    await nationalities.getByRole('searchbox').fill('SYR');
    await nationalities.locator('input[data-value=SYR]').check();
    expect(await nationalities.locator('.chip').first().textContent()).toMatch(/^Syrië \(SYR\)/);

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

  it('lists nationalities by name in the UI language: "Syrië (SYR)" in Dutch, "Syria (SYR)" in English', async () => {
    const { page } = app();
    const search = page.getByTestId('cohort-nationalities').getByRole('searchbox');
    await search.fill('');
    const nl = await visibleOptions(page);
    expect(nl).toContain('Syrië (SYR)');
    expect(nl).toContain('Afghanistan (AFG)');
    expect(nl).toContain('staatloos');
    expect(nl).toContain('onbekend');
    const countries = (labels: string[]) => labels.filter((l) => / \([A-Z]{3}\)$/.test(l));
    // Every code of the extract has a name, sorted the Dutch way.
    expect(countries(nl).length).toBe(nl.length - 2);
    expect(countries(nl)).toEqual([...countries(nl)].sort(new Intl.Collator('nl-BE').compare));

    await page.getByTestId('lang-en').click();
    await expect.poll(() => visibleOptions(page)).toContain('Syria (SYR)');
    const en = await visibleOptions(page);
    expect(en).toContain('stateless');
    expect(countries(en)).toEqual([...countries(en)].sort(new Intl.Collator('en-BE').compare));
    // The chip of the chosen nationality follows the language too.
    expect(await page.locator('[data-testid=cohort-nationalities] .chip').first().textContent()).toMatch(/^Syria \(SYR\)/);
    expect(await page.getByTestId('cohort-decision-date-from').getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await saveScreenshot(app(), 'cohort-nationalities-en');
    await page.getByTestId('lang-nl').click();
    await expect.poll(() => page.getByTestId('cohort-decision-date-from').getAttribute('placeholder')).toBe('dd/mm/jjjj');
  });

  it('takes decision dates typed as dd/mm/jjjj and sends ISO dates to the engine', async () => {
    const shell = app();
    const { page } = shell;
    // From here on, the definitions the builder sends for its live count are recorded by the host.
    await shell.forgetCalls();
    const from = page.getByTestId('cohort-decision-date-from');
    const to = page.getByTestId('cohort-decision-date-to');
    const error = page.locator('[data-testid=cohort-decision-date] .field__error');
    // Instead of the year 2016: the second half of 2016, typed the ways a Flemish analyst types dates.
    await page.locator('[data-testid=cohort-decision-years] input[data-value="2016"]').uncheck();
    await from.fill('1/7/2016');
    await from.press('Tab');
    expect(await from.inputValue()).toBe('01/07/2016');
    // A day that does not exist is refused with a message and not sent.
    await to.fill('31/04/2016');
    await expect.poll(() => error.textContent()).toMatch(/Die dag bestaat niet/);
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(app(), 'cohort-decision-date-error');
    await to.fill('30/12/2016');
    await to.press('ArrowUp'); // one day later, from the keyboard
    await to.press('Tab');
    expect(await to.inputValue()).toBe('31/12/2016');
    expect(await error.count()).toBe(0);

    const range = CohortDefinition.parse({ status: ['REFUGEE'], nationalities: ['SYR'], decisionDate: { from: '2016-07-01', to: '2016-12-31' } });
    const shown = await settledCount(page);
    // What the builder sent last (read before the test's own call below, which is recorded too).
    const sent = (await shell.calls('cohort.count')).at(-1) as { definition: { decisionDate: unknown } } | undefined;
    expect(sent?.definition.decisionDate).toEqual({ from: '2016-07-01', to: '2016-12-31' });
    const engine = await engineCall(page, 'cohort', 'count', { definition: range });
    expect(shown).toBe((engine.value as { persons: number }).persons);
    const wholeYear = await engineCall(page, 'cohort', 'count', { definition: SYRIANS_2016 });
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan((wholeYear.value as { persons: number }).persons);
    await saveScreenshot(app(), 'cohort-decision-dates');

    // Back to the saved cohort for the tests that follow.
    await from.fill('');
    await to.fill('');
    await page.locator('[data-testid=cohort-decision-years] input[data-value="2016"]').check();
    expect(await settledCount(page)).toBe((wholeYear.value as { persons: number }).persons);
  });

  it('browses persons and jumps to a row far down, fetching only that block', async () => {
    const shell = app();
    const { page } = shell;
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('browse-view').waitFor();
    await page.locator('.ag-row[row-index="0"] [col-id=person_id]').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    const total = Number((await page.getByTestId('browse-row-count').textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(1000);

    // The blocks the grid asks for from here on, as the host receives them.
    await shell.forgetCalls();
    const target = total - 5; // 1-based, as the analyst types it
    await page.getByTestId('browse-goto').fill(String(target));
    await page.getByTestId('browse-goto').press('Enter');
    const row = page.locator(`.ag-row[row-index="${target - 1}"] [col-id=person_id]`);
    await row.filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
    const blocks = ((await shell.calls('browse.rows')) as { startRow: number; endRow: number }[]).map((r) => [r.startRow, r.endRow]);
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
