import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, test } from 'vitest';
import { applyCipher, passphraseBytes, type ConcreteCipher } from '../../electron/engine/extract/cipher';
import { writeSyntheticExtract } from '../../electron/engine/synthetic/generate-extract';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { bothIndexes, directRead, jobsOf, openKeyed, plain, readTextNationalities, sqliteRead } from './direct-read-support';

/**
 * The direct page reader returns exactly what the SQLite read jobs return, job for job, on
 * the app's own extracts (SQLCipher 4 and 3), on the synthetic register with its
 * messiness, and on a crafted extract full of values in odd shapes (those rows are
 * computed by SQLite); and the index built from it is the index built through SQLite.
 */
const dir = makeTempDir('vv-direct-read-');
const synthetic: Record<'sqlcipher4' | 'sqlcipher3', string> = { sqlcipher4: '', sqlcipher3: '' };
let crafted: string;
/** Odd shapes the index decode itself copes with (REAL or text birth years break the packing in either reader). */
let mild: string;

beforeAll(() => {
  for (const preset of ['sqlcipher4', 'sqlcipher3'] as const) {
    synthetic[preset] = path.join(dir, `synthetic-${preset}.db`);
    writeSyntheticExtract(synthetic[preset], TEST_PASSPHRASE, { preset }, { persons: preset === 'sqlcipher4' ? 4000 : 1500, seed: 20180127 });
  }
  crafted = path.join(dir, 'crafted.db');
  makeExtract(crafted, { persons: 300, seed: 3 });
  addOddRows(crafted, { preset: 'sqlcipher4' });
  mild = path.join(dir, 'mild.db');
  makeExtract(mild, { persons: 300, seed: 4 });
  addOddRows(mild, { preset: 'sqlcipher4' }, true);
});

/** Rows in every odd shape the packed queries meet, written past the app's writer (BLOBs, REALs, text with NUL...). */
function addOddRows(file: string, cipher: ConcreteCipher, mildOnly = false): void {
  const db = new Database(file);
  applyCipher(db, cipher, passphraseBytes(TEST_PASSPHRASE));
  const person = db.prepare('INSERT INTO person (person_id, birth_year, birth_month, sex, nationality, death_date) VALUES (?, ?, ?, ?, ?, ?)');
  const residence = db.prepare('INSERT INTO residence (person_id, start_date, end_date, kind, nis_code, country_code) VALUES (?, ?, ?, ?, ?, NULL)');
  const decision = db.prepare('INSERT INTO protection_decision (person_id, decision_date, status, application_id) VALUES (?, ?, ?, NULL)');
  const blob = (s: string) => Buffer.from(s, 'utf8');
  db.transaction(() => {
    // NOT NULL columns get no NULLs (the constraint holds in any file SQLite wrote).
    const years: unknown[] = mildOnly ? [1990, 2 ** 40, -5, 300, 1879, 2135, 0] : [1990, 'unknown', 1990.5, blob('1990'), 2 ** 40, -5, 300, 1879, 2135, 0];
    const months: unknown[] = mildOnly ? [null, 13, -1, 0, 15, 16, 2 ** 33] : [null, 13, -1, 7.5, '7', blob('x'), 0, 15, 16, 2 ** 33];
    const sexes: unknown[] = ['M', 'F', 'X', 'm', '', 'M ', blob('M'), 'F\u0000'];
    const nats: unknown[] = ['BEL', 'bel', 'STATELESS', 'ÉÉÉ', 'AB', 'ABCD', blob('SYR'), 'UNKNOWN', 'Ω'];
    const deaths: unknown[] = [null, '2019-03-04', '2019-03-04 10:00:00', '2019-03-04T10:00', 20190304, 2458546.5, '2019-02-29', '2020-02-29', '0000-01-01', '9999-12-31', '1900-02-29', blob('2019-03-04'), ' 2019-03-04', '2019-3-4', '', 'now ish'];
    for (let i = 0; i < 160; i++) {
      person.run(`ODD${i}`, years[i % years.length], months[(i * 3) % months.length], sexes[(i * 5) % sexes.length], nats[(i * 7) % nats.length], deaths[i % deaths.length]);
    }
    // A nationality with a NUL byte (GLOB stops there) and an empty person id.
    db.prepare("INSERT INTO person (person_id, birth_year, sex, nationality) VALUES ('ODD-NUL', 1980, 'M', CAST(X'5359520041' AS TEXT))").run();
    person.run('', 1981, 1, 'F', 'SYR', null);
    const ids: unknown[] = ['ODD1', 'ODD2', 'P000001', 'P000002', 'NOBODY', blob('ODD3'), 'x'.repeat(5000), '', 'odd4', 7];
    const dates: unknown[] = ['2016-01-01', '2016-01-01 00:00:00', 20160101, '2016-02-30', null, '2016-13-01', blob('2016-01-01'), '2016-01-01Z', '1600-02-29', '2000-02-29', '2100-02-29', ...(mildOnly ? [] : [42.5])];
    const kinds: unknown[] = ['MAIN', 'WAITING_REGISTER', 'ABROAD', 'RADIATED', 'DECEASED', 'UNKNOWN', 'main', blob('MAIN'), 'MAIN\u0000'];
    const nis: unknown[] = ['11002', '01234', '1100', '110022', 'ABCDE', null, blob('11002'), ' 1100', '11002\u0000', '１１００２'];
    const statuses: unknown[] = ['REFUGEE', 'SUBSIDIARY', 'REJECTED', 'refugee', blob('REFUGEE'), 'REFUGEE '];
    let day = 0;
    for (let i = 0; i < 400; i++) {
      // Unique (person_id, start_date) pairs: the dates vary with i.
      const canonical = `2017-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (day++ % 28)).padStart(2, '0')}`;
      const start = i % 3 === 0 ? dates[i % dates.length] : canonical;
      const end = i % 4 === 0 ? dates[(i * 5) % dates.length] : null;
      try {
        residence.run(ids[i % ids.length], start ?? canonical, end, kinds[(i * 3) % kinds.length], nis[(i * 7) % nis.length]);
      } catch {
        // a duplicate primary key: skip
      }
      try {
        decision.run(ids[(i * 3) % ids.length], i % 2 ? dates[i % dates.length] ?? canonical : canonical, statuses[i % statuses.length]);
      } catch {
        // a duplicate primary key: skip
      }
    }
  })();
  db.close();
}

