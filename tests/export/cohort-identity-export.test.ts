import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type TestEngine } from '../support/test-engine';
import { useExportEngine } from './export-session';

/** Issue 12, major 1: an export names the cohort it counts, in the file and in the audit log. */
let t: TestEngine;
let dir: string;
const COHORT = { status: ['SUBSIDIARY'] as 'SUBSIDIARY'[], decisionYears: [2015, 2016] };
const DEF = { kind: 'state' as const, level: 'region' as const };

useExportEngine('vv-export-id-', (engine, folder) => {
  t = engine;
  dir = folder;
});

async function metadata(file: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets.find((s) => s.getCell(1, 1).value !== null && [...Array(40).keys()].some((i) => String(s.getCell(i + 1, 1).value ?? '') === 'Extract id' || String(s.getCell(i + 1, 1).value ?? '') === 'Extract-id'))!;
  const rows = new Map<string, string>();
  sheet.eachRow((row) => rows.set(String(row.getCell(1).value ?? ''), String(row.getCell(2).value ?? '')));
  return rows;
}

describe('the cohort named in an export', () => {
  it('writes the name and the summary to the Metadata sheet and the audit entry', async () => {
    const file = path.join(dir, 'named.xlsx');
    const r = await t.value('export.matrix', { cohort: COHORT, cohortName: 'Subsidiair 2015-16 (gewijzigd)', definition: DEF, format: 'xlsx', path: file, language: 'nl' });
    const meta = await metadata(file);
    expect(meta.get('Cohortnaam')).toBe('Subsidiair 2015-16 (gewijzigd)');
    expect(meta.get('Cohort (samenvatting)')).toBe('subsidiair beschermden · beslissing 2015–2016');
    const { records } = await t.value('audit.list', { limit: 10 });
    const entry = records.find((x) => x.seq === r.auditSeq)!.entry;
    expect(entry.cohortName).toBe('Subsidiair 2015-16 (gewijzigd)');
    expect(entry.cohortSummary).toBe('subsidiair beschermden · beslissing 2015–2016');
    expect((await t.value('audit.verify', {})).ok).toBe(true);
  });

  it('records an unnamed cohort as naamloos / unnamed, in the output language', async () => {
    const nl = await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'csv', path: path.join(dir, 'a.csv'), language: 'nl' });
    const en = await t.value('export.matrix', { cohort: COHORT, cohortName: null, definition: DEF, format: 'xlsx', path: path.join(dir, 'b.xlsx'), language: 'en' });
    const { records } = await t.value('audit.list', { limit: 10 });
    expect(records.find((x) => x.seq === nl.auditSeq)!.entry.cohortName).toBe('naamloos');
    const enEntry = records.find((x) => x.seq === en.auditSeq)!.entry;
    expect(enEntry.cohortName).toBe('unnamed');
    expect(enEntry.cohortSummary).toBe('subsidiary protection · decision 2015–2016');
    expect((await metadata(path.join(dir, 'b.xlsx'))).get('Cohort name')).toBe('unnamed');
    expect(readFileSync(path.join(dir, 'a.csv'), 'utf8')).toMatch(/Cohortnaam.*naamloos/);
  });
});
