import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/api/errors';
import { AGE_BANDS, CohortDefinition, COHORT_VERSION, DEFAULT_COHORT, ProtectionStatus } from '../../shared/cohort/cohort-definition';
import { AreaLevel, Vintage } from '../../shared/geo/area-level';
import { MatrixDefinition, MatrixKind } from '../../shared/matrix/matrix-definition';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { openExtractSession } from '../../electron/engine/extract/open-extract-session';
import { buildMatrixTables } from '../../electron/engine/export/build-tables';
import { COMMANDS } from '../../electron/cli/commands/index';
import { cliRunner } from '../support/cli-runner';

/**
 * The matrix view's choices as CLI flags: each flag reaches the engine as the same definition or
 * cohort field the UI would send (read back from the file's Metadata), flags combine with a
 * recipe, the help lists every option and value, and refusals carry the API's codes and messages.
 */
const work = mkdtempSync(path.join(os.tmpdir(), 'vv-cli-options-'));
const extract = path.join(work, 'extract.db');
const PASS = 'cli-options-passphrase';
const REFERENCE = '2018-01-27';
const POLICY_FILE = path.join(work, 'empty-policy.json');
writeFileSync(POLICY_FILE, '{}');
const runner = cliRunner('matrix-options', { dataDir: path.join(work, 'data'), env: { VERHUIS_POLICY_FILE: POLICY_FILE, VERHUIS_PASSPHRASE: PASS } });
let runs = 0;
/** Each export in a data folder of its own: no earlier release in the ledger changes the table. */
const cli = (args: string[]) => runner.run(args, { dataDir: path.join(work, `data-${++runs}`) });

const recipeFile = path.join(work, 'syrians.json');
const SYRIAN_REFUGEES = CohortDefinition.parse({ status: ['REFUGEE'], nationalities: ['SYR'] });
const BASE = ['matrix', '--extract', extract, '--format', 'csv'];

