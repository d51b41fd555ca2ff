import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/api/errors';
import { CohortDefinition, COHORT_VERSION, DEFAULT_COHORT } from '../../shared/cohort/cohort-definition';
import { percentTable, type PercentValue } from '../../shared/disclosure/percent-table';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import { openExtractSession } from '../../electron/engine/extract/open-extract-session';
import { buildMatrixTables } from '../../electron/engine/export/build-tables';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { openWorkspace } from '../../electron/engine/workspace/open-workspace';
import { cliRunner } from '../support/cli-runner';

/**
 * The CLI's `matrix` and `audit verify` commands, run as a child process on a small
 * generated extract: outputs hold the protected table, the audit log records them, and an
 * altered entry in the (encrypted) workspace is reported.
 */

const work = mkdtempSync(path.join(os.tmpdir(), 'vv-cli-matrix-'));
const dataDir = path.join(work, 'data');
const extract = path.join(work, 'extract.db');
const PASS = 'cli-matrix-passphrase';
const passFile = path.join(work, 'pass.txt');
const T = DEFAULT_POLICY.threshold;
/** An empty second policy file (a named file that is missing blocks output): the defaults apply. */
const POLICY_FILE = path.join(work, 'empty-policy.json');
writeFileSync(POLICY_FILE, '{}');

const runner = cliRunner('matrix', { dataDir, env: { VERHUIS_POLICY_FILE: POLICY_FILE } });
const cli = (args: string[], env: Record<string, string> = {}) => runner.run(args, { env });

const recipeFile = path.join(work, 'syrians.json');
const SYRIANS = CohortDefinition.parse({ status: ['REFUGEE'], nationalities: ['SYR'] });

/** The first block of the CSV (the matrix with its totals), as rows of fields. */
function csvTable(file: string): string[][] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return parse(text.split('\r\n\r\n')[0], { delimiter: ';', relax_column_count: true }) as string[][];
}

/** Body values of a table (cells and totals, header row and label column left out). */
function bodyValues(rows: string[][]): string[] {
  return rows.slice(1).flatMap((r) => r.slice(1));
}

async function expectedTable(cohort: CohortDefinition, definition: MatrixDefinition) {
  const session = await openExtractSession({ path: extract, passphrase: PASS, cipher: { preset: 'auto' } }, path.join(work, 'inproc'), () => {});
  try {
    const m = computeMatrix(session, cohort, definition, undefined, { persons: true });
    const { tables } = buildMatrixTables(session, cohort, definition, DEFAULT_POLICY, 'nl');
    return { m, table: tables[0].table };
  } finally {
    session.close();
  }
}

beforeAll(async () => {
  await runner.build();
  writeFileSync(passFile, `${PASS}\n`);
  const gen = cli(['demo-data', '--persons', '3000', '--seed', '11', '--out', extract], { VERHUIS_PASSPHRASE: PASS });
  expect(gen.stderr).toBe('');
  expect(gen.code).toBe(0);
  writeFileSync(
    recipeFile,
    JSON.stringify({ kind: 'verhuisverkenner.cohort', version: COHORT_VERSION, name: 'Syrische vluchtelingen', definition: SYRIANS, extractId: 'x', extractFingerprint: 'f'.repeat(64), createdAt: '2024-01-01T00:00:00Z' }),
  );
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  runner.remove();
});

