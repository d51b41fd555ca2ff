import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import type { ProtectedCounts } from '../../shared/disclosure/protection';
import { readReleasedFile } from '../../electron/engine/audit/release-proof';
import { onlyIn, saveScreenshot, useApp } from './support/shell-harness';

/**
 * Disclosure control in the UI, end to end, written once for both shells: protected cells marked
 * in the matrix with a legend, export to .xlsx through the save dialog (a fake injected in the
 * Chromium shell, Electron's real `dialog` with showSaveDialog stubbed in main), the entry in the
 * export log with the file's SHA-256 and a verified chain, the protected copy on the system
 * clipboard, the browser's own copy of grid cells blocked, the recipe written by the host, and
 * the policy panel (tighten only). The path field, which only the Chromium shell shows, has its own test.
 */

type Call = (request: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const engineCall = (page: Page, ns: string, fn: string, request: unknown) =>
  page.evaluate(
    ([n, f, r]) => ((window as unknown as { verhuis: Record<string, Record<string, Call>> }).verhuis[n as string]![f as string]!)(r),
    [ns, fn, request] as const,
  );

const REFUGEES = CohortDefinition.parse({ status: ['REFUGEE'] });
const ARR_STATE = { kind: 'state', level: 'arrondissement', vintage: '2019' } as const;
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

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

describe('Disclosure control, export, clipboard and the export log in the UI', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 } });
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'vv-ui-export-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  let xlsxPath = '';
  let xlsxSha = '';
  let clipboardSha = '';
  const clipboardText = () => app().clipboard.read();
  const pathFieldOnly = onlyIn('chromium', 'Electron shows its native save dialog, never the path field');

  it('opens the demo extract, builds a cohort of refugees and writes its recipe through the host', async () => {
    const shell = app();
    const { page } = shell;
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-demo').click();
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('nav-cohort').click();
    await page.getByTestId('cohort-view').waitFor();
    await page.locator('[data-testid=cohort-status] input[data-value=SUBSIDIARY]').uncheck();
    await expect.poll(() => page.getByTestId('cohort-live-count').getAttribute('data-pending'), { timeout: 30_000 }).toBe('false');

    await page.getByTestId('cohort-name').fill('Erkende vluchtelingen');
    await page.getByTestId('cohort-name').press('Enter');
    // The save dialog suggests a sensible name; the test answers with a path in its folder.
    await shell.dialogs.answerNextSave(path.join(outDir, 'Erkende vluchtelingen.cohort.json'));
    await page.locator('[data-testid=cohort-list] li[data-name="Erkende vluchtelingen"] [data-testid=cohort-export]').click();
    await expect.poll(() => page.getByTestId('library-notice').textContent()).toMatch(/Erkende vluchtelingen\.cohort\.json/);
    expect((await shell.dialogs.saveCalls()).at(-1)?.defaultName).toBe('Erkende vluchtelingen.cohort.json');
    const recipe = JSON.parse(readFileSync(path.join(outDir, 'Erkende vluchtelingen.cohort.json'), 'utf8')) as { kind: string; definition: { status: string[] } };
    expect(recipe.kind).toBe('verhuisverkenner.cohort');
    expect(recipe.definition.status).toEqual(['REFUGEE']);
  });

  it('marks the cells disclosure control will protect in the arrondissement state matrix, with the legend', async () => {
    const { page } = app();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-view').waitFor();
    await waitTable(page);
    const legend = page.getByTestId('disclosure-legend');
    await legend.locator('[data-testid=disclosure-method]').waitFor({ timeout: 60_000 });
    // The compact one-line legend; the full wording is the method's tooltip.
    expect(await legend.textContent()).toMatch(/onderdrukking, T = 10/);
    expect(await legend.locator('[data-testid=disclosure-method]').getAttribute('title')).toMatch(/onderdrukking, drempel T = 10/);

    const preview = await engineCall(page, 'disclosure', 'preview', { cohort: REFUGEES, definition: ARR_STATE });
    expect(preview.ok, JSON.stringify(preview.error)).toBe(true);
    const table = preview.value as ProtectedCounts;
    expect(table.counts.primary).toBeGreaterThan(0);
    // The legend counts every protected cell and margin per reason, as the engine does.
    for (const reason of ['primary', 'secondary', 'class'] as const) {
      const shown = await legend.locator(`li[data-reason=${reason}]`).getAttribute('data-count');
      expect(Number(shown), reason).toBe(table.counts[reason]);
    }
    const marked = page.locator('[data-testid=matrix-grid] .ag-cell.cell--protected');
    await expect.poll(() => marked.count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid=matrix-grid] .cell--protected-primary').count()).toBeGreaterThan(0);
    await saveScreenshot(app(), 'export-matrix-marked');
  });

  it('exports the matrix to .xlsx through the save dialog and shows the file, its SHA-256 and the counts', async () => {
    const shell = app();
    const { page } = shell;
    xlsxPath = path.join(outDir, 'vluchtelingen-arrondissementen.xlsx');
    await shell.dialogs.answerNextSave(xlsxPath);
    await page.getByTestId('matrix-export-xlsx').click();
    const done = page.getByTestId('matrix-export-done');
    await done.waitFor({ timeout: 60_000 });
    expect((await shell.dialogs.saveCalls()).at(-1)?.defaultName).toMatch(/^verhuismatrix-toestand-arrondissement-2019-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(existsSync(xlsxPath)).toBe(true);
    // The content the audit entry records: the file without its proof row (what audit verify --export recomputes).
    xlsxSha = (await readReleasedFile(readFileSync(xlsxPath))).digest!;
    expect(await done.locator('[data-sha256]').getAttribute('data-sha256')).toBe(xlsxSha);
    const text = (await done.textContent()) ?? '';
    expect(text).toContain('vluchtelingen-arrondissementen.xlsx');
    expect(text).toContain(xlsxSha);
    expect(text).toMatch(/primair: \d+, secundair: \d+, klasse: \d+, afgerond: 0/);
    await done.scrollIntoViewIfNeeded();
    await saveScreenshot(app(), 'export-success');
  });

  it(`without a save dialog shows a path field in the last folder used, and refuses a relative path${pathFieldOnly ? ` — skipped: ${pathFieldOnly}` : ''}`, async (context) => {
    if (pathFieldOnly) {
      context.skip(pathFieldOnly);
      return;
    }
    const { page } = app();
    // No answer queued: the fake says "no dialog", as the Chromium shell does.
    await page.getByTestId('matrix-export-csv').click();
    const field = page.getByTestId('matrix-save-path-input');
    await field.waitFor();
    // The folder of the last export is remembered.
    expect(await field.inputValue()).toMatch(new RegExp(`^${outDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/verhuismatrix-toestand-arrondissement-2019-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    await field.fill('matrix.csv');
    await page.getByTestId('matrix-save-path-submit').click();
    await expect.poll(() => page.getByTestId('matrix-save-path').locator('[role=alert]').textContent()).toMatch(/volledig pad/);
    expect(existsSync(path.join(process.cwd(), 'matrix.csv'))).toBe(false);
    // Copy and paste in a text field still work (the guard is for grid cells only).
    await field.fill('/tmp/gewoon-tekst');
    await field.selectText();
    await page.keyboard.press('Control+c');
    await expect.poll(() => clipboardText()).toBe('/tmp/gewoon-tekst');
    await field.press('Escape');
    await expect.poll(() => page.getByTestId('matrix-save-path').count()).toBe(0);
  });

  it('copies the protected table to the clipboard through the host; Ctrl+C on grid cells copies nothing', async () => {
    const shell = app();
    const { page } = shell;
    const selectAndCopy = async (selector: string) => {
      const selected = await page.evaluate((sel) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(sel)!);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return getSelection()!.toString();
      }, selector);
      await page.keyboard.press('Control+c');
      return selected;
    };
    // Control: Ctrl+C on ordinary text outside the tables does copy (so the harness's clipboard works).
    const summary = await selectAndCopy('[data-testid=matrix-summary]');
    await expect.poll(() => clipboardText()).toBe(summary);

    await page.getByTestId('matrix-copy').click();
    const done = page.getByTestId('matrix-export-done');
    await expect.poll(() => done.textContent(), { timeout: 60_000 }).toMatch(/klembord/);
    // The system clipboard holds what the engine released: the same SHA-256 as the message shows.
    const copied = await clipboardText();
    expect(copied).toContain('[c]');
    expect(copied.split(/\r?\n/)[0]).toContain('\t');
    clipboardSha = sha256(copied);
    expect(await done.locator('[data-sha256]').getAttribute('data-sha256')).toBe(clipboardSha);

    // A focused primary cell and Ctrl+C: the copy is cancelled and the analyst is told why.
    const cell = page.locator('[data-testid=matrix-grid] .ag-center-cols-container .ag-cell.cell--protected-primary').first();
    expect(((await cell.textContent()) ?? '').trim()).toMatch(/^\d+$/);
    await cell.click();
    await page.keyboard.press('Control+c');
    await page.getByTestId('copy-blocked').waitFor();
    expect(await clipboardText()).toBe(copied);
    // The whole grid selected and copied (keyboard and the editing command): nothing gets through.
    await selectAndCopy('[data-testid=matrix-grid]');
    await page.evaluate(() => document.execCommand('copy'));
    expect(await clipboardText()).toBe(copied);
    await saveScreenshot(shell, 'export-copy-blocked');

    // The corridors table is plain, selectable text with raw counts: blocked as well.
    await page.getByTestId('matrix-tab-corridors').click();
    await page.getByTestId('corridors-table').waitFor();
    const rawText = await selectAndCopy('[data-testid=corridors-table] tbody tr');
    expect(rawText).toMatch(/\d/);
    expect(await clipboardText()).toBe(copied);
    // Dragging that selection out (to another program) is cancelled like a copy.
    const dragAllowed = await page.evaluate(() => {
      const text = document.querySelector('[data-testid=corridors-table] tbody td')!.firstChild!;
      return text.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() }));
    });
    expect(dragAllowed).toBe(false);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.getByTestId('matrix-tab-table').click();
  });

  it('lists both outputs in the export log with the file\'s SHA-256 and verifies the chain', async () => {
    const { page } = app();
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.getByTestId('nav-exportLog').click();
    const rows = page.locator('[data-testid=audit-table] tbody tr');
    // The recipe file (a non-data release), the .xlsx and the clipboard.
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    expect(await page.locator('[data-testid=audit-table] tr[data-file="Erkende vluchtelingen.cohort.json"]').textContent()).toMatch(/JSON.*receptbestand Erkende vluchtelingen \(geen gegevens\)/);
    const xlsxRow = page.locator(`[data-testid=audit-table] tr[data-sha256="${xlsxSha}"]`);
    expect(await xlsxRow.getAttribute('data-file')).toBe('vluchtelingen-arrondissementen.xlsx');
    expect(await xlsxRow.textContent()).toMatch(/XLSX.*Toestand, arrondissement, indeling 2019/);
    expect(await page.locator(`[data-testid=audit-table] tr[data-sha256="${clipboardSha}"]`).textContent()).toMatch(/klembord/);
    const verdict = page.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await verdict.textContent()).toMatch(/Keten in orde: 3 items/);
    const engineVerdict = await engineCall(page, 'audit', 'verify', {});
    expect(engineVerdict).toMatchObject({ ok: true, value: { ok: true, entries: 3, brokenAt: null } });
    await saveScreenshot(app(), 'export-log');
  });

  it('replaces an existing file only after the user confirmed', async () => {
    const { page } = app();
    await page.getByTestId('nav-matrix').click();
    await waitTable(page);
    const before = readFileSync(xlsxPath);
    const exportAgain = async () => {
      await page.getByTestId('matrix-export-xlsx').click();
      const field = page.getByTestId('matrix-save-path-input');
      await field.fill(xlsxPath);
      await page.getByTestId('matrix-save-path-submit').click();
      await page.getByTestId('matrix-overwrite').waitFor({ timeout: 60_000 });
    };
    await exportAgain();
    expect(await page.getByTestId('matrix-overwrite').textContent()).toMatch(/vluchtelingen-arrondissementen\.xlsx bestaat al/);
    await page.getByTestId('matrix-overwrite').scrollIntoViewIfNeeded();
    await saveScreenshot(app(), 'export-overwrite-confirm');
    await page.getByTestId('matrix-overwrite-cancel').click();
    expect(readFileSync(xlsxPath).equals(before)).toBe(true);
    await exportAgain();
    await page.getByTestId('matrix-overwrite-confirm').click();
    await page.getByTestId('matrix-export-done').waitFor({ timeout: 60_000 });
    expect(readFileSync(xlsxPath).equals(before)).toBe(false);
  });

  it('shows the active policy and lets the user tighten it, never below the floor', async () => {
    const { page } = app();
    await page.getByTestId('nav-exportLog').click();
    const panel = page.getByTestId('policy-panel');
    await panel.scrollIntoViewIfNeeded();
    expect(await panel.getByTestId('policy-threshold').textContent()).toMatch(/T = 10/);
    expect(await panel.getByTestId('policy-idle').textContent()).toMatch(/15 minuten/);
    expect(await panel.getByTestId('policy-source').textContent()).toMatch(/standaardwaarden/);
    const threshold = panel.getByTestId('policy-threshold-input');
    expect(await threshold.getAttribute('min')).toBe('10');
    expect(await panel.getByTestId('policy-idle-input').getAttribute('max')).toBe('15');
    // A looser value typed anyway is clamped to the floor.
    await threshold.fill('4');
    await panel.getByTestId('policy-save').click();
    await panel.getByTestId('policy-saved').waitFor();
    expect(await panel.getByTestId('policy-threshold').textContent()).toMatch(/T = 10/);
    await threshold.fill('12');
    await panel.getByTestId('policy-idle-input').fill('10');
    await panel.getByTestId('policy-save').click();
    await expect.poll(() => panel.getByTestId('policy-threshold').textContent()).toMatch(/T = 12/);
    expect(await panel.getByTestId('policy-idle').textContent()).toMatch(/10 minuten/);
    expect(await panel.getByTestId('policy-source').textContent()).toMatch(/aangescherpt door u/);
    const policy = await engineCall(page, 'disclosure', 'policy', {});
    expect(policy).toMatchObject({ ok: true, value: { policy: { threshold: 12, idleLockMinutes: 10 }, user: { threshold: 12, idleLockMinutes: 10 } } });
    await panel.screenshot({ path: path.join(path.dirname((await saveScreenshot(app(), 'export-policy-page'))), 'export-policy-panel.png') });
    // The matrix legend follows the tightened policy.
    await page.getByTestId('nav-matrix').click();
    await waitTable(page);
    await expect.poll(() => page.getByTestId('disclosure-method').textContent(), { timeout: 60_000 }).toMatch(/T = 12/);
  });

});
