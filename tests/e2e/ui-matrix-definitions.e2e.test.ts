import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_COHORT } from '../../shared/cohort/cohort-definition';
import type { MatrixResult } from '../../shared/matrix/matrix-definition';
import { saveScreenshot, useApp } from './support/shell-harness';

/**
 * Issue 13 in the matrix view: the first move out of the area of decision in the definition
 * picker (NL and EN), its own dates line and corner label, the same counts as the engine; the
 * all-moves diagonal named "moves within the area"; the explanation of deaths, gaps and
 * decision-day moves. Screenshots in NL and EN.
 */
type Call = (request: unknown) => Promise<{ ok: boolean; value?: unknown }>;
const engineCall = (page: Page, ns: string, fn: string, request: unknown) =>
  page.evaluate(
    ([n, f, r]) => ((window as unknown as { verhuis: Record<string, Record<string, Call>> }).verhuis[n as string]![f as string]!)(r),
    [ns, fn, request] as const,
  );

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

const parseCount = (text: string | null): number => Number((text ?? '').replace(/[^\d-]/g, ''));

describe('matrix definitions in the matrix view', () => {
  const app = useApp({ autoOpenDemo: true, viewport: { width: 1280, height: 800 } });

  it('offers the first move out of the area of decision and shows it as the engine computes it', async () => {
    const { page } = app();
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-view').waitFor();
    await tableDrawn(page);
    const kind = page.getByTestId('matrix-kind');
    const options = await kind.locator('option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options).toContainEqual(['first-area-move', 'Eerste verhuizing uit het gebied van beslissing']);
    expect(options).toContainEqual(['first-move', 'Eerste verhuizing na beslissing (naar een andere gemeente)']);
    await page.getByTestId('matrix-level').selectOption('province');
    await tableDrawn(page);
    const before = Number(await page.getByTestId('matrix-view').getAttribute('data-revision'));
    await kind.selectOption('first-area-move');
    await page.waitForFunction((rev) => Number(document.querySelector<HTMLElement>('[data-testid=matrix-view]')!.dataset.revision) > rev, before);
    await tableDrawn(page);
    await expect.poll(() => page.getByTestId('matrix-dates-used').textContent()).toMatch(/^Eerste verhuizing uit het gebied van beslissing/);
    await expect.poll(() => page.locator('.ag-header-cell[col-id=area]').textContent()).toContain('Gebied van beslissing');

    // The grand total and the column totals are the engine's.
    const res = await engineCall(page, 'matrix', 'compute', {
      cohort: DEFAULT_COHORT,
      definition: { kind: 'first-area-move', level: 'province', vintage: '2019' },
    });
    expect(res.ok).toBe(true);
    const m = res.value as MatrixResult;
    const shownTotal = parseCount(await page.locator('.ag-floating-bottom [col-id=total]').first().textContent());
    expect(shownTotal).toBeGreaterThan(0);
    expect(shownTotal).toBe(m.total);
    await page.getByTestId('matrix-explain-toggle').click();
    await expect.poll(() => page.getByTestId('matrix-explain').textContent()).toContain('Eerste verhuizing uit het gebied');
    await expect.poll(() => page.getByTestId('matrix-explain').textContent()).toContain('Overlijden, gaten en einde');
    await saveScreenshot(app(), 'matrix-definitions-first-area-move-nl');
  });

  it('says the same in English', async () => {
    const { page } = app();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('matrix-dates-used').textContent()).toMatch(/^First move out of the area of decision/);
    await expect.poll(() => page.locator('.ag-header-cell[col-id=area]').textContent()).toContain('Area of decision');
    await expect.poll(() => page.getByTestId('matrix-explain').textContent()).toContain('Deaths, gaps and the end');
    await saveScreenshot(app(), 'matrix-definitions-first-area-move-en');
  });

  it('names the all-moves diagonal "moves within the area"', async () => {
    const { page } = app();
    await page.getByTestId('matrix-kind').selectOption('all-moves');
    await tableDrawn(page);
    await expect.poll(() => page.locator('.ag-header-cell[col-id=area]').textContent()).toContain('From \\ to (every move)');
    await page.getByTestId('matrix-tab-sankey').click();
    await expect.poll(() => page.locator('label:has([data-testid=sankey-stayers])').textContent()).toBe('Show moves within the area');
    await saveScreenshot(app(), 'matrix-definitions-all-moves-sankey-en');
    await page.getByTestId('lang-nl').click();
    await expect.poll(() => page.locator('label:has([data-testid=sankey-stayers])').textContent()).toBe('Verhuizingen binnen het gebied tonen');
    await page.getByTestId('matrix-tab-table').click();
  });
});
