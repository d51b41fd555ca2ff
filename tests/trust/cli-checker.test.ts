import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/test-engine';
import { makeTempDir } from '../support/temp-dirs';

/**
 * Issue 11.2 and 11.4 at the command line: the output checker's `audit verify --export` and
 * `audit report`, and `--resources-dir` and VERHUIS_POLICY_FILE in a release build.
 */
const work = makeTempDir('vv-cli-checker-');
const dataDir = path.join(work, 'data');
const extract = path.join(work, 'extract.db');
const passFile = path.join(work, 'pass.txt');
const PASS = 'cli-checker-passphrase';

async function bundle(outdir: string, release: boolean): Promise<string> {
  await build({
    entryPoints: { cli: path.join(REPO_ROOT, 'electron/cli/cli.ts') },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
    ...(release ? { define: { __VERHUIS_RELEASE__: 'true' } } : {}),
  });
  return path.join(outdir, 'cli.cjs');
}

let devCli: string;
let releaseCli: string;
const run = (cli: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [cli, ...args, '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', LANG: 'en_GB.UTF-8', NODE_PATH: path.join(REPO_ROOT, 'node_modules'), ...env },
    encoding: 'utf8',
    input: '',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const open = ['--extract', extract, '--passphrase-file', passFile];
const matrix = (cli: string, out: string, format: string, env: Record<string, string> = {}) =>
  run(cli, ['matrix', ...open, '--definition', 'state', '--level', 'region', '--format', format, '--out', out], env);

beforeAll(async () => {
  devCli = await bundle(path.join(work, 'dev'), false);
  releaseCli = await bundle(path.join(work, 'release'), true);
  writeFileSync(passFile, `${PASS}\n`);
  const gen = run(devCli, ['demo-data', '--persons', '800', '--seed', '5', '--out', extract, '--passphrase-file', passFile]);
  expect(gen.err).toBe('');
  expect(gen.code).toBe(0);
}, 120_000);

describe('the output checker at the command line', () => {
  it('audit verify --export proves released files and rejects an edited one; audit report lists every release', async () => {
    const a = path.join(work, 'a.xlsx');
    const b = path.join(work, 'b.csv');
    expect(matrix(devCli, a, 'xlsx').code).toBe(0);
    expect(matrix(devCli, b, 'csv', {}).code).toBe(0);
    const ok = run(devCli, ['audit', 'verify', ...open, '--export', a, b]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/OK {2}a\.xlsx: entry #1/);
    expect(ok.out).toMatch(/OK {2}b\.csv: entry #2/);

    writeFileSync(b, readFileSync(b, 'utf8').replace(/;(\d+)\r\n/, (_m, n: string) => `;${Number(n) + 1}\r\n`));
    const bad = run(devCli, ['audit', 'verify', ...open, '--export', b]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('content-differs');

    const report = path.join(work, 'report.xlsx');
    const r = run(devCli, ['audit', 'report', ...open, '--out', report]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const releases = wb.getWorksheet('Releases')!;
    expect(releases.rowCount).toBe(3);
    expect(releases.getRow(2).getCell(7).value).toBe('a.xlsx');
    if (process.platform !== 'win32') expect(statSync(report).mode & 0o777).toBe(0o600);
    // An existing report is not replaced without --overwrite.
    expect(run(devCli, ['audit', 'report', ...open, '--out', report]).err).toMatch(/^FILE_EXISTS/);
  }, 180_000);

  it('a release build has no --resources-dir and ignores VERHUIS_POLICY_FILE; a development build blocks on a missing one', () => {
    const refused = run(releaseCli, ['info', ...open, '--resources-dir', path.join(work, 'fake-resources')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/resources-dir/);
    expect(run(devCli, ['info', ...open, '--resources-dir', path.join(REPO_ROOT, 'resources')]).code).toBe(0);
    const missing = { VERHUIS_POLICY_FILE: path.join(work, 'nonexistent.json') };
    expect(matrix(devCli, path.join(work, 'dev-missing.csv'), 'csv', missing).err).toMatch(/^POLICY_INVALID/);
    expect(matrix(releaseCli, path.join(work, 'release-missing.csv'), 'csv', missing).code).toBe(0);
  }, 180_000);
});
