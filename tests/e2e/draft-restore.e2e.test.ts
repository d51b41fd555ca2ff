import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, saveScreenshot, expectClean } from './support/shell-harness';
import { makeTempDir } from '../support/temp-dirs';
import type { AppShell } from './support/app-shell';

/**
 * "Nothing lost on a crash": the cohort being built and the matrix choices are autosaved into
 * the extract's workspace; after the app dies without closing the extract, opening the same
 * extract again (same data folder) brings them back, with a notice saying so.
 */

async function openDemo(page: Page): Promise<void> {
  await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByTestId('open-demo').click();
  await page.getByTestId('open-passphrase').press('Enter');
  await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
}

/** The draft as the workspace holds it (what the next start restores). */
const savedDraft = (page: Page) =>
  page.evaluate(async () => {
    type Call = (r: unknown) => Promise<{ ok: boolean; value?: { draft: { matrix: { level: string } | null; noticeSeen: boolean } | null } }>;
    const api = (window as unknown as { verhuis: { workspace: { loadDraft: Call } } }).verhuis;
    const r = await api.workspace.loadDraft({});
    return r.ok ? (r.value?.draft ?? null) : null;
  });
const draftLevel = async (page: Page) => (await savedDraft(page))?.matrix?.level ?? null;

describe('working state after a crash', () => {
  const dataDir = makeTempDir('vv-e2e-draft-');
  let shell: AppShell | null = null;
  afterAll(async () => {
    await shell?.close();
  });

  it('is restored when the same extract is opened again', async () => {
    const first = await openApp({ dataDir, viewport: { width: 1280, height: 800 } });
    shell = first;
    let page = first.page;
    await openDemo(page);
    // A fresh data folder: nothing to restore.
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    await page.getByTestId('nav-cohort').click();
    await page.locator('[data-testid=cohort-decision-years] input[data-value="2016"]').check();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-level').selectOption('province');
    // The autosave runs about a second after the last change.
    await expect.poll(() => draftLevel(page), { timeout: 15_000 }).toBe('province');
    await expectClean(first);
    // The crash: the browser and engine go away without extract.close.
    await first.close();

    const second = await openApp({ dataDir, viewport: { width: 1280, height: 800 } });
    shell = second;
    page = second.page;
    await openDemo(page);
    const notice = page.getByTestId('draft-restored');
    await notice.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await notice.textContent()).toMatch(/Je vorige werk is hersteld \(cohort en matrixkeuzes van \d{2}\/\d{2}\/\d{2,4}/);
    await page.getByTestId('nav-cohort').click();
    await page.getByTestId('cohort-view').waitFor();
    expect(await page.locator('[data-testid=cohort-decision-years] input[data-value="2016"]').isChecked()).toBe(true);
    await page.getByTestId('nav-matrix').click();
    expect(await page.getByTestId('matrix-level').inputValue()).toBe('province');
    await saveScreenshot(second, 'draft-restore--restored');
    await page.getByTestId('draft-restored-dismiss').click();
    expect(await notice.count()).toBe(0);
    await expectClean(second);
  });

  it('shows the notice once per restore: dismissed, it stays away on the next reopen until the work changes', async () => {
    // The dismissal is saved with the draft: wait until the workspace has it, not a fixed time.
    await expect.poll(async () => (await savedDraft(shell!.page))?.noticeSeen ?? null, { timeout: 15_000 }).toBe(true);
    await shell!.close();
    shell = await openApp({ dataDir, viewport: { width: 1280, height: 800 } });
    let page = shell.page;
    await openDemo(page);
    await page.getByTestId('nav-matrix').click();
    // The draft loads from the workspace after the open: wait for it, not for the click.
    await expect.poll(() => page.getByTestId('matrix-level').inputValue(), { message: 'the work is still restored', timeout: 15_000 }).toBe('province');
    expect(await page.getByTestId('draft-restored').count(), 'no notice for a restore already seen').toBe(0);
    // New work: the next restore says so again.
    await page.getByTestId('matrix-level').selectOption('region');
    await expect.poll(() => draftLevel(page), { timeout: 15_000 }).toBe('region');
    await shell.close();
    shell = await openApp({ dataDir, viewport: { width: 1280, height: 800 } });
    page = shell.page;
    await openDemo(page);
    await page.getByTestId('draft-restored').waitFor({ state: 'visible', timeout: 15_000 });
    expectClean(shell);
  });
});
