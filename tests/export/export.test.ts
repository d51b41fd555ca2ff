import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { makeTempDir } from '../support/make-extract';
import { exportSession } from './export-session';
import type { ProtectedCounts } from '../../shared/disclosure/protection';

let t: TestEngine;
let dir: string;
const savedPolicyEnv = process.env.VERHUIS_POLICY_FILE;
const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
const DEF = { kind: 'state' as const, level: 'province' as const };

beforeAll(() => {
  dir = makeTempDir('vv-export-');
  process.env.VERHUIS_POLICY_FILE = path.join(dir, 'no-policy.json');
  t = makeTestEngine();
});
beforeEach(() => {
  t.engine.state.session?.close();
  t.engine.state.session = exportSession();
  process.env.VERHUIS_POLICY_FILE = path.join(dir, 'no-policy.json');
});
afterAll(() => {
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
  if (savedPolicyEnv === undefined) delete process.env.VERHUIS_POLICY_FILE;
  else process.env.VERHUIS_POLICY_FILE = savedPolicyEnv;
});

/** The protected table as text cells: the way any output must show it. */
function expectedRows(p: ProtectedCounts): string[][] {
  const v = (x: number | null) => (x === null ? '[c]' : String(x));
  const rows: string[][] = [];
  for (let r = 0; r < p.rows; r++) rows.push([...p.cells.slice(r * p.cols, (r + 1) * p.cols).map(v), v(p.rowTotals[r])]);
  rows.push([...p.colTotals.map(v), v(p.total)]);
  return rows;
}

