import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, useApp } from './support/shell-harness';
import { REPO_ROOT } from './support/paths';

/**
 * The profile chart from the Profiel view: the engine draws it from the protected profile tables
 * (PNG and SVG), the image hatches exactly the counts the screen marks, and the labels follow
 * the language. Screenshots of the view and the image itself are kept for a look.
 */
async function waitReady(page: Page, view: string) {
  await page.waitForFunction((v) => document.querySelector<HTMLElement>(`[data-testid=${v}]`)?.dataset.ready === 'true', view, { timeout: 60_000 });
}

async function exportChart(page: Page, format: 'png' | 'svg', file: string) {
  await page.getByTestId(`profile-chart-export-${format}`).click();
  await page.getByTestId('profile-chart-save-path-input').fill(file);
  await page.getByTestId('profile-chart-save-path-submit').click();
  await page.getByTestId('profile-chart-export-done').waitFor({ timeout: 120_000 });
}

describe('Profile chart image', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1400, height: 1000 } });
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'vv-ui-profile-chart-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('exports the profile as PNG and SVG from the Profiel view, hatching what the screen marks, NL and EN', async () => {
    const shell = app();
    const { page } = shell;
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-demo').click();
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('nav-profile').click();
    await waitReady(page, 'profile-view');
    await page.getByTestId('disclosure-legend').waitFor();
    await expect.poll(() => page.getByTestId('profile-chart-export-png').textContent()).toBe('Grafiek (PNG)');
    const marked = await page.locator('.profile-table tbody td.cell--protected').count();

    const png = path.join(outDir, 'profiel.png');
    await exportChart(page, 'png', png);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    await saveScreenshot(shell, 'profile-chart-export-nl');
    const shots = path.join(REPO_ROOT, 'artifacts', 'screenshots');
    mkdirSync(shots, { recursive: true });
    copyFileSync(png, path.join(shots, 'profile-chart-image-nl.png'));

    const svgFile = path.join(outDir, 'profiel.svg');
    await exportChart(page, 'svg', svgFile);
    const svg = readFileSync(svgFile, 'utf8');
    expect(svg).toContain('Profiel van het cohort (aantal personen)');
    expect(svg).toContain('Erkend vluchteling');
    // The image hatches exactly as many counts as the screen marks (published values only).
    expect((svg.match(/data-protected="1"/g) ?? []).length).toBe(marked);

    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('profile-chart-export-png').textContent()).toBe('Chart (PNG)');
    const pngEn = path.join(outDir, 'profile.png');
    await exportChart(page, 'png', pngEn);
    copyFileSync(pngEn, path.join(shots, 'profile-chart-image-en.png'));
    const svgEn = path.join(outDir, 'profile.svg');
    await exportChart(page, 'svg', svgEn);
    expect(readFileSync(svgEn, 'utf8')).toContain('Cohort profile (number of persons)');
    await page.getByTestId('lang-nl').click();
  }, 300_000);
});
