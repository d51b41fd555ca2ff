import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readReleasedFile } from '../../electron/engine/audit/release-proof';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AuditRecord } from '../../shared/disclosure/audit-entry';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { percentTable } from '../../shared/disclosure/percent-table';
import type { ProtectedCounts } from '../../shared/disclosure/protection';
import { saveScreenshot, useApp } from './support/shell-harness';

/**
 * "Export what you see" (issue 12, part C), end to end in the Chromium shell: the measure chosen
 * on screen (Rijpercentages) is what the .xlsx holds, as percentage numbers with the protected
 * ones marked [c], read back with exceljs and LibreOffice; the heatmap and the bar chart leave
 * as PNG/SVG drawn by the engine and recorded in the export log, which shows the cohort and the
 * full path.
 */

type Call = (request: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const engineCall = (page: Page, ns: string, fn: string, request: unknown) =>
  page.evaluate(
    ([n, f, r]) => ((window as unknown as { verhuis: Record<string, Record<string, Call>> }).verhuis[n as string]![f as string]!)(r),
    [ns, fn, request] as const,
  );
const EVERYONE = CohortDefinition.parse({ status: ['REFUGEE', 'SUBSIDIARY'] });
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

async function waitMatrix(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
      return !!el && el.dataset.pending === 'false' && el.dataset.revision !== '0';
    },
    undefined,
    { timeout: 60_000 },
  );
}

async function latestAudit(page: Page): Promise<AuditRecord> {
  const r = await engineCall(page, 'audit', 'list', { limit: 1 });
  expect(r.ok).toBe(true);
  return (r.value as { records: AuditRecord[] }).records[0];
}

/** Writes through the shell's path field (it has no native dialog) and waits for the success notice. */
async function writeThroughField(page: Page, kind: 'matrix' | 'chart', file: string): Promise<void> {
  const field = page.getByTestId(`${kind}-save-path-input`);
  await field.waitFor();
  await field.fill(file);
  await page.getByTestId(`${kind}-save-path-submit`).click();
  await page.getByTestId(`${kind}-export-done`).waitFor({ timeout: 60_000 });
}

