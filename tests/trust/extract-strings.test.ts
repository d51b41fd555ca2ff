import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCipher, passphraseBytes } from '../../electron/engine/extract/cipher';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { VALID, withRows, writeFolder } from '../import/csv-fixture';
import { runImport } from '../import/import-run';

/**
 * Issue 11.4: strings of an extract that reach outputs are validated on open and on import —
 * the extract id (no formula start, plain characters) and nationality codes against their list —
 * with NOT_AN_EXTRACT naming the field (never the value).
 */
const engines: TestEngine[] = [];
afterEach(() => engines.splice(0).forEach((e) => e.dispose()));
const dir = makeTempDir('vv-extract-strings-');

function withSql(file: string, sql: string) {
  const db = new Database(file);
  applyCipher(db, { preset: 'sqlcipher4' }, passphraseBytes(TEST_PASSPHRASE));
  db.exec(sql);
  db.close();
}

async function openCode(file: string) {
  const t = makeTestEngine();
  engines.push(t);
  const r = await t.call('extract.open', { path: file, passphrase: TEST_PASSPHRASE, cipher: { preset: 'auto' } });
  return r.ok ? { code: 'ok', message: '' } : { code: r.error.code, message: r.error.message.en };
}

describe('extract strings on open', () => {
  it.each([['+cmd|calc'], ['-2+3'], ['@SUM(1)'], ['=HYPERLINK("x")'], ['id with\ttab']])('refuses extract_id %j with NOT_AN_EXTRACT naming the field', async (id) => {
    const file = makeExtract(path.join(makeTempDir('vv-xs-'), 'e.db'), { persons: 5, meta: { extract_id: id } }).path;
    const r = await openCode(file);
    expect(r.code).toBe('NOT_AN_EXTRACT');
    expect(r.message).toContain('extract_meta.extract_id');
    expect(r.message).not.toContain(id);
  });

  it('refuses a nationality that is not a code of its list', async () => {
    const file = makeExtract(path.join(dir, 'nat.db'), { persons: 20 }).path;
    withSql(file, `UPDATE person SET nationality = '=HYPERLINK("http://x.invalid";"SYR")' WHERE rowid = 1`);
    const r = await openCode(file);
    expect(r.code).toBe('NOT_AN_EXTRACT');
    expect(r.message).toContain('person.nationality');
    expect(r.message).not.toContain('HYPERLINK');
  });

  it('opens an extract with plain ids and listed codes', async () => {
    const file = makeExtract(path.join(dir, 'fine.db'), { persons: 20, meta: { extract_id: 'RR-KBI_2018.01:v2' } }).path;
    expect((await openCode(file)).code).toBe('ok');
  });
});

describe('extract strings on import', () => {
  it('reports a formula-like extract_id and an unlisted nationality', async () => {
    const folder = writeFolder({
      extract_meta: VALID.extract_meta.replace(/extract_id,[^\n]*/, 'extract_id,@SUM(1+1)'),
      ...withRows('person', 'P9,1990,1,M,ZZZ,'),
    });
    const run = await runImport(folder);
    engines.push(run.te);
    expect(run.result.ok ? 'ok' : run.result.error.code).toBe('IMPORT_INVALID');
    const report = await run.te.value('import.report', { offset: 0, limit: 50 });
    const found = report.issues.map((i) => [i.file, i.column, i.code]);
    expect(found).toContainEqual(['extract_meta.csv', 'value', 'META_BAD_VALUE']);
    expect(found).toContainEqual(['person.csv', 'nationality', 'BAD_COUNTRY']);
  });
});
