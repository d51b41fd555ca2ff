import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { VALID, withRows, writeFolder } from './csv-fixture';
import { runImport } from './import-run';
import type { TestEngine } from '../support/test-engine';
import { mulberry32 } from '../support/seeded-random';
import { afterFailureNotice, rowsPerSecond } from '../../renderer/src/features/import/import-outcome';
import { translate } from '../../renderer/src/i18n/i18n';

const engines: TestEngine[] = [];
afterEach(() => engines.splice(0).forEach((e) => e.dispose()));

async function report(sourceDir: string) {
  const run = await runImport(sourceDir);
  engines.push(run.te);
  expect(run.result.ok).toBe(false);
  return (await run.te.value('import.report', { offset: 0, limit: 500 })).issues;
}

describe('import messages an analyst can act on', () => {
  it('quotes the impossible date', async () => {
    const issues = await report(writeFolder(withRows('asylum_application', 'A4,P1,2016-02-30')));
    expect(issues).toHaveLength(1);
    expect(issues[0].message.nl).toContain('"2016-02-30"');
    expect(issues[0].message.en).toContain('"2016-02-30"');
  });

  it('quotes the NIS code and the date it is not valid on', async () => {
    const issues = await report(writeFolder(withRows('residence', 'P2,2017-01-01,,MAIN,99991,')));
    expect(issues.map((i) => i.code)).toEqual(['BAD_NIS_ON_DATE']);
    expect(issues[0].message.nl).toContain('"99991"');
    expect(issues[0].message.nl).toContain('01/01/2017');
    expect(issues[0].message.en).toContain('01/01/2017');
  });

  it('reports one bad person row once, not again as "person does not occur" in every other table', async () => {
    // P1 has rows in asylum_application, protection_decision, residence and the KBI tables.
    const person = VALID.person.replace('P1,1990,5,M,SYR,', 'P1,199x,5,M,SYR,');
    const issues = await report(writeFolder({ person }));
    expect(issues.map((i) => [i.file, i.column, i.code])).toEqual([['person.csv', 'birth_year', 'NOT_INTEGER']]);
    expect(issues[0].message.nl).toContain('"199x"');
  });

  it('calls a file of random bytes "not a CSV or text file", not empty', async () => {
    const dir = writeFolder();
    const rnd = mulberry32(20261129);
    writeFileSync(path.join(dir, 'kbi_person.csv'), Buffer.from(Array.from({ length: 4096 }, () => Math.floor(rnd() * 256))));
    const issues = await report(dir);
    expect(issues.map((i) => [i.file, i.code])).toEqual([['kbi_person.csv', 'NOT_TEXT']]);
    expect(issues[0].message.nl).not.toMatch(/leeg/);
  });
});

describe('import outcome in the wizard', () => {
  it('computes rows/s from the duration it shows (293 rows in 763 ms is 384/s)', () => {
    expect(rowsPerSecond(293, 763)).toBe(384);
    expect(rowsPerSecond(1_000_000, 2_000)).toBe(500_000);
  });

  it('says an existing target was left unchanged, not "niet aangemaakt"', () => {
    const nl = translate('nl', afterFailureNotice('IMPORT_TARGET_EXISTS'));
    expect(nl).not.toMatch(/niet aangemaakt/);
    expect(nl).toMatch(/bestond al/);
    expect(translate('nl', afterFailureNotice('IMPORT_INVALID'))).toMatch(/niet aangemaakt/);
  });
});
