import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VALID, listing, withRows, writeFolder } from './csv-fixture';
import { PASS, runImport } from './import-run';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { tempDir } from './csv-fixture';

const engines: TestEngine[] = [];
afterEach(() => engines.splice(0).forEach((e) => e.dispose()));

/** Runs an import that must fail; returns the findings as [file, line, column, code]. */
async function findings(overrides: Parameters<typeof writeFolder>[0]) {
  const run = await runImport(writeFolder(overrides));
  engines.push(run.te);
  expect(run.result.ok).toBe(false);
  if (run.result.ok) return [];
  expect(run.result.error.code).toBe('IMPORT_INVALID');
  // On any error, no output file is left, not even the temporary one.
  expect(listing(run.targetDir)).toEqual([]);
  const report = await run.te.value('import.report', { offset: 0, limit: 500 });
  expect(run.result.error.message.en).toContain(`${report.total} error`);
  return report.issues.map((i) => [i.file, i.line, i.column, i.code]);
}

describe('import.fromCsv reports each problem with file, line and column', () => {
  it.each<[string, Parameters<typeof writeFolder>[0], (string | number)[][]]>([
    ['missing required column', { person: VALID.person.replace('sex,', '').replace(/,(M|F),/g, ',') }, [['person.csv', 1, 'sex', 'MISSING_COLUMN']]],
    ['not an integer', withRows('person', 'P4,199x,1,M,SYR,'), [['person.csv', 5, 'birth_year', 'NOT_INTEGER']]],
    ['integer out of range', withRows('person', 'P4,1850,1,M,SYR,'), [['person.csv', 5, 'birth_year', 'OUT_OF_RANGE']]],
    ['unknown enum value', withRows('person', 'P4,1990,1,V,SYR,'), [['person.csv', 5, 'sex', 'BAD_ENUM']]],
    ['bad nationality code', withRows('person', 'P4,1990,1,M,Syria,'), [['person.csv', 5, 'nationality', 'BAD_COUNTRY']]],
    ['required value missing', withRows('asylum_application', 'A4,P1,'), [['asylum_application.csv', 5, 'application_date', 'REQUIRED']]],
    ['not a date', withRows('asylum_application', 'A4,P1,2015-02-30'), [['asylum_application.csv', 5, 'application_date', 'BAD_DATE']]],
    ['date after the reference date', withRows('asylum_application', 'A4,P1,2018-02-01'), [['asylum_application.csv', 5, 'application_date', 'DATE_OUT_OF_RANGE']]],
    ['person that does not exist', withRows('protection_decision', 'P9,2016-01-01,REJECTED,'), [['protection_decision.csv', 5, 'person_id', 'UNKNOWN_PERSON']]],
    ['duplicate key', withRows('protection_decision', 'P1,2016-03-01,REJECTED,'), [['protection_decision.csv', 5, 'person_id,decision_date', 'DUPLICATE_KEY']]],
    ['duplicate person', withRows('person', 'P2,1990,1,M,SYR,'), [['person.csv', 5, 'person_id', 'DUPLICATE_KEY']]],
    ['end before start', withRows('residence', 'P2,2017-01-01,2016-12-31,ABROAD,,DEU'), [['residence.csv', 8, 'end_date', 'START_AFTER_END']]],
    // 58001 is La Louvière's code from 2019; in 2017 it was 55022.
    ['NIS code not yet valid on the date', withRows('residence', 'P2,2017-01-01,,MAIN,58001,'), [['residence.csv', 8, 'nis_code', 'BAD_NIS_ON_DATE']]],
    // Knesselare (44029) merged into Aalter on 1/1/2019.
    ['NIS code no longer valid on the date', { extract_meta: VALID.extract_meta.replace('2018-01-27', '2020-01-27'), ...withRows('residence', 'P2,2019-06-01,,MAIN,44029,') }, [['residence.csv', 8, 'nis_code', 'BAD_NIS_ON_DATE']]],
    ['not a NIS code at all', withRows('residence', 'P2,2017-01-01,,MAIN,1100,'), [['residence.csv', 8, 'nis_code', 'BAD_NIS_ON_DATE']]],
    ['NIS code missing for a main residence', withRows('residence', 'P2,2017-01-01,,MAIN,,'), [['residence.csv', 8, 'nis_code', 'NIS_REQUIRED']]],
    ['row with a field too many', withRows('kbi_person', 'P2,ENTITLED,,extra'), [['kbi_person.csv', 3, '', 'FIELD_COUNT']]],
    ['unclosed quote', withRows('kbi_trajectory', 'T2,P2,"2016-11-01,,,,RUNNING'), [['kbi_trajectory.csv', 3, '', 'CSV_SYNTAX']]],
    ['missing meta key', { extract_meta: VALID.extract_meta.replace('schema_version,1\n', '') }, [['extract_meta.csv', 0, 'value', 'META_MISSING_KEY']]],
    ['bad nis_vintage', { extract_meta: `${VALID.extract_meta}nis_vintage,2018\n` }, [['extract_meta.csv', 6, 'value', 'META_BAD_VALUE']]],
  ])('%s', async (_label, overrides, expected) => {
    expect(await findings(overrides)).toEqual(expected);
  });

  it('checks codes against the vintage the supplier converted to (extract_meta.nis_vintage)', async () => {
    const meta = { extract_meta: `${VALID.extract_meta.replace('2018-01-27', '2020-01-27')}nis_vintage,2019\n` };
    // In a 2019-vintage extract, the 2015 stay in La Louvière carries 58001 and Knesselare became Aalter (44084).
    const converted = VALID.residence.replace(/55022/g, '58001').replace('44029', '44084');
    const run = await runImport(writeFolder({ ...meta, residence: converted }));
    engines.push(run.te);
    expect(run.result.ok).toBe(true);
    // … and the old codes are then wrong.
    expect(await findings({ ...meta, residence: VALID.residence })).toEqual([
      ['residence.csv', 2, 'nis_code', 'BAD_NIS_IN_VINTAGE'],
      ['residence.csv', 3, 'nis_code', 'BAD_NIS_IN_VINTAGE'],
      ['residence.csv', 5, 'nis_code', 'BAD_NIS_IN_VINTAGE'],
    ]);
  });

  it('keeps the first 100 findings, counts all of them, and pages the report', async () => {
    const bad = Array.from({ length: 250 }, (_, i) => `X${i},P404,2016-01-01`);
    const run = await runImport(writeFolder(withRows('asylum_application', ...bad)));
    engines.push(run.te);
    expect(run.result.ok || run.result.error.detail).toEqual({ shown: 100, total: 250 });
    const page1 = await run.te.value('import.report', { offset: 0, limit: 60 });
    const page2 = await run.te.value('import.report', { offset: 60, limit: 60 });
    expect([page1.total, page1.shown, page1.issues.length, page2.issues.length]).toEqual([250, 100, 60, 40]);
    expect(page1.issues[0].line).toBe(5);
    expect(page2.issues[39].line).toBe(104);
    // Messages name the column, never the offending value.
    expect(JSON.stringify(page1.issues)).not.toContain('P404');
  });

  it('refuses an existing target and leaves it untouched', async () => {
    const te = makeTestEngine();
    engines.push(te);
    const dir = tempDir('vv-target-');
    const target = path.join(dir, 'extract.db');
    writeFileSync(target, 'keep me');
    const before = createHash('sha256').update(readFileSync(target)).digest('hex');
    const r = await te.call('import.fromCsv', { sourceDir: writeFolder(), targetPath: target, passphrase: PASS });
    expect(r.ok ? 'ok' : r.error.code).toBe('IMPORT_TARGET_EXISTS');
    expect(createHash('sha256').update(readFileSync(target)).digest('hex')).toBe(before);
    expect(listing(dir)).toEqual(['extract.db']);
  });

  it('names a missing CSV file and creates nothing', async () => {
    const te = makeTestEngine();
    engines.push(te);
    const source = writeFolder();
    rmSync(path.join(source, 'kbi_component.csv'));
    const dir = tempDir('vv-target-');
    const r = await te.call('import.fromCsv', { sourceDir: source, targetPath: path.join(dir, 'x.db'), passphrase: PASS });
    expect(r.ok ? 'ok' : [r.error.code, r.error.message.nl.includes('kbi_component.csv')]).toEqual(['IMPORT_SOURCE_MISSING', true]);
    expect(listing(dir)).toEqual([]);
  });
});