/** Exports with the flags and returns the cohort and definition the file's Metadata records. */
function exported(flags: string[]): { cohort: unknown; definition: unknown; file: string } {
  const file = path.join(work, `out-${runs + 1}.csv`);
  const r = cli([...BASE, '--out', file, ...flags]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const blocks = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n\r\n');
  const meta = new Map((parse(blocks[blocks.length - 1], { delimiter: ';', relax_column_count: true }) as string[][]).map((row) => [row[0], row[1]]));
  return { cohort: JSON.parse(meta.get('Cohort (JSON)')!), definition: JSON.parse(meta.get('Matrixdefinitie (JSON)')!), file };
}

beforeAll(async () => {
  await runner.build();
  const gen = runner.run(['demo-data', '--persons', '2000', '--seed', '21', '--reference-date', REFERENCE, '--out', extract]);
  expect(gen.stderr).toBe('');
  expect(gen.code).toBe(0);
  writeFileSync(
    recipeFile,
    JSON.stringify({ kind: 'verhuisverkenner.cohort', version: COHORT_VERSION, name: 'Syrische vluchtelingen', definition: SYRIAN_REFUGEES, extractId: 'x', extractFingerprint: 'f'.repeat(64), createdAt: '2024-01-01T00:00:00Z' }),
  );
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  runner.remove();
});

describe('matrix command: flags of the matrix view', () => {
  it('--help lists every option and every value, in NL and EN', () => {
    for (const lang of ['nl', 'en']) {
      const r = runner.run(['matrix', '--help', '--lang', lang]);
      expect(r.code).toBe(0);
      for (const flag of ['--follow-up-months', '--period', '--origin-date', '--destination-date', '--status', '--decision-years', '--decision-from', '--decision-to', '--nationality', '--sex', '--age', '--area-at-decision', '--area-at-reference', '--recipe', '--vintage', '--measure', '--names', '--overwrite']) {
        expect(r.stdout, flag).toContain(flag);
      }
      for (const value of [...MatrixKind.options, ...AreaLevel.options, ...Vintage.options, ...ProtectionStatus.options, ...AGE_BANDS, 'rowPct', 'colPct']) expect(r.stdout, value).toContain(value);
      expect(r.stdout).toContain('2014|2019|2025');
    }
  });

  it('--help of every command names each of its options', async () => {
    for (const [name, load] of Object.entries(COMMANDS)) {
      const command = await load();
      const r = runner.run([...name.split(' '), '--help', '--lang', 'en']);
      expect(r.code, name).toBe(0);
      for (const option of Object.keys(command.options)) expect(r.stdout, `${name} --${option}`).toContain(`--${option}`);
    }
  });

  it('--follow-up-months sets the follow-up window', () => {
    const { definition } = exported(['--definition', 'first-move', '--level', 'region', '--follow-up-months', '12']);
    expect(definition).toEqual(MatrixDefinition.parse({ kind: 'first-move', level: 'region', followUpMonths: 12 }));
  });

  it('--period FROM..TO sets the period of an all-moves matrix', () => {
    const { definition } = exported(['--definition', 'all-moves', '--level', 'province', '--period', '2016-01-01..2016-12-31']);
    expect(definition).toEqual(MatrixDefinition.parse({ kind: 'all-moves', level: 'province', period: { from: '2016-01-01', to: '2016-12-31' } }));
  });

  it('--origin-date and --destination-date set the days of a state matrix; --vintage 2014 works', () => {
    const { definition } = exported(['--definition', 'state', '--level', 'region', '--vintage', '2014', '--origin-date', '2016-06-30', '--destination-date', '2017-06-30']);
    expect(definition).toEqual(MatrixDefinition.parse({ kind: 'state', level: 'region', vintage: '2014', originDate: '2016-06-30', destinationDate: '2017-06-30' }));
  });

  it('cohort filters as flags give the cohort the UI would send, and the table the engine protects', async () => {
    const flags = ['--status', 'refugee,subsidiary', '--decision-years', '2015-2016', '--nationality', 'syr,afg,stateless', '--sex', 'M,F', '--age', '18-24,25-34,35-44', '--area-at-decision', 'region:02000,03000', '--area-at-reference', 'region:02000,04000,ABROAD'];
    const { cohort, definition, file } = exported(['--definition', 'state', '--level', 'region', ...flags]);
    const expected = CohortDefinition.parse({
      status: ['REFUGEE', 'SUBSIDIARY'],
      decisionYears: [2015, 2016],
      nationalities: ['SYR', 'AFG', 'STATELESS'],
      sexes: ['M', 'F'],
      ageBands: ['18-24', '25-34', '35-44'],
      geoAtDecision: { level: 'region', vintage: '2019', codes: ['02000', '03000'] },
      geoAtReference: { level: 'region', vintage: '2019', codes: ['02000', '04000', 'ABROAD'] },
    });
    expect(cohort).toEqual(expected);
    // The file holds what the engine's disclosure control gives for that cohort: a real, non-trivial table.
    const session = await openExtractSession({ path: extract, passphrase: PASS, cipher: { preset: 'auto' } }, path.join(work, 'inproc'), () => {});
    try {
      const { tables } = buildMatrixTables(session, expected, MatrixDefinition.parse(definition), DEFAULT_POLICY, 'nl');
      const t = tables[0].table;
      const rows = parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n\r\n')[0], { delimiter: ';', relax_column_count: true }) as string[][];
      const shown = (v: number | null) => (v === null ? '[c]' : String(v));
      expect(rows[rows.length - 1].slice(1)).toEqual([...t.colTotals.map(shown), shown(t.total)]);
      expect(t.total).toBeGreaterThan(50);
      expect(t.total).toBeLessThan(2000);
    } finally {
      session.close();
    }
  });

  it('--decision-from/--decision-to and an age range MIN..MAX', () => {
    const { cohort } = exported(['--definition', 'state', '--level', 'region', '--decision-from', '2015-01-01', '--decision-to', '2016-06-30', '--age', '18..64']);
    expect(cohort).toEqual({ ...DEFAULT_COHORT, decisionDate: { from: '2015-01-01', to: '2016-06-30' }, ageRange: { min: 18, max: 64 } });
  });

  it('filter flags combine with --recipe: fields the flags name replace the recipe’s, the rest stays', () => {
    const women = exported(['--definition', 'state', '--level', 'region', '--recipe', recipeFile, '--sex', 'F']);
    expect(women.cohort).toEqual({ ...SYRIAN_REFUGEES, sexes: ['F'] });
    const subsidiary = exported(['--definition', 'state', '--level', 'region', '--recipe', recipeFile, '--status', 'SUBSIDIARY']);
    expect(subsidiary.cohort).toEqual({ ...SYRIAN_REFUGEES, status: ['SUBSIDIARY'] });
  });

  it('refuses with the same codes and messages as the UI, and writes nothing', () => {
    const out = path.join(work, 'refused.csv');
    const args = [...BASE, '--out', out, '--level', 'region'];
    const after = cli([...args, '--definition', 'state', '--destination-date', '2019-01-01']);
    expect(after.code).toBe(1);
    expect(after.stderr.trim()).toBe(`MATRIX_DATE_AFTER_REFERENCE: ${errorMessage('MATRIX_DATE_AFTER_REFERENCE', { date: '01/01/2019', reference: '27/01/2018' }).nl}`);
    const reversed = cli([...args, '--definition', 'all-moves', '--period', '2017-01-01..2016-01-01']);
    expect(reversed.code).toBe(1);
    expect(reversed.stderr.trim()).toBe(`MATRIX_DATES_REVERSED: ${errorMessage('MATRIX_DATES_REVERSED', { from: '01/01/2017', to: '01/01/2016' }).nl}`);
    const nationality = cli([...args, '--definition', 'state', '--nationality', 'Syria']);
    expect(nationality.code).toBe(1);
    expect(nationality.stderr).toMatch(/^INVALID_REQUEST: /);
    expect(nationality.stderr).toContain('cohort.nationalities.0');
    const months = cli([...args, '--definition', 'first-move', '--follow-up-months', '0']);
    expect(months.code).toBe(1);
    expect(months.stderr).toContain('definition.followUpMonths');
    const period = cli([...args, '--definition', 'all-moves', '--period', '2016']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('--period');
    const vintage = cli([...args, '--definition', 'state', '--vintage', '2020']);
    expect(vintage.code).toBe(2);
    expect(vintage.stderr).toContain('2014, 2019, 2025');
    const geo = cli([...args, '--definition', 'state', '--area-at-decision', 'country:BE']);
    expect(geo.code).toBe(2);
    expect(geo.stderr).toContain('--area-at-decision');
    expect(() => readFileSync(out)).toThrow();
  });
});
