import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition, COHORT_VERSION, DEFAULT_COHORT } from '../../shared/cohort/cohort-definition';
import { CrosstabDefinition, PROFILE_TABLES } from '../../shared/crosstab/crosstab-definition';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { openExtractSession } from '../../electron/engine/extract/open-extract-session';
import { buildCrosstabTables } from '../../electron/engine/crosstab/build-crosstab-tables';
import { cliRunner } from '../support/cli-runner';

/**
 * The CLI's `crosstab` and `profile` commands, run as a child process on a small generated
 * extract: the files hold exactly the tables the engine's disclosure control gives.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'vv-cli-crosstab-'));
const dataDir = path.join(work, 'data');
const extract = path.join(work, 'extract.db');
const PASS = 'cli-crosstab-passphrase';
const recipeFile = path.join(work, 'recipe.json');
const REFUGEES = CohortDefinition.parse({ status: ['REFUGEE'] });
const SAVED = CrosstabDefinition.parse({
  rows: { var: 'ageBand', bands: [{ min: 0, max: 17 }, { min: 18, max: 120 }] },
  cols: { var: 'area', at: 'decision', level: 'municipality', groups: [{ label: 'Centrumsteden', codes: ['11002', '44021', '41002'] }] },
});

const runner = cliRunner('crosstab', { dataDir, env: { VERHUIS_PASSPHRASE: PASS } });
const cli = (args: string[], data = dataDir) => runner.run(args, { dataDir: data });

async function expected(cohort: CohortDefinition, subject: Parameters<typeof buildCrosstabTables>[2]) {
  const session = await openExtractSession({ path: extract, passphrase: PASS, cipher: { preset: 'auto' } }, path.join(work, 'inproc'), () => {});
  try {
    return buildCrosstabTables(session, cohort, subject, DEFAULT_POLICY, 'nl').tables;
  } finally {
    session.close();
  }
}

const shown = (v: number | null) => (v === null ? '[c]' : String(v));

beforeAll(async () => {
  await runner.build();
  const gen = cli(['demo-data', '--persons', '3000', '--seed', '16', '--out', extract]);
  expect(gen.code).toBe(0);
  writeFileSync(
    recipeFile,
    JSON.stringify({ kind: 'verhuisverkenner.cohort', version: COHORT_VERSION, name: 'Vluchtelingen', definition: REFUGEES, extractId: 'x', extractFingerprint: 'f'.repeat(64), createdAt: '2024-01-01T00:00:00Z', crosstab: SAVED }),
  );
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  runner.remove();
});

describe('crosstab and profile commands', () => {
  it('crosstab with layers writes one protected table per layer to CSV, as the engine protects it', async () => {
    const out = path.join(work, 'nat-region.csv');
    const r = cli(['crosstab', '--extract', extract, '--rows', 'nationality:top=4', '--cols', 'area:region@decision', '--layers', 'sex', '--format', 'csv', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Uitvoerlogboek: #1/);
    const blocks = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n\r\n');
    const tables = await expected(DEFAULT_COHORT, { kind: 'crosstab', definition: CrosstabDefinition.parse({ rows: { var: 'nationality', top: 4 }, cols: { var: 'area', at: 'decision', level: 'region' }, layers: { var: 'sex' } }) });
    expect(tables).toHaveLength(3);
    tables.forEach((t, i) => {
      const rows = parse(blocks[i], { delimiter: ';', relax_column_count: true }) as string[][];
      expect(rows[0][0]).toContain('Nationaliteit');
      expect(rows.slice(1).map((x) => x[0])).toEqual([...t.rowLabels, 'Totaal']);
      const body = rows.slice(1).flatMap((x) => x.slice(1));
      const p = t.table;
      const want: string[] = [];
      for (let k = 0; k < p.rows; k++) want.push(...p.cells.slice(k * p.cols, (k + 1) * p.cols).map(shown), shown(p.rowTotals[k]));
      want.push(...p.colTotals.map(shown), shown(p.total));
      expect(body).toEqual(want);
    });
    // The small layer (sex X) has protected cells; nothing published is 1..T-1.
    expect(blocks.slice(0, 3).join('\n')).toContain('[c]');
    for (const t of tables) for (const v of t.table.cells) if (v !== null) expect(v === 0 || v >= DEFAULT_POLICY.threshold).toBe(true);
  });

  it('crosstab takes the cross-tab saved with the recipe (custom groups) when no --rows/--cols are given', async () => {
    const out = path.join(work, 'saved.xlsx');
    const r = cli(['crosstab', '--extract', extract, '--recipe', recipeFile, '--format', 'xlsx', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(2);
    expect(header).toEqual(['Centrumsteden', 'Andere', 'Totaal']);
    const [t] = await expected(REFUGEES, { kind: 'crosstab', definition: SAVED });
    expect(sheet.getCell(2, 2).value).toBe(t.table.cells[0]); // 0-17 in the centrumsteden, a number
    expect(typeof sheet.getCell(2, 2).value).toBe('number');
  });

  it('profile writes one sheet per standard table and a Metadata sheet', async () => {
    const out = path.join(work, 'profile.xlsx');
    // A data folder of its own: in the shared one, the release ledger may refuse the profile after the cross-tabs above.
    const r = cli(['profile', '--extract', extract, '--top', '5', '--format', 'xlsx', '--out', out, '--names', 'en'], path.join(work, 'data-profile'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((s) => s.name);
    expect(names.length).toBe(PROFILE_TABLES.length + 2);
    expect(names).toContain('Metadata');
    expect(names[0]).toBe('Protection status');
    const nat = wb.getWorksheet('Nationality')!;
    expect((nat.getRow(1).values as unknown[]).length - 2).toBe(5 + 1 + 1); // top 5, other, total
  });

  it('refuses an unknown variable with a usage message', () => {
    const r = cli(['crosstab', '--extract', extract, '--rows', 'income', '--cols', 'sex', '--format', 'csv', '--out', path.join(work, 'x.csv')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--rows/);
  });
});
