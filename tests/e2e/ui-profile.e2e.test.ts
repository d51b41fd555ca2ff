import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { applyCipher } from '../../electron/engine/extract/cipher';
import { installReferenceTables, areaSql, locationSql } from '../matrix/sql-reference';
import { saveScreenshot, useApp } from './support/shell-harness';
import { REPO_ROOT } from './support/paths';

/**
 * The cohort profile and the cross-tab builder end to end in the Chromium shell, on the demo
 * extract: the note's profile (refugees vs subsidiary protection, top nationalities, minors, men,
 * share per region at decision) equals plain SQL on the extract; nationality × region at decision
 * with protected cells marked; export to .xlsx and .csv read back by LibreOffice.
 */
const DEMO = path.join(REPO_ROOT, 'resources', 'demo', 'demo-extract.db');
const PASS = 'demo-verhuisverkenner';

interface NoteProfile {
  n: number;
  refugee: number;
  subsidiary: number;
  men: number;
  minors: number;
  topNationalities: string[];
  regions: Record<string, number>;
}

/** The note's figures for everyone granted protection, by plain SQL on the extract (shares no code with the engine's counts). */
async function noteProfileBySql(): Promise<NoteProfile> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vv-profile-sql-'));
  // A copy of the demo, opened directly (the reference tables are TEMP tables; the app's extract stays untouched).
  const copy = path.join(dir, 'demo.db');
  copyFileSync(DEMO, copy);
  const db = new Database(copy);
  try {
    applyCipher(db, { preset: 'sqlcipher4' }, Buffer.from(PASS, 'utf8'));
    db.pragma('temp_store=MEMORY');
    installReferenceTables(db);
    const where = "pp.status IN ('REFUGEE', 'SUBSIDIARY')";
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    const n = one(`SELECT COUNT(*) FROM pp WHERE ${where}`);
    const regions: Record<string, number> = {};
    const region = areaSql('2019', 'region', `COALESCE(${locationSql('2019', 'pp.ddate')}, 'UNKNOWN')`);
    for (const r of db.prepare(`SELECT ${region} AS a, COUNT(*) AS k FROM pp WHERE ${where} GROUP BY 1`).all() as { a: string; k: number }[]) regions[r.a] = r.k / n;
    return {
      n,
      refugee: one(`SELECT COUNT(*) FROM pp WHERE pp.status = 'REFUGEE'`) / n,
      subsidiary: one(`SELECT COUNT(*) FROM pp WHERE pp.status = 'SUBSIDIARY'`) / n,
      men: one(`SELECT COUNT(*) FROM pp WHERE ${where} AND pp.sex = 'M'`) / n,
      minors: one(`SELECT COUNT(*) FROM pp WHERE ${where} AND pp.age < 18`) / n,
      topNationalities: db.prepare(`SELECT nationality FROM pp WHERE ${where} GROUP BY nationality ORDER BY COUNT(*) DESC, nationality LIMIT 5`).pluck().all() as string[],
      regions,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const shareOf = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

async function waitReady(page: Page, view: string) {
  await page.waitForFunction((v) => document.querySelector<HTMLElement>(`[data-testid=${v}]`)?.dataset.ready === 'true', view, { timeout: 60_000 });
}

/** LibreOffice's reading of a file as CSV; every text cell quoted, so unquoted fields are numbers. */
function readBackWithLibreOffice(file: string, infilter?: string): { value: string; quoted: boolean }[][] {
  const out = mkdtempSync(path.join(os.tmpdir(), 'vv-lo-out-'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'vv-lo-profile-'));
  try {
    const args = [`-env:UserInstallation=file://${profile}`, '--headless'];
    if (infilter) args.push(`--infilter=${infilter}`);
    // Convert to xlsx first for a CSV input (LibreOffice types the cells on import), then to quoted CSV.
    let source = file;
    if (infilter) {
      execFileSync('soffice', [...args, '--convert-to', 'xlsx', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
      source = path.join(out, `${path.basename(file, path.extname(file))}.xlsx`);
    }
    const csvOut = path.join(out, 'csv');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true', '--outdir', csvOut, source], { stdio: 'ignore', timeout: 120_000 });
    const text = readFileSync(path.join(csvOut, `${path.basename(source, path.extname(source))}.csv`), 'utf8');
    return text.split(/\r?\n/).filter(Boolean).map((line) => {
      const fields: { value: string; quoted: boolean }[] = [];
      const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) && m[0] !== '') {
        fields.push(m[2] !== undefined ? { value: m[2].replace(/""/g, '"'), quoted: true } : { value: m[1], quoted: false });
        if (m[3] === '') break;
      }
      return fields;
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

describe('Profile and cross-tab views', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1400, height: 1000 } });
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'vv-ui-profile-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));
  let note: NoteProfile;

  it("reproduces the note's profile of the demo (status, top nationalities, minors, men, region at decision), NL and EN", async () => {
    note = await noteProfileBySql();
    expect(note.n).toBeGreaterThan(5_000);
    const shell = app();
    const { page } = shell;
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-demo').click();
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('nav-profile').click();
    await waitReady(page, 'profile-view');
    expect(Number(await page.getByTestId('profile-size').getAttribute('data-n'))).toBe(note.n);
    expect(await shareOf(page, 'profile-h-refugee')).toBeCloseTo(note.refugee, 10);
    expect(await shareOf(page, 'profile-h-subsidiary')).toBeCloseTo(note.subsidiary, 10);
    expect(await shareOf(page, 'profile-h-men')).toBeCloseTo(note.men, 10);
    expect(await shareOf(page, 'profile-h-minors')).toBeCloseTo(note.minors, 10);
    // Top nationalities in order, then "other".
    const natCodes = await page.locator('[data-testid=profile-nationality] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code));
    expect(natCodes.slice(0, 5)).toEqual(note.topNationalities);
    expect(natCodes.at(-1)).toBe('OTHER_GROUP');
    // Region at decision: every share as SQL gives it.
    const regionShares = await page.locator('[data-testid=profile-regionAtDecision] tbody tr').evaluateAll((rows) =>
      rows.map((r) => [(r as HTMLElement).dataset.code, Number(r.querySelector<HTMLElement>('[data-share]')!.dataset.share)] as const),
    );
    for (const [code, share] of regionShares) expect(share).toBeCloseTo(note.regions[code!] ?? 0, 10);
    expect(regionShares.map(([c]) => c).slice(0, 3).sort()).toEqual(['02000', '03000', '04000']);
    // Dutch labels on screen; the legend is there.
    await expect.poll(() => page.getByTestId('profile-view').textContent()).toMatch(/Erkend vluchteling.*Vlaams Gewest/s);
    await page.getByTestId('disclosure-legend').waitFor();
    await saveScreenshot(shell, 'profile-nl');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('profile-view').textContent()).toMatch(/Cohort profile.*Recognised refugee/s);
    expect(await page.getByTestId('profile-view').textContent()).toMatch(/minor at decision/);
    await saveScreenshot(shell, 'profile-en');
    await page.getByTestId('lang-nl').click();
  });

  it('exports the profile to .xlsx: one sheet per table, numbers as numbers', async () => {
    const { page } = app();
    await page.getByTestId('profile-export-xlsx').click();
    const file = path.join(outDir, 'profiel.xlsx');
    await page.getByTestId('profile-save-path-input').fill(file);
    await page.getByTestId('profile-save-path-submit').click();
    await page.getByTestId('profile-export-done').waitFor({ timeout: 60_000 });
    const rows = readBackWithLibreOffice(file);
    expect(rows[0][0].value).toBe('Beschermingsstatus');
    expect(rows[1].slice(1).every((f) => !f.quoted)).toBe(true); // the counts of the first sheet are numbers
  }, 180_000);

  it('crosses nationality × region at decision, marks protected cells, and exports xlsx and csv that LibreOffice reads back', async () => {
    const shell = app();
    const { page } = shell;
    await page.getByTestId('nav-crosstab').click();
    await waitReady(page, 'crosstab-view');
    // The default: nationality (top 10) × region at decision; switch to all nationalities so small cells appear.
    await page.getByTestId('crosstab-rows-top').selectOption('all');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=crosstab-table]')?.dataset.marked === 'true' && Number(document.querySelector<HTMLElement>('[data-testid=crosstab-table]')!.dataset.rows) > 11, undefined, { timeout: 60_000 });
    const table = page.getByTestId('crosstab-table');
    const header = await table.locator('thead th').allTextContents();
    expect(header[0]).toBe('Nationaliteit \\ Gewest bij beslissing (2019)');
    expect(header).toContain('Vlaams Gewest (02000)');
    const marked = await table.locator('td.cell--protected').count();
    expect(marked).toBeGreaterThan(0);
    // Every marked cell on screen is one the preview protects, and every cell with 1..9 persons is marked.
    const cells = await table.locator('tbody td[data-count]').evaluateAll((tds) => tds.map((td) => ({ n: Number((td as HTMLElement).dataset.count), status: (td as HTMLElement).dataset.status, marked: td.classList.contains('cell--protected') })));
    for (const c of cells) {
      expect(c.marked).toBe(c.status !== '.');
      if (c.n > 0 && c.n < 10) expect(c.marked).toBe(true);
    }
    await page.getByTestId('crosstab-measure').selectOption('rowPercent');
    await expect.poll(() => table.locator('tbody tr').first().locator('td').last().textContent()).toMatch(/^100,0\s%$/);
    await table.locator('td.cell--protected').first().scrollIntoViewIfNeeded();
    await saveScreenshot(shell, 'crosstab-nl');

    const xlsx = path.join(outDir, 'kruistabel.xlsx');
    await page.getByTestId('crosstab-export-xlsx').click();
    await page.getByTestId('crosstab-save-path-input').fill(xlsx);
    await page.getByTestId('crosstab-save-path-submit').click();
    await page.getByTestId('crosstab-export-done').waitFor({ timeout: 60_000 });
    const x = readBackWithLibreOffice(xlsx);
    expect(x[0][0]).toEqual({ value: 'Nationaliteit \\ Gewest bij beslissing (2019)', quoted: true });
    const body = x.slice(1, cells.length / 7 + 2);
    let suppressed = 0;
    for (const row of body)
      for (const f of row.slice(1)) {
        if (f.value === '[c]') {
          suppressed++;
          expect(f.quoted).toBe(true);
        } else expect(f.quoted, `number cell ${f.value}`).toBe(false);
      }
    expect(suppressed).toBeGreaterThanOrEqual(marked);

    const csv = path.join(outDir, 'kruistabel.csv');
    await page.getByTestId('crosstab-export-csv').click();
    await page.getByTestId('crosstab-save-path-input').fill(csv);
    await page.getByTestId('crosstab-save-path-submit').click();
    await expect.poll(() => page.getByTestId('crosstab-export-done').locator('[data-file]').getAttribute('data-file'), { timeout: 60_000 }).toMatch(/kruistabel\.csv$/);
    // Semicolons, UTF-8: LibreOffice types the cells on import; the same values as the xlsx.
    const c = readBackWithLibreOffice(csv, 'CSV:59,34,76,1');
    expect(c.slice(1, body.length + 1).map((r) => r.map((f) => f.value))).toEqual(body.map((r) => r.map((f) => f.value)));
    for (const row of c.slice(1, body.length + 1)) for (const f of row.slice(1)) expect(f.quoted).toBe(f.value === '[c]');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => table.locator('thead th').first().textContent()).toBe('Nationality \\ Region at decision (2019)');
    await saveScreenshot(shell, 'crosstab-en');
    await page.getByTestId('lang-nl').click();
  }, 300_000);
});