describe('export what you see', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 } });
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'vv-ui-export-measure-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('exports Rijpercentages to .xlsx: percentage numbers, protected ones [c], the measure named; LibreOffice agrees', async () => {
    const { page } = app();
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-demo').click();
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-view').waitFor();
    await page.getByTestId('matrix-level').selectOption('province');
    await page.getByTestId('matrix-measure').selectOption('rowPct');
    await waitMatrix(page);
    expect(await page.getByTestId('matrix-export-measure').textContent()).toBe('Uitvoer in de gekozen maat: Rijpercentages.');

    // The protected table before the release: afterwards the release ledger may protect the same table further.
    const definition = { kind: 'state', level: 'province', vintage: '2019' } as const;
    const preview = await engineCall(page, 'disclosure', 'preview', { cohort: EVERYONE, definition });
    expect(preview.ok).toBe(true);
    const table = preview.value as ProtectedCounts;

    await page.getByTestId('matrix-export-xlsx').click();
    await page.getByTestId('matrix-save-path-input').waitFor();
    await saveScreenshot(app(), 'export-measure-dialog');
    const file = path.join(outDir, 'rijpercentages.xlsx');
    await writeThroughField(page, 'matrix', file);

    const rec = await latestAudit(page);
    // The entry's SHA-256 is of the content without the file's proof row (docs/secure-room.md).
    expect(rec.entry).toMatchObject({ output: 'xlsx', measure: 'rowPct', path: file, sha256: (await readReleasedFile(new Uint8Array(readFileSync(file)))).digest });
    // The release was of that cohort and definition: compare with the preview, in row percentages.
    expect(rec.entry.cohort).toEqual(EVERYONE);
    expect(rec.entry.table).toMatchObject({ kind: 'matrix', definition });
    const pct = percentTable(table, 'rowPct');
    expect(pct.protectedCount).toBeGreaterThan(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toMatch(/Rijpercentages$/);
    let numbers = 0;
    for (let r = 0; r < table.rows; r++) {
      for (let c = 0; c < table.cols; c++) {
        const want = pct.cells[r * table.cols + c];
        const cell = ws.getCell(r + 2, c + 2);
        if (want === 'protected') expect(cell.value, `r${r} c${c}`).toBe('[c]');
        else if (want === 'undefined') expect(cell.value ?? null).toBeNull();
        else {
          numbers++;
          expect(cell.value as number).toBeCloseTo(want, 3);
          expect(cell.numFmt).toBe('0.0%');
        }
      }
    }
    expect(numbers).toBeGreaterThan(0);
    const meta = wb.getWorksheet('Metadata')!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(meta).toContainEqual(['Maat', 'Rijpercentages']);

    // LibreOffice: number cells unquoted and shown as percentages, protected ones the quoted text [c].
    const out = mkdtempSync(path.join(os.tmpdir(), 'vv-soffice-'));
    const profile = mkdtempSync(path.join(os.tmpdir(), 'vv-lo-profile-'));
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
      const lines = readFileSync(path.join(out, 'rijpercentages.csv'), 'utf8').split(/\r?\n/);
      for (let r = 0; r < table.rows; r++) {
        const fields = lines[r + 1].split(',').slice(1, table.cols + 1);
        fields.forEach((f, c) => {
          const want = pct.cells[r * table.cols + c];
          if (want === 'protected') expect(f).toBe('"[c]"');
          else if (typeof want === 'number') expect(f).toBe(`${(Math.round(want * 1000) / 10).toFixed(1)}%`);
        });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  }, 240_000);

  it('exports the heatmap as PNG and the bar chart as SVG, drawn by the engine and recorded in the export log', async () => {
    const { page } = app();
    await page.getByTestId('matrix-tab-heatmap').click();
    await page.getByTestId('chart-export-png').click();
    const png = path.join(outDir, 'heatmap.png');
    await writeThroughField(page, 'chart', png);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    let rec = await latestAudit(page);
    expect(rec.entry).toMatchObject({ output: 'png', chart: 'heatmap', path: png, sha256: sha256(bytes) });

    await page.getByTestId('matrix-tab-bar').click();
    await page.getByTestId('chart-export-svg').click();
    const svg = path.join(outDir, 'netto.svg');
    await writeThroughField(page, 'chart', svg);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/^<svg /);
    expect(text).toContain('Netto migratie (instroom − uitstroom)');
    rec = await latestAudit(page);
    expect(rec.entry).toMatchObject({ output: 'svg', chart: 'net-bar', path: svg });
    await saveScreenshot(app(), 'export-measure-chart-done');
  });

  it('shows the cohort, the full path and what was drawn in the export log', async () => {
    const { page } = app();
    await page.getByTestId('nav-exportLog').click();
    const rows = page.locator('[data-testid=audit-table] tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    const first = rows.first();
    expect(await first.locator('.audit-table__file').textContent()).toBe(path.join(outDir, 'netto.svg'));
    expect(await first.textContent()).toContain('staafdiagram netto migratie');
    expect(await first.getByTestId('audit-cohort').textContent()).toMatch(/^Erkend vluchteling, Subsidiair beschermd/);
    expect(await rows.nth(2).textContent()).toContain('rijpercentages');
    await saveScreenshot(app(), 'export-measure-log');
  });

  it('in English: the heatmap tab offers the image export, and the matrix says which measure it exports', async () => {
    const { page } = app();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-matrix').click();
    await waitMatrix(page);
    await page.getByTestId('matrix-tab-table').click();
    await expect.poll(() => page.getByTestId('matrix-export-measure').textContent()).toBe('Exports the chosen measure: Row percentages.');
    await page.getByTestId('matrix-tab-heatmap').click();
    expect(await page.getByTestId('chart-export-png').textContent()).toBe('Image (PNG)');
    expect(await page.getByTestId('chart-export-png').getAttribute('title')).toMatch(/drawn in the engine from the protected table/);
    await saveScreenshot(app(), 'export-measure-heatmap-en');
    await page.getByTestId('lang-nl').click();
  });

  it('the Sankey and map tabs offer the image export: drawn by the engine with the tab\'s choices, recorded in the export log', async () => {
    const { page } = app();
    await page.getByTestId('nav-matrix').click();
    await waitMatrix(page);
    await page.getByTestId('matrix-tab-sankey').click();
    await page.getByTestId('sankey-stayers').check();
    // The buttons come with the panel's own matrix (its level), whatever the main view shows.
    await page.getByTestId('chart-export-svg').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('chart-export-png').textContent()).toBe('Afbeelding (PNG)');
    await page.getByTestId('chart-export-svg').click();
    const sankey = path.join(outDir, 'sankey.svg');
    await writeThroughField(page, 'chart', sankey);
    const text = readFileSync(sankey, 'utf8');
    expect(text).toContain('Vlaams Gewest');
    expect(text).toContain('[c] vertrouwelijke stroom');
    let rec = await latestAudit(page);
    expect(rec.entry).toMatchObject({ output: 'svg', chart: 'sankey', chartView: { stayers: true }, path: sankey, table: { kind: 'matrix', definition: { level: 'province' } } });

    await page.getByTestId('matrix-tab-map').click();
    await page.getByTestId('map-measure').selectOption('retention');
    await page.getByTestId('chart-export-png').waitFor({ timeout: 60_000 });
    await saveScreenshot(app(), 'export-map-tab');
    await page.getByTestId('chart-export-png').click();
    const map = path.join(outDir, 'kaart.png');
    await writeThroughField(page, 'chart', map);
    expect(readFileSync(map).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    rec = await latestAudit(page);
    expect(rec.entry).toMatchObject({ output: 'png', chart: 'map', chartView: { mapMeasure: 'retention', flows: true }, path: map, table: { kind: 'matrix', definition: { level: 'arrondissement' } } });

    await page.getByTestId('nav-exportLog').click();
    const first = page.locator('[data-testid=audit-table] tbody tr').first();
    await first.waitFor({ timeout: 30_000 });
    expect(await first.textContent()).toContain('kaart');
  });
});
