import path from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERTURBATION_MAX_NOISE } from '../../electron/engine/disclosure/cell-key';
import type { ProtectedCounts } from '../../shared/disclosure/protection';
import { makeTempDir } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { exportSession } from './export-session';

/**
 * Cell-key perturbation through the engine: the policy method the user picks, the preview,
 * the xlsx (Metadata and legend say perturbed, not additive) and the guarantees a user
 * notices: every value within D of its count, never 1 or 2, the same persons give the same
 * value in any table, and two cohorts a few persons apart differ by noise, not by counts.
 */
let t: TestEngine;
let dir: string;
const savedPolicyEnv = process.env.VERHUIS_POLICY_FILE;
const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
const PROVINCE = { kind: 'state' as const, level: 'province' as const };

beforeAll(() => {
  dir = makeTempDir('vv-perturb-');
  delete process.env.VERHUIS_POLICY_FILE; // no second policy file (a missing one blocks output)
  t = makeTestEngine();
});
beforeEach(async () => {
  t.engine.state.session?.close();
  t.engine.state.session = exportSession(5, 3000);
  await t.value('disclosure.setUserPolicy', { user: { method: 'perturbation' } });
});
afterAll(() => {
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
  if (savedPolicyEnv === undefined) delete process.env.VERHUIS_POLICY_FILE;
  else process.env.VERHUIS_POLICY_FILE = savedPolicyEnv;
});

const published = (p: ProtectedCounts) => [...p.cells, ...p.rowTotals, ...p.colTotals, p.total];

