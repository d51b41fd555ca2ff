import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { QUALITY_CHECKS } from '../../shared/quality/quality-report';
import { QUALITY_RULES } from '../../shared/quality/quality-rules';
import { saveScreenshot, useApp } from './support/shell-harness';
import { makeTempDir } from '../support/temp-dirs';

/**
 * Issue 13: the data-quality report on the overview after open (every check with its rule,
 * small counts as "< 10", exported through the audited path) and the vintage notes where the
 * vintage is chosen, in NL and EN, with screenshots.
 */
const app = useApp();
const out = makeTempDir('vv-e2e-quality-');

async function openDemo(page: Page): Promise<void> {
  await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByTestId('open-demo').click();
  await page.getByTestId('open-passphrase').press('Enter');
  await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
}

describe('data-quality report and vintage notes', () => {
  it('shows every check with its rule on the overview after open, no count from 1 to 9', async () => {
    const { page } = app();
    await page.setViewportSize({ width: 1280, height: 800 });
    await openDemo(page);
    await page.getByTestId('quality-table').waitFor({ timeout: 60_000 });
    const rows = page.locator('[data-testid=quality-table] tbody tr');
    expect(await rows.count()).toBe(QUALITY_CHECKS.length);
    const text = await page.getByTestId('quality-table').textContent();
    for (const check of QUALITY_CHECKS) {
      expect(text).toContain(QUALITY_RULES[check].label.nl);
      expect(text).toContain(QUALITY_RULES[check].rule.nl);
    }
    const counts = await page.locator('[data-testid=quality-table] td.num').allTextContents();
    for (const c of counts) expect(c, c).toMatch(/^(|0|< 10|\d{2,}|\d{1,3}(\.\d{3})+)$/);
    await saveScreenshot(app(), 'quality-overview-nl');
    // The open report does not squeeze the browse grid: the overview scrolls instead.
    expect((await page.getByTestId('browse-grid').boundingBox())!.height).toBeGreaterThan(300);
  });

  it('exports the report through the path field and says where it went', async () => {
    const { page } = app();
    const file = path.join(out, 'datakwaliteit.xlsx');
    await page.getByTestId('quality-export-xlsx').click();
    await page.getByTestId('quality-save-path-input').fill(file);
    await page.getByTestId('quality-save-path-submit').click();
    await page.getByTestId('quality-export-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('quality-export-done').textContent()).toContain('datakwaliteit.xlsx');
    expect(existsSync(file)).toBe(true);
  });

  it('speaks English when the UI does', async () => {
    const { page } = app();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('quality-panel').locator('summary').textContent()).toMatch(/^Data quality/);
    const text = await page.getByTestId('quality-table').textContent();
    expect(text).toContain(QUALITY_RULES.moveOnDecisionDay.rule.en);
    await saveScreenshot(app(), 'quality-overview-en');
  });

  it('explains the chosen vintage beside the vintage choice, in NL and EN', async () => {
    const { page } = app();
    for (const lang of ['nl', 'en'] as const) {
      await page.getByTestId(`lang-${lang}`).click();
      await page.getByTestId('nav-matrix').click();
      await page.getByTestId('matrix-vintage').selectOption('2014');
      const notes = page.getByTestId('vintage-notes');
      if ((await notes.getAttribute('open')) === null) await notes.locator('summary').click();
      const text = await notes.textContent();
      expect(text).toContain('55022');
      expect(text).toContain('11002');
      expect(text).toContain('Kortessem');
      expect(await notes.locator('li').first().getAttribute('data-note')).toBe('recode');
      await saveScreenshot(app(), `vintage-notes-2014-${lang}`);
      await page.getByTestId('matrix-vintage').selectOption('2025');
      expect(await notes.locator('li').first().getAttribute('data-note')).toBe('borders');
      expect(await notes.locator('summary').getAttribute('aria-label')).toContain('2025');
      await saveScreenshot(app(), `vintage-notes-2025-${lang}`);
      await notes.locator('summary').click();
    }
    await page.getByTestId('lang-nl').click();
  });
});
