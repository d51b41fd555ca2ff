import { createHash } from 'node:crypto';
import * as nodeCrypto from 'node:crypto';
import { closeSync, copyFileSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildColumnarIndexInParallel } from '../../electron/engine/cohort/columnar-index';
import { AppError } from '../../electron/engine/core/app-error';
import { applyCipher, passphraseBytes, type ConcreteCipher } from '../../electron/engine/extract/cipher';
import { extractDdl, EXTRACT_INDEXES } from '../../electron/engine/extract/extract-ddl';
import { listLeaves } from '../../electron/engine/index-build/direct-read/btree-walk';
import { DirectReadNotSupported } from '../../electron/engine/index-build/direct-read/not-supported';
import { startDirectKeys } from '../../electron/engine/index-build/direct-read/direct-read';
import { deriveDirectKeys, pageCryptoModule } from '../../electron/engine/index-build/direct-read/sqlcipher-pages';
import { EXTRACT_SCHEMA } from '../../shared/extract/extract-schema';
import { defaultDataset, DEFAULT_META, makeExtract, makeTempDir, TEST_PASSPHRASE, type ExtractRows } from '../support/make-extract';
import { bothIndexes, directRead, jobsOf, openKeyed, plain, sqliteRead } from './direct-read-support';

/**
 * Whenever a file is not the direct reader's simple case, the index comes from SQLite (the
 * same index); a damaged page ends the read with CORRUPT_FILE and the file is untouched.
 */
const dir = makeTempDir('vv-direct-fallback-');
let base: string;