describe('matrix command', () => {
  let exports = 0;

  it('without --recipe writes the protected state matrix of everyone granted protection to CSV', async () => {
    const out = path.join(work, 'state-province.csv');
    const r = cli(['matrix', '--extract', extract, '--definition', 'state', '--level', 'province', '--format', 'csv', '--out', out], { VERHUIS_PASSPHRASE: PASS });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    exports++;
    expect(r.stdout).toContain('state-province.csv');
    expect(r.stdout).toMatch(/Uitvoerlogboek: #1/);

    const rows = csvTable(out);
    const values = bodyValues(rows);
    // Suppressed cells are marked; every published value is zero or at least T.
    expect(values).toContain('[c]');
    for (const v of values) if (v !== '[c]') expect(Number(v) === 0 || Number(v) >= T).toBe(true);
    // Exactly the table disclosure control gives in the engine.
    const { table } = await expectedTable(DEFAULT_COHORT, MatrixDefinition.parse({ kind: 'state', level: 'province' }));
    const shown = (v: number | null) => (v === null ? '[c]' : String(v));
    const expected: string[] = [];
    for (let i = 0; i < table.rows; i++) expected.push(...table.cells.slice(i * table.cols, (i + 1) * table.cols).map(shown), shown(table.rowTotals[i]));
    expected.push(...table.colTotals.map(shown), shown(table.total));
    expect(values).toEqual(expected);
    expect(table.total).toBeGreaterThan(1000); // not a trivial table
  });

  it('with --recipe writes an all-moves matrix to xlsx, thresholded on distinct persons', async () => {
    const out = path.join(work, 'moves-region.xlsx');
    const r = cli(['matrix', '--extract', extract, '--recipe', recipeFile, '--definition', 'all-moves', '--level', 'region', '--format', 'xlsx', '--out', out, '--passphrase-file', passFile]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    exports++;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0];
    const { m, table } = await expectedTable(SYRIANS, MatrixDefinition.parse({ kind: 'all-moves', level: 'region' }));
    expect(m.total).toBeGreaterThan(0);
    const n = table.cols;
    // Not trivial: some cells published, some suppressed.
    expect(table.cells.some((v) => v !== null && v > 0)).toBe(true);
    expect(table.cells).toContain(null);
    for (let i = 0; i < table.rows; i++) {
      for (let j = 0; j < n; j++) {
        const cell = sheet.getRow(i + 2).getCell(j + 2).value;
        const v = table.cells[i * n + j];
        // Protection against the earlier releases in the ledger may withhold more cells than
        // this table alone would, never fewer; a published value is the move count.
        if (v === null || cell === '[c]') expect(cell).toBe('[c]');
        else {
          expect(cell).toBe(v); // a number, the move count
          expect(v).toBe(m.counts[i * n + j]);
          if (v > 0) expect(m.persons!.cells[i * n + j]).toBeGreaterThanOrEqual(T);
        }
      }
    }
    expect(wb.worksheets.map((s) => s.name)).toContain('Metadata');
  });

  it('with --recipe writes a first-move matrix to CSV', () => {
    const out = path.join(work, 'first-move.csv');
    const r = cli(['matrix', '--extract', extract, '--recipe', recipeFile, '--definition', 'first-move', '--level', 'arrondissement', '--format', 'csv', '--out', out], { VERHUIS_PASSPHRASE: PASS });
    expect(r.code).toBe(0);
    exports++;
    for (const v of bodyValues(csvTable(out))) if (v !== '[c]') expect(Number(v) === 0 || Number(v) >= T).toBe(true);
  });

  it('--definition first-area-move writes the first move out of the area of decision, with its own corner label', async () => {
    const out = path.join(work, 'first-area-move.csv');
    const r = cli(['matrix', '--extract', extract, '--definition', 'first-area-move', '--level', 'province', '--format', 'csv', '--out', out], { VERHUIS_PASSPHRASE: PASS });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    exports++;
    const rows = csvTable(out);
    expect(rows[0][0]).toBe('Gebied van beslissing \\ na de eerste verhuizing eruit');
    for (const v of bodyValues(rows)) if (v !== '[c]') expect(Number(v) === 0 || Number(v) >= T).toBe(true);
    // Not the first municipality move: moves within a province are not the move counted here.
    const { m: firstMove } = await expectedTable(DEFAULT_COHORT, MatrixDefinition.parse({ kind: 'first-move', level: 'province' }));
    const { m: firstOut } = await expectedTable(DEFAULT_COHORT, MatrixDefinition.parse({ kind: 'first-area-move', level: 'province' }));
    expect(firstOut.counts).not.toEqual(firstMove.counts);
    expect(firstOut.total).toBe(firstMove.total);
  });

  it('with --measure rowPct writes row percentages of the protected table, [c] where an input is protected', async () => {
    const out = path.join(work, 'row-pct.csv');
    const r = cli(['matrix', '--extract', extract, '--definition', 'state', '--level', 'province', '--format', 'csv', '--out', out, '--measure', 'rowPct'], { VERHUIS_PASSPHRASE: PASS });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    exports++;
    const rows = csvTable(out);
    expect(rows[0][0]).toMatch(/Rijpercentages$/);
    const { table } = await expectedTable(DEFAULT_COHORT, MatrixDefinition.parse({ kind: 'state', level: 'province' }));
    const pct = percentTable(table, 'rowPct');
    const shown = (v: PercentValue) => (v === 'protected' ? '[c]' : v === 'undefined' ? '' : `${(Math.round(v * 1000) / 10).toFixed(1).replace('.', ',')}%`);
    const expected: string[] = [];
    for (let i = 0; i < table.rows; i++) expected.push(...pct.cells.slice(i * table.cols, (i + 1) * table.cols).map(shown), shown(pct.rowTotals[i]));
    expected.push(...pct.colTotals.map(shown), shown(pct.total));
    expect(bodyValues(rows)).toEqual(expected);
    expect(expected).toContain('[c]');
    const usage = cli(['matrix', '--extract', extract, '--definition', 'state', '--level', 'region', '--format', 'csv', '--out', out, '--measure', 'share'], { VERHUIS_PASSPHRASE: PASS });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--measure');
  });

  it('audit verify reports the entries intact, and an altered entry as broken', () => {
    const ok = cli(['audit', 'verify', '--extract', extract, '--passphrase-file', passFile]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Uitvoerlogboek in orde: ${exports} item(s).`);
    const en = cli(['audit', 'verify', '--extract', extract, '--lang', 'en'], { VERHUIS_PASSPHRASE: PASS });
    expect(en.stdout).toContain(`Audit log intact: ${exports} entries.`);

    // Alter the file name recorded in entry 2, inside the encrypted workspace.
    const [wsFile] = readdirSync(path.join(dataDir, 'workspaces')).filter((f) => f.endsWith('.vvw'));
    const ws = openWorkspace(path.join(dataDir, 'workspaces', wsFile), Buffer.from(PASS, 'utf8'));
    try {
      const changed = ws.prepare("UPDATE audit_log SET entry = replace(entry, 'moves-region.xlsx', 'other.xlsx') WHERE seq = 2").run().changes;
      expect(changed).toBe(1);
    } finally {
      ws.close();
    }
    const broken = cli(['audit', 'verify', '--extract', extract, '--passphrase-file', passFile]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^AUDIT_BROKEN: /);
    expect(broken.stderr).toContain('item 2');
  });

  it('refuses the passphrase as a plain argument', () => {
    for (const cmd of [['matrix', '--definition', 'state', '--level', 'region', '--format', 'csv', '--out', path.join(work, 'x.csv')], ['audit', 'verify']]) {
      for (const arg of [['--passphrase', PASS], [`--passphrase=${PASS}`]]) {
        const r = cli([...cmd, '--extract', extract, ...arg]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('--passphrase-file');
        expect(r.stderr).not.toContain(PASS);
      }
    }
    expect(existsSync(path.join(work, 'x.csv'))).toBe(false);
  });

  it('exits non-zero with the error code and message, and writes nothing', () => {
    const out = path.join(work, 'refused.csv');
    const args = ['matrix', '--extract', extract, '--definition', 'state', '--level', 'region', '--format', 'csv', '--out', out];
    const wrong = cli(args, { VERHUIS_PASSPHRASE: 'not-the-passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe(`WRONG_PASSPHRASE: ${errorMessage('WRONG_PASSPHRASE').nl}`);

    const badRecipe = path.join(work, 'bad.json');
    writeFileSync(badRecipe, '{"kind":"verhuisverkenner.cohort"');
    const recipe = cli([...args, '--recipe', badRecipe], { VERHUIS_PASSPHRASE: PASS });
    expect(recipe.code).toBe(1);
    expect(recipe.stderr).toMatch(/^RECIPE_INVALID: /);

    const missing = cli(['matrix', '--extract', path.join(work, 'nope.db'), ...args.slice(3)], { VERHUIS_PASSPHRASE: PASS, LANG: 'en_GB.UTF-8' });
    expect(missing.code).toBe(1);
    expect(missing.stderr.split(':')[0]).toBe('FILE_NOT_FOUND');

    const usage = cli(['matrix', '--extract', extract, '--definition', 'everything', '--level', 'region', '--format', 'csv', '--out', out], { VERHUIS_PASSPHRASE: PASS });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--definition');
    expect(existsSync(out)).toBe(false);
  });
});
