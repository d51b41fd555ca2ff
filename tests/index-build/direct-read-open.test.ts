import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { buildColumnarIndex } from '../../electron/engine/cohort/columnar-index';
import { sessionIndex } from '../../electron/engine/cohort/session-index';
import { directReadSettings, INDEX_READER_KEY, openExtractSession } from '../../electron/engine/extract/open-extract-session';
import { writeSyntheticExtract } from '../../electron/engine/synthetic/generate-extract';
import { EXTRACT_TABLES } from '../../shared/extract/extract-schema';
import { makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { cells, openKeyed } from './direct-read-support';

/**
 * The open itself with the direct reader (on for every file size here): the session's index
 * is the index read through SQLite, and the row counts of the summary are count(*).
 */
const dir = makeTempDir('vv-direct-open-');
let file: string;
const fromBytes = directReadSettings.fromBytes;

beforeAll(() => {
  file = path.join(dir, 'synthetic.db');
  writeSyntheticExtract(file, TEST_PASSPHRASE, { preset: 'sqlcipher4' }, { persons: 2500, seed: 77 });
});
afterEach(() => {
  directReadSettings.fromBytes = fromBytes;
});

describe('open with the direct reader', () => {
  test('same index and row counts as through SQLite', async () => {
    directReadSettings.fromBytes = 0;
    const session = await openExtractSession({ path: file, passphrase: TEST_PASSPHRASE, cipher: { preset: 'auto' } }, makeTempDir('vv-direct-data-'), () => {});
    try {
      expect(session.cache.get(INDEX_READER_KEY)).toEqual({ kind: 'direct', rowsBySqlite: 0 });
      const db = openKeyed(file, { preset: 'sqlcipher4' });
      try {
        const expected = buildColumnarIndex(db, session.summary.referenceDate);
        expect(cells(sessionIndex(session))).toEqual(cells(expected));
        const counts = Object.fromEntries(EXTRACT_TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));
        expect(Object.fromEntries(session.summary.tables.map((t) => [t.name, t.rows]))).toEqual(counts);
      } finally {
        db.close();
      }
      await session.background;
    } finally {
      session.close();
    }
  });

  test('below the size limit the index is read through SQLite', async () => {
    directReadSettings.fromBytes = 2 ** 40;
    const session = await openExtractSession({ path: file, passphrase: TEST_PASSPHRASE, cipher: { preset: 'auto' } }, makeTempDir('vv-direct-data-'), () => {});
    try {
      expect(session.cache.get(INDEX_READER_KEY)).toEqual({ kind: 'sqlite', notSupported: 'not tried' });
      await session.background;
    } finally {
      session.close();
    }
  });
});
