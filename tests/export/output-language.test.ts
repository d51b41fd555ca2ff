import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { makeTempDir } from '../support/make-extract';
import { englishPhrases, findEnglish } from '../support/english-ui-strings';
import { exportSession } from './export-session';
import { AGE_BANDS } from '../../shared/cohort/cohort-definition';

let t: TestEngine;
let dir: string;
const savedPolicyEnv = process.env.VERHUIS_POLICY_FILE;
const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[], decisionYears: [2016, 2017], sexes: ['F' as const] };

beforeAll(() => {
  dir = makeTempDir('vv-export-lang-');
  delete process.env.VERHUIS_POLICY_FILE; // no second policy file (a missing one blocks output)
  t = makeTestEngine();
  t.engine.state.session = exportSession();
});
beforeEach(() => {
  delete process.env.VERHUIS_POLICY_FILE; // no second policy file (a missing one blocks output)
});
afterAll(() => {
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
  if (savedPolicyEnv === undefined) delete process.env.VERHUIS_POLICY_FILE;
  else process.env.VERHUIS_POLICY_FILE = savedPolicyEnv;
});

/** Every text of a workbook: sheet names and cell values. */
async function workbookText(file: string): Promise<{ sheets: string[]; text: string; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const parts: string[] = [];
  for (const ws of wb.worksheets) {
    parts.push(ws.name);
    ws.eachRow((row) => row.eachCell((cell) => parts.push(String(cell.text))));
  }
  return { sheets: wb.worksheets.map((w) => w.name), text: parts.join('\n'), wb };
}

const metadata = (wb: ExcelJS.Workbook, sheet: string): Map<string, string> => {
  const m = new Map<string, string>();
  wb.getWorksheet(sheet)!.eachRow((row) => m.set(String(row.getCell(1).text), String(row.getCell(2).text)));
  return m;
};

describe('exports made in Dutch are Dutch throughout', () => {
  const phrases = englishPhrases();

  it('the English phrase list is built from the dictionaries and finds English', () => {
    expect(phrases.length).toBeGreaterThan(100);
    expect(findEnglish('Reference date: 27/01/2018', phrases)).not.toEqual([]);
  });

  it('a matrix workbook and CSV, a fiche workbook and CSV: no English UI string, Dutch metadata and sheet names', async () => {
    const files = {
      matrixXlsx: path.join(dir, 'm.xlsx'),
      matrixCsv: path.join(dir, 'm.csv'),
      ficheXlsx: path.join(dir, 'f.xlsx'),
      ficheCsv: path.join(dir, 'f.csv'),
    };
    for (const level of ['province', 'region'] as const) {
      await t.value('export.matrix', { cohort: COHORT, definition: { kind: 'state', level }, format: 'xlsx', path: files.matrixXlsx, overwrite: true, language: 'nl' });
      const m = await workbookText(files.matrixXlsx);
      expect(findEnglish(m.text, phrases)).toEqual([]);
      expect(m.sheets[0]).toBe('Verhuismatrix toestand');
      const meta = metadata(m.wb, 'Metadata');
      expect(meta.get('Referentiedatum')).toBeTruthy();
      expect(meta.get('Matrixdefinitie')).toBe('toestand');
      expect(meta.get('Niveau')).toBe(level === 'province' ? 'provincie' : 'gewest');
      expect(meta.get('Cohort')).toContain('Beschermingsstatus: Erkend vluchteling, Subsidiair beschermd');
      expect(meta.get('Cohort')).toContain('Geslacht: Vrouw');
    }
    await t.value('export.matrix', { cohort: COHORT, definition: { kind: 'first-move', level: 'province' }, format: 'csv', path: files.matrixCsv, overwrite: true, language: 'nl' });
    expect(findEnglish(readFileSync(files.matrixCsv, 'utf8'), phrases)).toEqual([]);
    await t.value('export.fiche', { cohort: COHORT, level: 'province', vintage: '2019', areaCode: '10000', format: 'xlsx', path: files.ficheXlsx, language: 'nl' });
    const f = await workbookText(files.ficheXlsx);
    expect(findEnglish(f.text, phrases)).toEqual([]);
    await t.value('export.fiche', { cohort: COHORT, level: 'province', vintage: '2019', areaCode: '10000', format: 'csv', path: files.ficheCsv, language: 'nl' });
    expect(findEnglish(readFileSync(files.ficheCsv, 'utf8'), phrases)).toEqual([]);
  });

  it('the same export in English is English (the scan is not blind)', async () => {
    const file = path.join(dir, 'm-en.xlsx');
    await t.value('export.matrix', { cohort: COHORT, definition: { kind: 'state', level: 'province' }, format: 'xlsx', path: file, language: 'en' });
    const m = await workbookText(file);
    expect(m.sheets[0]).toBe('Relocation matrix state');
    expect(metadata(m.wb, 'Metadata').get('Reference date')).toBeTruthy();
    // The exit columns in English too, not the reference data's Dutch names.
    const header = m.wb.worksheets[0].getRow(1).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(['Abroad', 'Removed ex officio', 'Deceased', 'Unknown']));
    expect(m.text).not.toMatch(/Buitenland|Ambtshalve afgevoerd|Overleden|Onbekend/);
  });

  it('the fiche export lists age classes in their natural order, not by count', async () => {
    const file = path.join(dir, 'f-age.xlsx');
    // A fresh workspace: the earlier exports of this file would otherwise be in its ledger.
    t.engine.state.session?.close();
    t.engine.state.session = exportSession();
    await t.value('export.fiche', { cohort: { status: ['REFUGEE', 'SUBSIDIARY'] }, level: 'region', vintage: '2019', areaCode: '02000', format: 'xlsx', path: file, language: 'nl' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const header = (wb.getWorksheet('Leeftijdsklasse')!.getRow(1).values as unknown[]).map(String).filter((v) => (AGE_BANDS as readonly string[]).includes(v));
    expect(header.length).toBeGreaterThan(2);
    expect(header).toEqual(AGE_BANDS.filter((b) => header.includes(b)));
  });
});
