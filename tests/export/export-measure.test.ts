import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type TestEngine } from '../support/test-engine';
import { makeTempDir } from '../support/make-extract';
import { useExportEngine } from './export-session';
import { percentTable, type PercentValue } from '../../shared/disclosure/percent-table';
import type { ProtectedCounts } from '../../shared/disclosure/protection';

let t: TestEngine;
let dir: string;
const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
const DEF = { kind: 'state' as const, level: 'province' as const };

useExportEngine('vv-export-measure-', (engine, folder) => {
  t = engine;
  dir = folder;
});

/** The grid of a protected table in a measure (cells + row total, then the totals row), in row-major order. */
function grid(p: ProtectedCounts, measure: 'rowPct' | 'colPct'): PercentValue[][] {
  const pt = percentTable(p, measure);
  const rows: PercentValue[][] = [];
  for (let r = 0; r < p.rows; r++) rows.push([...pt.cells.slice(r * p.cols, (r + 1) * p.cols), pt.rowTotals[r]]);
  rows.push([...pt.colTotals, pt.total]);
  return rows;
}

/** "42,9%" as Belgian text outputs write a fraction. */
const pctText = (v: PercentValue, comma = true): string => {
  if (v === 'protected') return '[c]';
  if (v === 'undefined') return '';
  const s = (Math.round(v * 1000) / 10).toFixed(1) + '%';
  return comma ? s.replace('.', ',') : s;
};