describe('cell-key perturbation through the engine', () => {
  it('publishes every cell and margin within ±D of its count, never 1 or 2, zeros as zeros, nothing suppressed', async () => {
    const policy = await t.value('disclosure.policy', {});
    expect(policy.policy.method).toBe('perturbation');
    const truth = await t.value('matrix.compute', { cohort: COHORT, definition: PROVINCE });
    const p = await t.value('disclosure.preview', { cohort: COHORT, definition: PROVINCE });
    expect(p.method).toBe('perturbation');
    expect(p.perturbation).toEqual({ maxNoise: 2, variance: 1 });
    const counts = [...truth.counts, ...truth.rowTotals, ...truth.colTotals, truth.total];
    const values = published(p);
    const status = p.cellStatus + p.rowStatus + p.colStatus + p.totalStatus;
    expect(values).toHaveLength(counts.length);
    let moved = 0;
    values.forEach((v, i) => {
      expect(v).not.toBeNull();
      expect(Math.abs(v! - counts[i])).toBeLessThanOrEqual(PERTURBATION_MAX_NOISE);
      expect([1, 2]).not.toContain(v);
      expect(status[i]).toBe(counts[i] === 0 ? '.' : 'n');
      if (counts[i] === 0) expect(v).toBe(0);
      if (v !== counts[i]) moved++;
    });
    expect(moved).toBeGreaterThan(0);
    expect(p.counts).toMatchObject({ primary: 0, class: 0, secondary: 0, rounded: 0 });
    expect(p.counts.perturbed).toBe(status.split('').filter((c) => c === 'n').length);
    // Not additive: some row total is not the sum of its published cells.
    const rowSums = Array.from({ length: p.rows }, (_, r) => p.cells.slice(r * p.cols, (r + 1) * p.cols).reduce<number>((a, b) => a + (b ?? 0), 0));
    expect(rowSums.some((s, r) => s !== p.rowTotals[r])).toBe(true);
  });

  it('gives the same persons the same value in every table: the grand total at every level, a cell computed twice', async () => {
    const levels = ['region', 'province', 'arrondissement'] as const;
    const totals = [];
    for (const level of levels) totals.push((await t.value('disclosure.preview', { cohort: COHORT, definition: { kind: 'state', level } })).total);
    expect(new Set(totals).size).toBe(1);
    const again = await t.value('disclosure.preview', { cohort: COHORT, definition: PROVINCE });
    expect(again).toEqual(await t.value('disclosure.preview', { cohort: COHORT, definition: PROVINCE }));
    // Another definition puts other persons together in each cell: its values stay within D of its own counts.
    const first = await t.value('disclosure.preview', { cohort: COHORT, definition: { kind: 'first-move', level: 'region' } });
    const firstTruth = await t.value('matrix.compute', { cohort: COHORT, definition: { kind: 'first-move', level: 'region' } });
    first.cells.forEach((v, i) => expect(Math.abs(v! - firstTruth.counts[i])).toBeLessThanOrEqual(PERTURBATION_MAX_NOISE));
  });

  it('differencing two cohorts a few persons apart yields noise, not the true differences', async () => {
    // B adds the persons aged 61 at the decision to A.
    const A = { ...COHORT, ageRange: { min: 18, max: 60 } };
    const B = { ...COHORT, ageRange: { min: 18, max: 61 } };
    const def = { kind: 'state' as const, level: 'region' as const };
    const [ta, tb] = [await t.value('matrix.compute', { cohort: A, definition: def }), await t.value('matrix.compute', { cohort: B, definition: def })];
    expect(tb.total - ta.total).toBeGreaterThan(0);
    expect(tb.total - ta.total).toBeLessThan(40);
    const [pa, pb] = [await t.value('disclosure.preview', { cohort: A, definition: def }), await t.value('disclosure.preview', { cohort: B, definition: def })];
    const truthA = [...ta.counts, ...ta.rowTotals, ...ta.colTotals, ta.total];
    const truthB = [...tb.counts, ...tb.rowTotals, ...tb.colTotals, tb.total];
    const [va, vb] = [published(pa), published(pb)];
    let changed = 0;
    let exact = 0;
    truthA.forEach((a, i) => {
      const d = truthB[i] - a;
      // Values whose persons did not change are published alike: nothing to difference.
      if (d === 0) return expect(vb[i]).toBe(va[i]);
      changed++;
      if (vb[i]! - va[i]! === d) exact++;
    });
    expect(changed).toBeGreaterThan(2);
    expect(exact).toBeLessThan(changed);
  });

  it('exports an xlsx whose Metadata and legend say the table is perturbed and not additive, with D and the variance', async () => {
    const preview = await t.value('disclosure.preview', { cohort: COHORT, definition: PROVINCE });
    const file = path.join(dir, 'perturbed.xlsx');
    await t.value('export.matrix', { cohort: COHORT, definition: PROVINCE, format: 'xlsx', path: file, language: 'nl' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const meta = new Map<string, unknown>();
    wb.getWorksheet('Metadata')!.eachRow((row) => meta.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(String(meta.get('Methode van geheimhouding'))).toMatch(/cell-key perturbation/);
    expect(String(meta.get('Perturbed'))).toMatch(/^yes/);
    expect(String(meta.get('Additive'))).toMatch(/^no/);
    expect(meta.get('Perturbation: maximum noise D')).toBe(2);
    expect(meta.get('Perturbation: noise variance (counts ≥ 4)')).toBe(1);
    expect(meta.get('Cellen verstoord')).toBe(preview.counts.perturbed);
    const legend: string[] = [];
    wb.getWorksheet('Legende')!.eachRow((row) => legend.push(String(row.getCell(1).value)));
    expect(legend.join(' ')).toMatch(/NIET additief/);
    expect(legend.join(' ')).toMatch(/±2/);
    // No measures sheet: in/out/net and retention are not computed from perturbed values.
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Maten per gebied');
    // The matrix sheet carries the preview's values.
    const sheet = wb.worksheets[0];
    const firstRow = (sheet.getRow(2).values as unknown[]).slice(2, 2 + preview.cols);
    expect(firstRow).toEqual(preview.cells.slice(0, preview.cols));
  });

  it('perturbs a fiche too: not additive, and its residents total (the same persons as the matrix column total) publishes the same value', async () => {
    const truth = await t.value('matrix.compute', { cohort: COHORT, definition: PROVINCE });
    const r = truth.colTotals.findIndex((v, i) => v > 20 && !truth.cols[i].special);
    const area = truth.cols[r];
    const file = path.join(dir, 'fiche.csv');
    await t.value('export.fiche', { cohort: COHORT, level: 'province', vintage: '2019', areaCode: area.code, format: 'csv', path: file, language: 'en' });
    const fiche = await t.value('matrix.fiche', { cohort: COHORT, level: 'province', vintage: '2019', areaCode: area.code });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Additive;no');
    // The residents of the area (origins list total) are the persons of the matrix's column total.
    const matrix = await t.value('disclosure.preview', { cohort: COHORT, definition: PROVINCE });
    const lines = text.split('\r\n');
    const originsHeader = lines.findIndex((l) => l.includes(fiche.originsOfResidents[0] ? (fiche.originsOfResidents[0].area.nameNl || fiche.originsOfResidents[0].area.nameFr) : '\u0000'));
    expect(originsHeader).toBeGreaterThanOrEqual(0);
    const residentsRow = lines[originsHeader + 1].split(';');
    expect(Number(residentsRow.at(-1))).toBe(matrix.colTotals[r]);
    expect(Math.abs(matrix.colTotals[r]! - truth.colTotals[r])).toBeLessThanOrEqual(PERTURBATION_MAX_NOISE);
  });

  it('perturbs a cross-tab on the same secret keys: every value within ±D, nothing suppressed, no 1 or 2', async () => {
    const subject = { kind: 'crosstab' as const, definition: { rows: { var: 'sex' as const }, cols: { var: 'area' as const, at: 'decision' as const, level: 'region' as const } } };
    const x = await t.value('crosstab.compute', { cohort: COHORT, definition: subject.definition });
    const { tables } = await t.value('crosstab.preview', { cohort: COHORT, subject });
    const p = tables[0];
    expect(p.method).toBe('perturbation');
    const truth = x.layers[0].table;
    const counts = [...truth.counts, ...truth.rowTotals, ...truth.colTotals, truth.total];
    published(p).forEach((v, i) => {
      expect(v).not.toBeNull();
      expect(Math.abs(v! - counts[i])).toBeLessThanOrEqual(PERTURBATION_MAX_NOISE);
      expect([1, 2]).not.toContain(v);
    });
    // The cross-tab's grand total has the same persons as the matrix's: the same published value.
    expect(p.total).toBe((await t.value('disclosure.preview', { cohort: COHORT, definition: PROVINCE })).total);
  });
});