describe('direct page reader: the read jobs exactly', () => {
  for (const preset of ['sqlcipher4', 'sqlcipher3'] as const) {
    test(`synthetic register, ${preset}`, async () => {
      const db = openKeyed(synthetic[preset], { preset });
      try {
        const jobs = jobsOf(db);
        const direct = await directRead(db, synthetic[preset], { preset }, jobs);
        if (!('results' in direct)) throw new Error(`not supported: ${direct.notSupported}`);
        expect(direct.results.length).toBe(jobs.length);
        expect(plain(direct.results)).toEqual(plain(sqliteRead(db, jobs)));
        expect(direct.rowsBySqlite).toBe(0); // the app writes canonical values only
        expect(direct.textNationalities).toEqual(readTextNationalities(db));
      } finally {
        db.close();
      }
    });
  }

  test('odd value shapes: those rows are computed by SQLite, the rest read directly', async () => {
    const db = openKeyed(crafted, { preset: 'sqlcipher4' });
    try {
      const jobs = jobsOf(db);
      const direct = await directRead(db, crafted, { preset: 'sqlcipher4' }, jobs);
      if (!('results' in direct)) throw new Error(`not supported: ${direct.notSupported}`);
      expect(plain(direct.results)).toEqual(plain(sqliteRead(db, jobs)));
      expect(direct.rowsBySqlite).toBeGreaterThan(200);
      const rows = (db.prepare('SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM residence) + (SELECT count(*) FROM protection_decision)').pluck().get() as number);
      expect(direct.rowsBySqlite).toBeLessThan(rows / 2);
      // Some nationality needed SQLite (the BLOB): then SQLite lists the text nationalities.
      expect(direct.textNationalities).toBeUndefined();
    } finally {
      db.close();
    }
  });

  test('the whole index equals the index read through SQLite (synthetic and odd)', async () => {
    for (const file of [synthetic.sqlcipher4, mild]) {
      const b = await bothIndexes(file, { preset: 'sqlcipher4' });
      expect(b.reader.kind).toBe('direct');
      expect(b.direct).toEqual(b.single);
      expect(b.directBitsets).toEqual(b.singleBitsets);
    }
    const b3 = await bothIndexes(synthetic.sqlcipher3, { preset: 'sqlcipher3' });
    expect(b3.reader.kind).toBe('direct');
    expect(b3.direct).toEqual(b3.single);
  });
});