/** Minimal CSV parser for LibreOffice's output (comma, double quotes). Returns fields with a quoted flag. */
function parseCsv(text: string): { value: string; quoted: boolean }[][] {
  const rows: { value: string; quoted: boolean }[][] = [];
  let row: { value: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    row.push({ value, quoted });
    if (text[i] === ',') i++;
    else {
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('export through the one release path', () => {
  it('writes an .xlsx that LibreOffice reads back as exactly the protected table, numbers as numbers', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    expect(preview.counts.primary + preview.counts.class).toBeGreaterThan(0);
    const file = path.join(dir, 'matrix.xlsx');
    const r = await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: file, language: 'nl' });
    expect(r.fileName).toBe('matrix.xlsx');
    expect(r.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);

    const out = makeTempDir('vv-soffice-');
    const profile = makeTempDir('vv-lo-profile-');
    // Token 7 = true: every text cell quoted, so unquoted fields are numeric cells.
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 });
    const csv = parseCsv(readFileSync(path.join(out, 'matrix.csv'), 'utf8'));
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });

    expect(csv[0][0]).toEqual({ value: 'Bij beslissing \\ op einddatum', quoted: true });
    expect(csv[0].at(-1)!.value).toBe('Totaal');
    const body = csv.slice(1, preview.rows + 2);
    expect(body.map((row) => row.slice(1).map((f) => f.value))).toEqual(expectedRows(preview));
    for (const row of body)
      for (const f of row.slice(1)) {
        if (f.value === '[c]') expect(f.quoted).toBe(true);
        else expect(f.quoted).toBe(false); // a number cell
      }
  }, 180_000);

  it('writes a Belgian CSV: BOM, semicolons, the same protected table, and a metadata block', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    const file = path.join(dir, 'matrix.csv');
    await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'csv', path: file, language: 'fr' });
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0].split(';').at(-1)).toBe('Total');
    const body = lines.slice(1, preview.rows + 2).map((l) => l.split(';').slice(1));
    expect(body).toEqual(expectedRows(preview));
    expect(text).toContain('Extract SHA-256;' + 'a'.repeat(64));
    expect(text).toContain('Cells protected: primary;' + preview.counts.primary);
  });

  it('copies the same protected table to the clipboard as TSV, and audits it', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: DEF });
    const r = await t.value('export.clipboard', { cohort: COHORT, definition: DEF, language: 'nl' });
    const rows = r.text.trim().split('\n').slice(1).map((l) => l.split('\t').slice(1));
    expect(rows).toEqual(expectedRows(preview));
    const { records } = await t.value('audit.list', {});
    expect(records[0]).toMatchObject({ seq: r.auditSeq, entry: { output: 'clipboard', fileName: null, sha256: r.sha256 } });
  });

  it('records every export in the audit log, which verifies', async () => {
    await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'csv', path: path.join(dir, 'a.csv'), language: 'nl' });
    // The same table again, as xlsx: nothing new, so the ledger lets it through.
    await t.value('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: path.join(dir, 'b.xlsx'), language: 'nl' });
    const { records } = await t.value('audit.list', {});
    expect(records.map((r) => r.entry.fileName)).toEqual(['b.xlsx', 'a.csv']);
    expect(records[0].entry).toMatchObject({ channel: 'ui', output: 'xlsx', extractId: 'matrix-fixture', policy: { threshold: 10 } });
    expect(records[0].entry.user.length).toBeGreaterThan(0);
    expect(await t.value('audit.verify', {})).toEqual({ ok: true, entries: 2, brokenAt: null, problem: null });
    t.engine.state.session!.workspace.prepare("UPDATE audit_log SET created_at = created_at, entry = replace(entry, 'a.csv', 'z.csv') WHERE seq = 1").run();
    expect(await t.value('audit.verify', {})).toMatchObject({ ok: false, brokenAt: 1, problem: 'altered' });
  });

  it('writes the fiche through the same path', async () => {
    const file = path.join(dir, 'fiche.xlsx');
    const r = await t.value('export.fiche', { cohort: COHORT, level: 'province', vintage: '2019', areaCode: '10000', format: 'xlsx', path: file, language: 'nl' });
    expect(existsSync(file)).toBe(true);
    expect((await t.value('audit.list', {})).records[0]).toMatchObject({ seq: r.auditSeq, entry: { table: { kind: 'fiche', areaCode: '10000' } } });
    // The composition sheets read as an analyst expects: Dutch sheet names and labels, not codes.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Nationaliteit', 'Geslacht', 'Beschermingsstatus', 'Doelgroep inburgering']));
    const header = (sheet: string) => (wb.getWorksheet(sheet)!.getRow(1).values as unknown[]).map(String);
    expect(header('Nationaliteit')).toContain('Syrië (SYR)');
    expect(header('Geslacht')).toEqual(expect.arrayContaining(['Man', 'Vrouw']));
    expect(header('Beschermingsstatus')).toEqual(expect.arrayContaining(['Erkend vluchteling', 'Subsidiair beschermd']));
  });

  it('obeys the administrator: no CSV, no export at all, and nothing while the policy file is invalid', async () => {
    const policy = path.join(dir, 'policy.json');
    process.env.VERHUIS_POLICY_FILE = policy;
    writeFileSync(policy, JSON.stringify({ forbidCsv: true, threshold: 20 }));
    const csv = await t.call('export.matrix', { cohort: COHORT, definition: DEF, format: 'csv', path: path.join(dir, 'x.csv'), language: 'nl' });
    expect(csv.ok ? null : csv.error.code).toBe('EXPORT_FORBIDDEN');
    expect((await t.value('disclosure.policy', {})).policy.threshold).toBe(20);
    expect((await t.value('disclosure.preview', { cohort: COHORT, definition: DEF })).threshold).toBe(20);
    writeFileSync(policy, JSON.stringify({ forbidExport: true }));
    const clip = await t.call('export.clipboard', { cohort: COHORT, definition: DEF, language: 'nl' });
    expect(clip.ok ? null : clip.error.code).toBe('EXPORT_FORBIDDEN');
    writeFileSync(policy, '{"threshold": "high"}');
    const bad = await t.call('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: path.join(dir, 'y.xlsx'), language: 'nl' });
    expect(bad.ok ? null : bad.error.code).toBe('POLICY_INVALID');
    expect(existsSync(path.join(dir, 'x.csv')) || existsSync(path.join(dir, 'y.xlsx'))).toBe(false);
    expect((await t.value('audit.list', {})).records).toEqual([]);
  });

  it('lets the user tighten the policy in the workspace but not loosen it', async () => {
    const a = await t.value('disclosure.setUserPolicy', { user: { threshold: 25 } });
    expect(a.policy.threshold).toBe(25);
    const b = await t.value('disclosure.setUserPolicy', { user: { threshold: 3 } });
    expect(b.policy.threshold).toBe(10);
  });
});