describe('export what you see: the measure on screen', () => {
  it('writes row percentages to .xlsx as percentage numbers, protected ones as [c], and says which measure it is', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    const expected = grid(preview, 'rowPct');
    // The fixture has protected cells in rows whose total is published, and published cells: both cases are tested.
    expect(expected.flat().filter((v) => v === 'protected').length).toBeGreaterThan(0);
    expect(expected.flat().filter((v) => typeof v === 'number').length).toBeGreaterThan(0);

    const file = path.join(dir, 'rij.xlsx');
    await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: file, language: 'nl', measure: 'rowPct' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toContain('Rijpercentages');
    for (let r = 0; r < expected.length; r++) {
      for (let c = 0; c < expected[r].length; c++) {
        const cell = ws.getCell(r + 2, c + 2);
        const want = expected[r][c];
        if (want === 'protected') expect(cell.value, `r${r} c${c}`).toBe('[c]');
        else if (want === 'undefined') expect(cell.value ?? null).toBeNull();
        else {
          expect(cell.value, `r${r} c${c}`).toBe(Math.round(want * 1000) / 1000);
          expect(cell.numFmt).toBe('0.0%');
        }
      }
    }
    const meta = wb.getWorksheet('Metadata')!;
    const metaRows = meta.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(metaRows).toContainEqual(['Maat', 'Rijpercentages']);
    const legend = wb.getWorksheet('Legende')!;
    expect(legend.getSheetValues().some((row) => String((row as unknown[] | undefined)?.[1] ?? '').includes('[c] bij een percentage'))).toBe(true);

    const { records } = await t.value('audit.list', {});
    expect(records[0].entry).toMatchObject({ output: 'xlsx', measure: 'rowPct', fileName: 'rij.xlsx', path: file });
  });

  it('LibreOffice reads the row percentages back as numbers (shown as percentages) and the protected ones as text [c]', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    const expected = grid(preview, 'rowPct');
    const file = path.join(dir, 'rij-lo.xlsx');
    await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: file, language: 'nl', measure: 'rowPct' });
    const out = makeTempDir('vv-soffice-');
    const profile = makeTempDir('vv-lo-profile-');
    try {
      // Token 7 = true: text cells quoted, so an unquoted field is a number cell (formatted as shown: "42.9%").
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
      const lines = readFileSync(path.join(out, 'rij-lo.csv'), 'utf8').split(/\r?\n/);
      for (let r = 0; r < expected.length; r++) {
        const fields = lines[r + 1].split(',').slice(1);
        expected[r].forEach((want, c) => {
          if (want === 'protected') expect(fields[c], `r${r} c${c}`).toBe('"[c]"');
          else if (want === 'undefined') expect(fields[c]).toBe('');
          else expect(fields[c], `r${r} c${c}`).toBe(pctText(want, false)); // unquoted: a number cell
        });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);

  it('writes column percentages to CSV with a decimal comma and a percent sign, and names the measure', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    const expected = grid(preview, 'colPct');
    const file = path.join(dir, 'kol.csv');
    await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'csv', path: file, language: 'nl', measure: 'colPct' });
    const lines = readFileSync(file, 'utf8').slice(1).split('\r\n');
    expect(lines[0].split(';')[0]).toContain('Kolompercentages');
    const body = lines.slice(1, preview.rows + 2).map((l) => l.split(';').slice(1));
    expect(body).toEqual(expected.map((row) => row.map((v) => pctText(v))));
    expect(lines).toContain('Maat;Kolompercentages');
  });

  it('copies the chosen measure to the clipboard, followed by the legend', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    const r = await t.value('export.clipboard', { cohort: COHORT, definition: DEF, language: 'en', measure: 'rowPct' });
    const lines = r.text.split('\n');
    expect(lines[0]).toContain('Row percentages');
    const body = lines.slice(1, preview.rows + 2).map((l) => l.split('\t').slice(1));
    expect(body).toEqual(grid(preview, 'rowPct').map((row) => row.map((v) => pctText(v, false))));
    expect(lines[preview.rows + 2]).toBe('');
    expect(lines[preview.rows + 3]).toMatch(/^\[c\] = confidential/);
    const counts = await t.value('export.clipboard', { cohort: COHORT, definition: DEF, language: 'nl' });
    expect(counts.text).toMatch(/\n\n\[c\] = vertrouwelijk: minder dan 10 personen/);
  });

  it('writes retention and effectiveness the same way: percentages with one decimal, in CSV and in .xlsx', async () => {
    const csv = path.join(dir, 'maten.csv');
    const xlsx = path.join(dir, 'maten.xlsx');
    await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'csv', path: csv, language: 'nl' });
    await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: xlsx, language: 'nl' });
    const lines = readFileSync(csv, 'utf8').slice(1).split('\r\n');
    const head = lines.findIndex((l) => l.startsWith('Gebied;'));
    expect(lines[head]).toBe('Gebied;Blijvers;Instroom;Uitstroom;Netto;Retentie;Effectiviteit');
    const rows = lines.slice(head + 1, lines.indexOf('', head)).map((l) => l.split(';'));
    expect(rows.length).toBeGreaterThan(0);
    let published = 0;
    for (const row of rows) {
      for (const v of row.slice(5, 7)) {
        expect(v === '[c]' || /^-?\d{1,3},\d%$/.test(v), v).toBe(true);
        if (v !== '[c]') published++;
      }
    }
    expect(published).toBeGreaterThan(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Maten per gebied')!;
    rows.forEach((row, i) => {
      for (const c of [5, 6]) {
        const cell = ws.getCell(i + 2, c + 1);
        if (row[c] === '[c]') expect(cell.value).toBe('[c]');
        else {
          expect(cell.numFmt).toBe('0.0%');
          // The same figure as the CSV, stored as the rounded fraction (0.429, not 0.428571428571429).
          expect(cell.value as number).toBeCloseTo(Number(row[c].replace(',', '.').replace('%', '')) / 100, 12);
        }
      }
    });
  });

  it('explains a write error in words, not as an error code', async () => {
    const r = await t.call('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: path.join(dir, 'no-such-folder', 'x.xlsx'), language: 'nl' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('WRITE_FAILED');
    expect(r.error.message.nl).toBe('Het bestand kon niet geschreven worden: de map bestaat niet. Kies een andere map of naam.');
    expect(r.error.message.en).toBe('The file could not be written: the folder does not exist. Choose another folder or name.');
    expect(JSON.stringify(r.error.message)).not.toContain('ENOENT');
  });
});