beforeAll(() => {
  base = path.join(dir, 'base.db');
  makeExtract(base, { persons: 400, seed: 9 });
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** An extract written with the app's tables, but `person` made by `personDdl` and rows inserted in the order given. */
function writeExtractWith(file: string, rows: Required<ExtractRows>, personDdl?: (ddl: string) => string): void {
  const db = new Database(file);
  applyCipher(db, { preset: 'sqlcipher4' }, passphraseBytes(TEST_PASSPHRASE));
  db.exec(['CREATE TABLE extract_meta (key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key))', ...extractDdl().slice(1).map((d) => (d.startsWith('CREATE TABLE person ') && personDdl ? personDdl(d) : d)), ...EXTRACT_INDEXES].join(';\n'));
  const meta = db.prepare('INSERT INTO extract_meta (key, value) VALUES (?, ?)');
  for (const [k, v] of Object.entries(DEFAULT_META)) meta.run(k, v);
  db.transaction(() => {
    for (const spec of EXTRACT_SCHEMA) {
      if (spec.name === 'extract_meta') continue;
      const cols = spec.columns.map((c) => c.name);
      const insert = db.prepare(`INSERT INTO ${spec.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      for (const row of rows[spec.name]) insert.run(cols.map((c) => row[c] ?? null));
    }
  })();
  db.close();
}

async function expectSqliteIndex(file: string, cipher: ConcreteCipher, reason: string) {
  const b = await bothIndexes(file, cipher);
  expect(b.reader).toEqual({ kind: 'sqlite', notSupported: reason });
  expect(b.direct).toEqual(b.single);
}

describe('direct page reader: fallbacks to SQLite', () => {
  test('custom cipher settings', async () => {
    const file = path.join(dir, 'custom.db');
    const custom: ConcreteCipher = { preset: 'custom', kdfIter: 4000, pageSize: 4096, hmacAlgorithm: 'SHA512', kdfAlgorithm: 'SHA512', plaintextHeaderSize: 0, hmacUse: true };
    makeExtract(file, { persons: 120, seed: 2, cipher: custom });
    await expectSqliteIndex(file, custom, 'cipher preset');
  });

  test('a -wal file beside the extract, and a WAL-mode header', async () => {
    const file = path.join(dir, 'wal.db');
    copyFileSync(base, file);
    const writer = new Database(file);
    applyCipher(writer, { preset: 'sqlcipher4' }, passphraseBytes(TEST_PASSPHRASE));
    writer.pragma('journal_mode=WAL');
    writer.pragma('wal_autocheckpoint=0');
    // Rows only the -wal holds: SQLite sees them, the pages in the file do not.
    writer.prepare("INSERT INTO person (person_id, birth_year, sex, nationality) VALUES ('WAL1', 1990, 'F', 'SYR')").run();
    writer.prepare("INSERT INTO residence (person_id, start_date, kind, nis_code) VALUES ('WAL1', '2016-05-01', 'MAIN', '11002')").run();
    try {
      await expectSqliteIndex(file, { preset: 'sqlcipher4' }, 'sidecar file');
    } finally {
      writer.close();
    }
    // Checkpointed and the -wal removed, the header still says WAL.
    const db = openKeyed(file, { preset: 'sqlcipher4' });
    try {
      const r = await directRead(db, file, { preset: 'sqlcipher4' });
      expect(r).toEqual({ notSupported: 'journal mode' });
    } finally {
      db.close();
    }
  });

  test('duplicate person ids (a person table without its primary key)', async () => {
    const file = path.join(dir, 'duplicates.db');
    const rows = defaultDataset(5, 200);
    rows.person.push({ ...rows.person[3], birth_year: 1950, sex: 'X' });
    writeExtractWith(file, rows, (ddl) => ddl.replace(', PRIMARY KEY (person_id)', ''));
    await expectSqliteIndex(file, { preset: 'sqlcipher4' }, 'duplicate person_id');
  });

  test('a person row on overflow pages (a very long id)', async () => {
    const file = path.join(dir, 'overflow.db');
    const rows = defaultDataset(6, 150);
    rows.person.push({ person_id: 'L'.repeat(6000), birth_year: 1970, birth_month: 2, sex: 'F', nationality: 'SYR', death_date: null });
    rows.residence.push({ person_id: 'L'.repeat(6000), start_date: '2016-02-02', end_date: null, kind: 'MAIN', nis_code: '11002', country_code: null });
    makeExtract(file, { rows, onlyGiven: true });
    await expectSqliteIndex(file, { preset: 'sqlcipher4' }, 'overflow');
  });

  test('person ids that do not ascend: found through the hash table, still exact', async () => {
    const file = path.join(dir, 'descending.db');
    const rows = defaultDataset(7, 300);
    rows.person.reverse();
    rows.residence.reverse();
    writeExtractWith(file, rows);
    const db = openKeyed(file, { preset: 'sqlcipher4' });
    try {
      const jobs = jobsOf(db);
      const direct = await directRead(db, file, { preset: 'sqlcipher4' }, jobs);
      if (!('results' in direct)) throw new Error(direct.notSupported);
      expect(plain(direct.results)).toEqual(plain(sqliteRead(db, jobs)));
    } finally {
      db.close();
    }
    const b = await bothIndexes(file, { preset: 'sqlcipher4' });
    expect(b.reader.kind).toBe('direct');
    expect(b.direct).toEqual(b.single);
  });

  test('a raw-key passphrase form is left to SQLite', async () => {
    const db = openKeyed(base, { preset: 'sqlcipher4' });
    try {
      const r = await directRead(db, base, { preset: 'sqlcipher4' }, jobsOf(db), "x'00'");
      expect(r).toEqual({ notSupported: 'raw key' });
    } finally {
      db.close();
    }
  });
});

describe('direct page reader: damaged pages', () => {
  /** Leaf pages of a table, found with the reader's own keys. */
  async function leavesOf(file: string, table: string): Promise<number[]> {
    const keys = await deriveDirectKeys(file, passphraseBytes(TEST_PASSPHRASE), { preset: 'sqlcipher4' });
    const db = openKeyed(file, { preset: 'sqlcipher4' });
    const root = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
    db.close();
    const crypto = pageCryptoModule(nodeCrypto);
    const fd = openSync(file, 'r');
    try {
      const raw = Buffer.alloc(4096);
      return listLeaves(
        (page) => {
          readSync(fd, raw, 0, 4096, (page - 1) * 4096);
          return crypto.decryptRun(raw, keys.format, keys.key);
        },
        root,
        keys.pages,
        4096 - 80,
      );
    } finally {
      closeSync(fd);
      keys.key.fill(0);
      keys.hmacKey.fill(0);
    }
  }

  for (const [table, where, what] of [
    ['residence', 100, 'ciphertext'],
    ['person', 4096 - 80 + 16 + 3, 'HMAC'],
    ['protection_decision', 4096 - 80 + 2, 'IV'],
  ] as const) {
    test(`a ${table} leaf page with a changed byte in its ${what} → CORRUPT_FILE, file unchanged`, async () => {
      const file = path.join(dir, `damaged-${table}.db`);
      copyFileSync(base, file);
      const leaves = await leavesOf(file, table);
      const bytes = readFileSync(file);
      const page = leaves[Math.floor(leaves.length / 2)];
      bytes[(page - 1) * 4096 + where] ^= 0x01;
      writeFileSync(file, bytes);
      const before = sha(file);
      const db = openKeyed(file, { preset: 'sqlcipher4' });
      try {
        const key = passphraseBytes(TEST_PASSPHRASE);
        const build = buildColumnarIndexInParallel(db, '2018-01-27', {
          file,
          key,
          cipher: { preset: 'sqlcipher4' },
          helpers: 0,
          direct: { keys: startDirectKeys(file, key, { preset: 'sqlcipher4' }), workers: 2 },
        });
        await expect(build).rejects.toBeInstanceOf(AppError);
        await expect(build).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
        // SQLite says the same for that page.
        expect(() => sqliteRead(db, jobsOf(db))).toThrow(/malformed|corrupt|not a database/i);
      } finally {
        db.close();
      }
      expect(sha(file)).toBe(before);
    });
  }
});

describe('direct page reader: a b-tree that points back into itself', () => {
  /** An interior table page (type 0x05) whose cells and rightmost pointer name `children`. */
  function interior(children: number[]): Uint8Array {
    const p = new Uint8Array(4096);
    p[0] = 0x05;
    const cells = children.length - 1;
    p[3] = cells >> 8;
    p[4] = cells & 0xff;
    const put4 = (at: number, v: number) => {
      p[at] = (v >>> 24) & 0xff;
      p[at + 1] = (v >>> 16) & 0xff;
      p[at + 2] = (v >>> 8) & 0xff;
      p[at + 3] = v & 0xff;
    };
    for (let i = 0; i < cells; i++) {
      const at = 2000 + 16 * i;
      p[12 + 2 * i] = at >> 8;
      p[13 + 2 * i] = at & 0xff;
      put4(at, children[i]);
    }
    put4(8, children[cells]);
    return p;
  }

  test('a page that is its own child, or two parents of one page, is refused as a structural surprise (SQLite then reads the file), not walked until memory runs out', () => {
    // Page 2 names itself twice: each level would double without the check (a page naming
    // itself 300 times would exhaust memory within four levels).
    let reads = 0;
    const self = interior([2, 2]);
    expect(() => listLeaves(() => (reads++, self), 2, 10, 4016)).toThrow(DirectReadNotSupported);
    expect(reads).toBeLessThan(5);
    // Pages 3 and 4 both name page 5 (and 5 names 3 again).
    const pages: Record<number, Uint8Array> = { 2: interior([3, 4]), 3: interior([5]), 4: interior([5]), 5: interior([3]) };
    expect(() => listLeaves((page) => pages[page], 2, 10, 4016)).toThrow(DirectReadNotSupported);
  });
});
