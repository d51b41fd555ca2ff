import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../../shared/api/errors';
import { REPO_ROOT } from '../support/test-engine';
import { makeTempDir } from '../support/temp-dirs';

const CLI = path.join(REPO_ROOT, 'dist/electron/cli.cjs');
const work = makeTempDir('vv-cli-');
const dataDir = path.join(work, 'data');
const PASS = 'cli-test-passphrase';
const passFile = path.join(work, 'pass.txt');

/** Runs the bundled CLI as a child process, stdin not a terminal. */
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', LANG: 'nl_BE.UTF-8', ...env },
    encoding: 'utf8',
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-node.mjs', '--quiet'], { cwd: REPO_ROOT });
  writeFileSync(passFile, `${PASS}\n`);
});

describe('command line', () => {
  it('demo-data → import → info, passphrase from the environment and from a file', () => {
    const csv = path.join(work, 'csv');
    const gen = cli(['demo-data', '--persons', '500', '--seed', '3', '--csv', csv]);
    expect(gen.code).toBe(0);
    expect(readdirSync(csv)).toContain('person.csv');

    const out = path.join(work, 'imported.db');
    const imp = cli(['import', '--from', csv, '--out', out], { VERHUIS_PASSPHRASE: PASS });
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/person\s+500/);

    const info = cli(['info', '--extract', out, '--passphrase-file', passFile, '--lang', 'en']);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/Reference date\s+2018-01-27/);
    expect(info.stdout).toMatch(/Cipher\s+sqlcipher4/);
    expect(info.stdout).toMatch(/person\s+500/);
    const json = JSON.parse(cli(['info', '--extract', out, '--json'], { VERHUIS_PASSPHRASE: PASS }).stdout);
    expect(json.persons).toBe(500);
    expect(json.rssBytes).toBeGreaterThan(0);
  });

  it('writes an encrypted demo extract that info reads back', () => {
    const out = path.join(work, 'demo.db');
    expect(cli(['demo-data', '--persons', '300', '--seed', '9', '--out', out, '--demo-passphrase']).code).toBe(0);
    const info = cli(['info', '--extract', out], { VERHUIS_PASSPHRASE: 'demo-verhuisverkenner' });
    expect(info.stdout).toMatch(/Personen\s+300/);
    expect(info.stdout).toMatch(/Bron\s+synthetic/);
  });

  it('never takes a passphrase as an argument', () => {
    for (const arg of [['--passphrase', PASS], [`--passphrase=${PASS}`]]) {
      const r = cli(['info', '--extract', 'x.db', ...arg]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--passphrase-file');
      expect(r.stderr).not.toContain(PASS);
    }
  });

  it('without a terminal or another source, asks for one instead of waiting', () => {
    const r = cli(['info', '--extract', path.join(work, 'demo.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('VERHUIS_PASSPHRASE');
  });

  it('prints errors with the same code and message as the UI, in NL or EN', () => {
    const target = path.join(work, 'wrong.db');
    expect(cli(['demo-data', '--persons', '20', '--seed', '1', '--out', target], { VERHUIS_PASSPHRASE: PASS }).code).toBe(0);
    const nl = cli(['info', '--extract', target], { VERHUIS_PASSPHRASE: 'not-the-passphrase' });
    expect(nl.code).toBe(1);
    expect(nl.stderr.trim()).toBe(`WRONG_PASSPHRASE: ${errorMessage('WRONG_PASSPHRASE').nl}`);
    const en = cli(['info', '--extract', target], { VERHUIS_PASSPHRASE: 'not-the-passphrase', LANG: 'en_GB.UTF-8' });
    expect(en.stderr.trim()).toBe(`WRONG_PASSPHRASE: ${errorMessage('WRONG_PASSPHRASE').en}`);
    const missing = cli(['info', '--extract', path.join(work, 'nope.db'), '--lang', 'en'], { VERHUIS_PASSPHRASE: PASS });
    expect([missing.code, missing.stderr.split(':')[0]]).toEqual([1, 'FILE_NOT_FOUND']);
    const exists = cli(['demo-data', '--persons', '20', '--seed', '1', '--out', target], { VERHUIS_PASSPHRASE: PASS });
    expect(exists.code).toBe(1);
    expect(exists.stderr.trim()).toBe(`IMPORT_TARGET_EXISTS: ${errorMessage('IMPORT_TARGET_EXISTS', { file: 'wrong.db' }).nl}`);
  });

  it('lists the findings of a failed import with file, line and column, and leaves no file', () => {
    const csv = path.join(work, 'bad-csv');
    expect(cli(['demo-data', '--persons', '30', '--seed', '2', '--csv', csv]).code).toBe(0);
    writeFileSync(path.join(csv, 'person.csv'), 'person_id,birth_year,birth_month,sex,nationality,death_date\nP1,1990,,Q,SYR,\n');
    const outDir = makeTempDir('vv-cli-out-');
    const r = cli(['import', '--from', csv, '--out', path.join(outDir, 'x.db')], { VERHUIS_PASSPHRASE: PASS });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^IMPORT_INVALID: De CSV-bestanden bevatten \d+ fout/);
    expect(r.stderr).toContain('person.csv:2:sex');
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('rejects unknown options and prints help', () => {
    expect(cli(['info', '--bogus']).code).toBe(2);
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('demo-data');
    expect(help.stdout).toContain('import');
  });
});
