import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEncryptedExtract, finishExtract, writeExtractMeta } from '../../electron/engine/extract/create-extract';
import { sha256File } from '../extract/open-helpers';
import { DEFAULT_META, makeExtract, makeTempDir, TEST_PASSPHRASE, type MadeExtract, type Row } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

let te: TestEngine;
let made: MadeExtract;
let dir: string;

beforeAll(async () => {
  te = makeTestEngine();
  dir = makeTempDir();
  made = makeExtract(path.join(dir, 'browse.db'), { persons: 400, seed: 3 });
  await te.value('extract.open', { path: made.path, passphrase: TEST_PASSPHRASE });
});
afterAll(() => te.dispose());

/** SQLite's order: NULL first, numbers by value, text by bytes. */
const cmp = (a: Row[string], b: Row[string]) => {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
};
const sorted = (rows: Row[], keys: { column: string; direction: 'asc' | 'desc' }[]) =>
  rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      for (const k of keys) {
        const c = cmp(x.r[k.column], y.r[k.column]);
        if (c) return k.direction === 'desc' ? -c : c;
      }
      return x.i - y.i;
    })
    .map((x) => x.r);
const full = (rows: Row[], cols: string[]) => rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null])));
const personCols = ['person_id', 'birth_year', 'birth_month', 'sex', 'nationality', 'death_date'];

