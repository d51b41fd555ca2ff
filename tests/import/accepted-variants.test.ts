import { afterEach, describe, expect, it } from 'vitest';
import { VALID, listing, withRows, writeFolder, type FolderOptions } from './csv-fixture';
import { openImported, runImport } from './import-run';
import type { TestEngine } from '../support/test-engine';

const engines: TestEngine[] = [];
afterEach(() => engines.splice(0).forEach((e) => e.dispose()));

async function importOk(overrides: Parameters<typeof writeFolder>[0], opts: FolderOptions = {}) {
  const run = await runImport(writeFolder(overrides, opts));
  engines.push(run.te);
  if (!run.result.ok) {
    const report = await run.te.value('import.report', { offset: 0, limit: 10 });
    throw new Error(`import failed: ${run.result.error.code} ${JSON.stringify(report.issues.map((i) => [i.file, i.line, i.column, i.code]))}`);
  }
  return { ...run, db: openImported(run.targetPath) };
}

const NOTE = 'Extractie Liège – Dé Panne en Boëchout';
const withNote = (value: string) => ({ extract_meta: `${VALID.extract_meta}note,${value}\n` });

describe('import.fromCsv accepts the formats suppliers send', () => {
  it.each<[string, FolderOptions]>([
    ['comma, UTF-8, LF', {}],
    ['semicolon', { delimiter: ';' }],
    ['UTF-8 with BOM', { encoding: 'utf8-bom' }],
    ['Windows-1252 with CRLF', { encoding: 'cp1252', eol: '\r\n' }],
    ['semicolon, BOM, CRLF', { delimiter: ';', encoding: 'utf8-bom', eol: '\r\n' }],
  ])('%s: all rows arrive, accented text intact', async (_label, opts) => {
    const { db, result } = await importOk(withNote(NOTE), opts);
    expect(result.ok && result.value.tables.find((t) => t.name === 'residence')?.rows).toBe(6);
    expect(db.prepare("SELECT value FROM extract_meta WHERE key = 'note'").pluck().get()).toBe(NOTE);
    // The BOM does not end up in the first column name or key.
    expect(db.prepare("SELECT value FROM extract_meta WHERE key = 'extract_id'").pluck().get()).toBe('test-1');
    expect(db.prepare('SELECT count(*) FROM person').pluck().get()).toBe(3);
    db.close();
  });

  it('stores dd/mm/yyyy dates as ISO', async () => {
    const { db } = await importOk({
      extract_meta: VALID.extract_meta.replace('2018-01-27', '27/01/2018'),
      residence: VALID.residence.replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1').replace('02/09/2015', '2/9/2015'),
    });
    expect(db.prepare("SELECT value FROM extract_meta WHERE key = 'reference_date'").pluck().get()).toBe('2018-01-27');
    const starts = db.prepare("SELECT start_date FROM residence WHERE person_id = 'P1' ORDER BY start_date").pluck().all();
    expect(starts).toEqual(['2015-09-02', '2016-03-01', '2016-10-01']);
    db.close();
  });

  it('reads quoted fields with delimiters, quotes and line breaks, and keeps counting lines', async () => {
    const multi = 'regel één\r\nregel twee, met "aanhalingstekens"; en ;';
    const quoted = `"${multi.replace(/"/g, '""')}"`;
    const run = await runImport(
      writeFolder({
        ...withNote(quoted),
        // A bad row after the multi-line value: its reported line must be the physical line.
        ...withRows('person', 'P4,1990,13,M,SYR,'),
      }),
    );
    engines.push(run.te);
    expect(run.result.ok).toBe(false);
    const report = await run.te.value('import.report', { offset: 0, limit: 10 });
    expect(report.issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([['person.csv', 5, 'birth_month', 'OUT_OF_RANGE']]);

    const { db } = await importOk(withNote(quoted));
    expect(db.prepare("SELECT value FROM extract_meta WHERE key = 'note'").pluck().get()).toBe(multi);
    db.close();
  });

  it('accepts nullable columns left out of the header, and empty lines', async () => {
    const { db } = await importOk({
      person: 'person_id,birth_year,sex,nationality\nP1,1990,M,SYR\n\nP2,2001,F,AFG\nP3,1985,M,ERI\n',
      residence: VALID.residence.replace('P3,2017-06-01,,DECEASED,,\n', ''),
    });
    expect(db.prepare('SELECT count(*) FROM person WHERE birth_month IS NULL AND death_date IS NULL').pluck().get()).toBe(3);
    db.close();
  });

  it('gives the same extract whether fields are quoted or not (also in Windows-1252)', async () => {
    const quoteAll = (text: string) =>
      text.split('\n').map((line) => (line ? line.split(',').map((f) => `"${f}"`).join(',') : line)).join('\n');
    const quoted = Object.fromEntries(Object.entries({ ...VALID, ...withNote(NOTE) }).map(([t, text]) => [t, quoteAll(text)]));
    const dump = (db: ReturnType<typeof openImported>) =>
      ['person', 'residence', 'kbi_component', 'extract_meta'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all());
    const plain = await importOk(withNote(NOTE), { encoding: 'cp1252', delimiter: ';' });
    const withQuotes = await importOk(quoted, { encoding: 'cp1252', delimiter: ';' });
    expect(dump(withQuotes.db)).toEqual(dump(plain.db));
    plain.db.close();
    withQuotes.db.close();
  });

  it('leaves only the finished extract in the target folder', async () => {
    const { targetDir } = await importOk({});
    expect(listing(targetDir)).toEqual(['extract.db']);
  });
});
