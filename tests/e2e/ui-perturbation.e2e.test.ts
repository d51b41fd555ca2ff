import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_COHORT } from '../../shared/cohort/cohort-definition';
import type { ProtectedCounts } from '../../shared/disclosure/protection';
import { saveScreenshot, useApp } from './support/shell-harness';

/**
 * Cell-key perturbation in the UI: the policy panel offers it with a one-line explanation,
 * and the matrix legend and cells say the table is perturbed (± marks, D, variance, not additive).
 */
type Call = (request: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const engineCall = (page: Page, ns: string, fn: string, request: unknown) =>
  page.evaluate(
    ([n, f, r]) => ((window as unknown as { verhuis: Record<string, Record<string, Call>> }).verhuis[n as string]![f as string]!)(r),
    [ns, fn, request] as const,
  );

async function waitTable(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
      return !!el && el.dataset.pending === 'false' && el.dataset.revision !== '0' && el.dataset.tableDrawn === el.dataset.revision;
    },
    undefined,
    { timeout: 60_000 },
  );
}

describe('Cell-key perturbation in the UI', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 } });

  it('offers perturbation in the policy panel with a one-line explanation, and puts it in force', async () => {
    const shell = app();
    const { page } = shell;
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-demo').click();
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('nav-exportLog').click();
    const panel = page.getByTestId('policy-panel');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByTestId('policy-method-input').selectOption('perturbation');
    expect(await panel.getByTestId('policy-perturbation-hint').textContent()).toMatch(/hoogstens ±2.*Totalen tellen niet op/);
    await panel.getByTestId('policy-save').click();
    await panel.getByTestId('policy-saved').waitFor();
    await expect.poll(() => panel.getByTestId('policy-method').textContent()).toMatch(/celsleutelverstoring \(ruis van hoogstens ±2\)/);
    const policy = await engineCall(page, 'disclosure', 'policy', {});
    expect(policy).toMatchObject({ ok: true, value: { policy: { method: 'perturbation' }, user: { method: 'perturbation' } } });
    await panel.screenshot({ path: path.join(path.dirname(await saveScreenshot(shell, 'perturbation-policy-page')), 'perturbation-policy-panel.png') });
  });

  it('marks the matrix as perturbed: legend with D, variance and "not additive", every non-zero cell marked ±', async () => {
    const { page } = app();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-view').waitFor();
    await waitTable(page);
    const legend = page.getByTestId('disclosure-legend');
    await expect.poll(() => legend.getByTestId('disclosure-method').textContent(), { timeout: 60_000 }).toMatch(/celsleutelverstoring, ruis van hoogstens ±2 \(variantie 1\)/);
    expect(await legend.getByTestId('disclosure-method').textContent()).toMatch(/telt niet op/);
    // The matrix on first use: everyone granted protection, state, arrondissement, 2019.
    const preview = await engineCall(page, 'disclosure', 'preview', { cohort: DEFAULT_COHORT, definition: { kind: 'state', level: 'arrondissement', vintage: '2019' } });
    expect(preview.ok, JSON.stringify(preview.error)).toBe(true);
    const table = preview.value as ProtectedCounts;
    expect(table.method).toBe('perturbation');
    const item = legend.locator('li[data-reason=perturbed]');
    expect(Number(await item.getAttribute('data-count'))).toBe(table.counts.perturbed);
    // The legend is one compact line; the full wording of each item is its tooltip.
    expect(await item.textContent()).toMatch(/± verstoord/);
    expect(await item.getAttribute('title')).toMatch(/verstoord: ruis van hoogstens ±2/);
    expect(await legend.getByTestId('disclosure-count').textContent()).toMatch(/Er wordt niets onderdrukt/);
    // Nothing is suppressed under perturbation: no primary/secondary marks in the grid.
    expect(await page.locator('[data-testid=matrix-grid] .cell--protected-primary, [data-testid=matrix-grid] .cell--protected-secondary').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=matrix-grid] .cell--protected-perturbed').count()).toBeGreaterThan(5);
    await saveScreenshot(app(), 'perturbation-matrix');
  });
});