describe('browse.rows', () => {
  test('pages through a table in stored order; any block can be fetched directly', async () => {
    const all = full(made.rows.person, personCols);
    const block = await te.value('browse.rows', { table: 'person', startRow: 250, endRow: 300 });
    expect(block.rowCount).toBe(400);
    expect(block.rows).toEqual(all.slice(250, 300));
    const last = await te.value('browse.rows', { table: 'person', startRow: 390, endRow: 500 });
    expect(last.rows).toEqual(all.slice(390));
    expect((await te.value('browse.rows', { table: 'person', startRow: 500, endRow: 600 })).rows).toEqual([]);
  });

  test('sorts on several columns, stable for equal keys', async () => {
    const sort = [
      { column: 'birth_year', direction: 'desc' as const },
      { column: 'sex', direction: 'asc' as const },
    ];
    const expected = sorted(full(made.rows.person, personCols), sort);
    const a = await te.value('browse.rows', { table: 'person', startRow: 0, endRow: 100, sort });
    const b = await te.value('browse.rows', { table: 'person', startRow: 100, endRow: 400, sort });
    expect([...a.rows, ...b.rows]).toEqual(expected);
  });

  test('filters combine; rowCount counts the filtered rows', async () => {
    const cols = ['person_id', 'start_date', 'end_date', 'kind', 'nis_code', 'country_code'];
    const res = full(made.rows.residence, cols);
    const expected = res.filter((r) => r.kind === 'MAIN' && r.end_date === null && String(r.start_date) >= '2016-01-01' && String(r.start_date) <= '2016-12-31');
    const got = await te.value('browse.rows', {
      table: 'residence',
      startRow: 0,
      endRow: 1000,
      filters: [
        { column: 'kind', op: 'equals', value: 'MAIN' },
        { column: 'end_date', op: 'blank' },
        { column: 'start_date', op: 'between', from: '2016-01-01', to: '2016-12-31' },
      ],
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(got.rowCount).toBe(expected.length);
    expect(got.rows).toEqual(expected);
  });

  test('contains and startsWith ignore case; numbers given as text match int columns', async () => {
    const people = full(made.rows.person, personCols);
    const syr = await te.value('browse.rows', { table: 'person', startRow: 0, endRow: 1000, filters: [{ column: 'nationality', op: 'contains', value: 'yr' }] });
    expect(syr.rowCount).toBe(people.filter((p) => p.nationality === 'SYR').length);
    const st = await te.value('browse.rows', { table: 'person', startRow: 0, endRow: 1000, filters: [{ column: 'nationality', op: 'startsWith', value: 'sta' }] });
    expect(st.rowCount).toBe(people.filter((p) => p.nationality === 'STATELESS').length);
    const year = people[0].birth_year as number;
    const y = await te.value('browse.rows', { table: 'person', startRow: 0, endRow: 1000, filters: [{ column: 'birth_year', op: 'equals', value: String(year) }] });
    expect(y.rowCount).toBe(people.filter((p) => p.birth_year === year).length);
    const noMonth = await te.value('browse.rows', { table: 'person', startRow: 0, endRow: 1000, filters: [{ column: 'birth_month', op: 'notBlank' }] });
    expect(noMonth.rowCount).toBe(people.filter((p) => p.birth_month !== null).length);
  });

  test('filter values are data, not SQL; wildcards in values are literal', async () => {
    const inj = await te.value('browse.rows', { table: 'person', startRow: 0, endRow: 10, filters: [{ column: 'sex', op: 'equals', value: "M' OR '1'='1" }] });
    expect(inj.rowCount).toBe(0);
    const pct = await te.value('browse.rows', { table: 'person', startRow: 0, endRow: 10, filters: [{ column: 'nationality', op: 'contains', value: '%' }] });
    expect(pct.rowCount).toBe(0);
  });

  test('unknown columns and tables are refused', async () => {
    const bad = [
      { table: 'person', startRow: 0, endRow: 10, sort: [{ column: 'rowid', direction: 'asc' }] },
      { table: 'person', startRow: 0, endRow: 10, sort: [{ column: 'sex; DROP TABLE person', direction: 'asc' }] },
      { table: 'person', startRow: 0, endRow: 10, filters: [{ column: 'kind', op: 'blank' }] },
      { table: 'extract_meta', startRow: 0, endRow: 10 },
      { table: 'sqlite_master', startRow: 0, endRow: 10 },
    ];
    for (const req of bad) {
      const r = await te.engine.dispatch('browse.rows', req);
      expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_REQUEST');
    }
  });

  test('browsing never changes the extract', async () => {
    const before = sha256File(made.path);
    await te.value('browse.rows', { table: 'kbi_component', startRow: 0, endRow: 50, sort: [{ column: 'type', direction: 'asc' }] });
    expect(sha256File(made.path)).toBe(before);
  });
});

test('a table with gaps in its rowids pages correctly', async () => {
  const p = path.join(dir, 'gaps.db');
  const db = createEncryptedExtract(p, TEST_PASSPHRASE, { preset: 'sqlcipher4' });
  writeExtractMeta(db, { ...DEFAULT_META, extract_id: 'gaps' });
  const insert = db.prepare("INSERT INTO person (person_id, birth_year, sex, nationality) VALUES (?, ?, 'F', 'ERI')");
  for (let i = 0; i < 100; i++) insert.run(`G${String(i).padStart(3, '0')}`, 1990 + (i % 10));
  db.exec('DELETE FROM person WHERE rowid % 7 = 0');
  finishExtract(db);
  db.close();
  const other = makeTestEngine();
  try {
    await other.value('extract.open', { path: p, passphrase: TEST_PASSPHRASE });
    const r = await other.value('browse.rows', { table: 'person', startRow: 10, endRow: 20 });
    const kept = Array.from({ length: 100 }, (_, i) => i).filter((i) => (i + 1) % 7 !== 0);
    expect(r.rowCount).toBe(kept.length);
    expect(r.rows.map((x) => x.person_id)).toEqual(kept.slice(10, 20).map((i) => `G${String(i).padStart(3, '0')}`));
  } finally {
    other.dispose();
  }
});

test('without an open extract', async () => {
  const fresh = makeTestEngine();
  const r = await fresh.call('browse.rows', { table: 'person', startRow: 0, endRow: 10 });
  expect(r.ok ? 'ok' : r.error.code).toBe('NO_EXTRACT_OPEN');
  fresh.dispose();
});
