import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { sessionIndex } from '../../electron/engine/cohort/session-index';
import { applyCipher } from '../../electron/engine/extract/cipher';
import { byteEntropy } from '../../electron/engine/extract/file-probe';
import { extractIdentity } from '../../electron/engine/index-cache/extract-identity';
import { cacheKeyOrCreate, indexCachePath, saveIndexCache } from '../../electron/engine/index-cache/index-cache';
import { openWorkspace, workspacePath } from '../../electron/engine/workspace/open-workspace';
import { makeExtract, makeTempDir, type MadeExtract } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { listFiles } from '../security/marker-scan';

/**
 * The encrypted index cache (issue 14): a repeat open reads the columnar index from a cache
 * beside the workspace. It must give the same answers as a fresh build, follow every change
 * of the extract, never hold the index in plaintext, leave every file alone on a wrong
 * passphrase, and be rebuilt (not crash) when damaged.
 */
let te: TestEngine;
let dir: string;
const STATE = { kind: 'state' as const, level: 'municipality' as const };

beforeAll(() => {
  dir = makeTempDir('vv-icache-');
  te = makeTestEngine();
});
afterAll(() => {
  te.dispose();
});
afterEach(async () => {
  await closeAfterBackground();
});

const session = () => te.engine.state.session!;
const cacheFile = (x: MadeExtract) => indexCachePath(workspacePath(te.dataDir, x.meta.extract_id));

async function open(x: MadeExtract, passphrase = x.passphrase) {
  const summary = await te.value('extract.open', { path: x.path, passphrase });
  return summary;
}

/** Lets the open's background work (cache write or verification) finish, then closes. */
async function closeAfterBackground() {
  await te.engine.state.session?.background;
  await te.call('extract.close', {});
}

/** The state matrix as the analyst sees it (without its timing). */
const matrix = async (engine: TestEngine = te, cohort: Record<string, unknown> = {}) => {
  const { computeMs: _ms, ...shown } = await engine.value('matrix.compute', { cohort, definition: STATE });
  return shown;
};

/** The full hashes of the extract and of every file in the data folder but the event log (which records the failed open). */
function snapshot(x: MadeExtract): Record<string, string> {
  const out: Record<string, string> = {};
  const files = listFiles(te.dataDir).filter((f) => !f.startsWith(path.join(te.dataDir, 'logs')));
  for (const f of [...files, x.path]) out[f] = createHash('sha256').update(readFileSync(f)).digest('hex');
  return out;
}

/** Changes one residence's municipality inside the extract, keeping the file size (the test plays the data provider). */
function rewriteOneResidence(x: MadeExtract, keepMtime: boolean): void {
  const before = statSync(x.path);
  const db = new Database(x.path);
  applyCipher(db, { preset: 'sqlcipher4' }, Buffer.from(x.passphrase, 'utf8'));
  const row = db.prepare("SELECT rowid, nis_code FROM residence WHERE kind = 'MAIN' AND end_date IS NULL ORDER BY rowid LIMIT 1").get() as { rowid: number; nis_code: string };
  db.prepare('UPDATE residence SET nis_code = ? WHERE rowid = ?').run(row.nis_code === '11002' ? '44021' : '11002', row.rowid);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  expect(statSync(x.path).size).toBe(before.size);
  if (keepMtime) utimesSync(x.path, before.atime, before.mtime);
}

describe('index cache', () => {
  test('a repeat open reads the cache and gives the same summary and matrices as the build', async () => {
    const x = makeExtract(path.join(dir, 'repeat.db'), { persons: 300, seed: 5, meta: { extract_id: 'repeat' } });
    const first = await open(x);
    const built = await matrix();
    // A cohort on every field with a cached bitset (status, sex, nationality, age band, decision year).
    const cohort = {
      status: ['REFUGEE', 'SUBSIDIARY'],
      sexes: ['M'],
      nationalities: sessionIndex(session()).nationalities.filter((n) => /^[A-Z]{3}$/.test(n)).slice(0, 3),
      ageBands: ['18-24', '25-34', '35-44'],
      decisionYears: [2015, 2016, 2017],
    };
    const filtered = await matrix(te, cohort);
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThan(built.total);
    await closeAfterBackground();
    expect(existsSync(cacheFile(x))).toBe(true);
    const written = statSync(cacheFile(x)).mtimeMs;

    const again = await open(x);
    expect({ ...again, openMs: 0 }).toEqual({ ...first, openMs: 0 });
    expect(await matrix()).toEqual(built);
    expect(await matrix(te, cohort)).toEqual(filtered);
    // Extras (application year, KBI) are still read from the extract on first use.
    const ix = sessionIndex(session());
    ix.loadExtras();
    expect(ix.applicationYear.some((y) => y > 2000)).toBe(true);
    await closeAfterBackground();
    // A hit neither rewrites nor deletes the cache.
    expect(statSync(cacheFile(x)).mtimeMs).toBe(written);
  });

  test('is not used after the extract changed, also with the same size and modification time', async () => {
    const x = makeExtract(path.join(dir, 'changed.db'), { persons: 300, seed: 6, meta: { extract_id: 'changed' } });
    const first = await open(x);
    const before = await matrix();
    await closeAfterBackground();

    rewriteOneResidence(x, true);
    const after = await open(x);
    expect(after.fingerprint).not.toBe(first.fingerprint);
    expect(after.fingerprint).toBe(createHash('sha256').update(readFileSync(x.path)).digest('hex'));
    expect(await matrix()).not.toEqual(before);
    await closeAfterBackground();

    // A fresh engine (no memory of earlier opens) gives the same answer: the cache now holds the new content.
    const fresh = makeTestEngine({ dataDir: te.dataDir });
    const again = await fresh.value('extract.open', { path: x.path, passphrase: x.passphrase });
    expect(again.fingerprint).toBe(after.fingerprint);
    const m = await matrix(fresh);
    await fresh.engine.state.session?.background;
    fresh.engine.state.closeSession();
    const reference = await open(x);
    expect(reference.fingerprint).toBe(after.fingerprint);
    expect(await matrix()).toEqual(m);
  });

  test('a WAL-mode extract whose committed changes still sit in its -wal file: a change there is followed too', async () => {
    const x = makeExtract(path.join(dir, 'wal.db'), { persons: 300, seed: 12, meta: { extract_id: 'wal' } });
    // Another SQLCipher tool keeps the extract open in WAL mode, without checkpoints.
    const other = new Database(x.path);
    applyCipher(other, { preset: 'sqlcipher4' }, Buffer.from(x.passphrase, 'utf8'));
    other.pragma('journal_mode=WAL');
    other.pragma('wal_autocheckpoint=0');
    const move = (nis: string) =>
      other.prepare("UPDATE residence SET nis_code = ? WHERE rowid = (SELECT min(rowid) FROM residence WHERE kind = 'MAIN' AND end_date IS NULL)").run(nis);
    try {
      move('11002');
      const mainFile = createHash('sha256').update(readFileSync(x.path)).digest('hex');
      await open(x);
      const before = await matrix();
      await closeAfterBackground();
      move('44021');
      // The main file is as it was; only the -wal changed.
      expect(createHash('sha256').update(readFileSync(x.path)).digest('hex')).toBe(mainFile);
      await open(x);
      const after = await matrix();
      expect(after).not.toEqual(before);
      await closeAfterBackground();
      const fresh = makeTestEngine({ dataDir: makeTempDir('vv-icache-fresh-') });
      await fresh.value('extract.open', { path: x.path, passphrase: x.passphrase });
      expect(await matrix(fresh)).toEqual(after);
      fresh.dispose();
    } finally {
      other.close();
    }
  });

  test('a cache that passes the identity check but disagrees with the full SHA-256 is discarded in the background', async () => {
    const x = makeExtract(path.join(dir, 'verify.db'), { persons: 300, seed: 7, meta: { extract_id: 'verify' } });
    const truth = await open(x);
    const good = await matrix();
    const columns = sessionIndex(session());
    await closeAfterBackground();

    // A cache that claims this file's identity but another file's fingerprint and other columns.
    const ws = openWorkspace(workspacePath(te.dataDir, x.meta.extract_id), Buffer.from(x.passphrase, 'utf8'));
    const key = cacheKeyOrCreate(ws);
    ws.close();
    const wrongLoc = columns.locAtReference.map((l) => (l >= 0 ? 0 : l));
    await saveIndexCache(key, cacheFile(x), extractIdentity(x.path), {
      columns: { ...columns, locAtReference: wrongLoc },
      bitsets: columns.bitsets,
      fingerprint: 'f'.repeat(64),
      tables: truth.tables,
    });

    await open(x);
    expect(session().summary.fingerprint).toBe('f'.repeat(64));
    await session().background;
    expect(session().summary.fingerprint).toBe(truth.fingerprint);
    expect(existsSync(cacheFile(x))).toBe(false);
    expect(await matrix()).toEqual(good);
  });

  test('a damaged or truncated cache is discarded and the index rebuilt', async () => {
    const x = makeExtract(path.join(dir, 'damaged.db'), { persons: 300, seed: 8, meta: { extract_id: 'damaged' } });
    await open(x);
    const good = await matrix();
    await closeAfterBackground();
    const file = cacheFile(x);
    const size = statSync(file).size;

    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x40;
    writeFileSync(file, bytes);
    await open(x);
    expect(await matrix()).toEqual(good);
    await closeAfterBackground();
    expect(statSync(file).size).toBe(size);

    truncateSync(file, Math.floor(size / 3));
    await open(x);
    expect(await matrix()).toEqual(good);
    await closeAfterBackground();
    expect(statSync(file).size).toBe(size);

    writeFileSync(file, Buffer.alloc(0));
    await open(x);
    expect(await matrix()).toEqual(good);
    await closeAfterBackground();
    expect(statSync(file).size).toBe(size);
  });

  test('the cache holds no plaintext of the index: no column bytes, no codes, random-looking bytes', async () => {
    const x = makeExtract(path.join(dir, 'plain.db'), { persons: 400, seed: 9, meta: { extract_id: 'plain' } });
    await open(x);
    const ix = sessionIndex(session());
    await closeAfterBackground();
    const raw = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const needles = [
      raw(ix.resStart).subarray(0, 32),
      raw(ix.decisionDay).subarray(40, 72),
      raw(ix.locAtReference).subarray(0, 32),
      raw(ix.resOffset).subarray(4, 36),
      Buffer.from(JSON.stringify(ix.codes.slice(0, 3)).slice(1, -1), 'utf8'),
      Buffer.from(JSON.stringify(ix.nationalities), 'utf8'),
    ];
    const files = listFiles(te.dataDir);
    expect(files).toContain(cacheFile(x));
    for (const f of files) {
      const data = readFileSync(f);
      for (const needle of needles) expect(data.includes(needle), `${path.basename(f)} holds index bytes`).toBe(false);
    }
    const cache = readFileSync(cacheFile(x));
    expect(byteEntropy(cache.subarray(cache.length - 16384))).toBeGreaterThan(7.9);
    if (process.platform !== 'win32') expect(statSync(cacheFile(x)).mode & 0o077).toBe(0);
  });

  test('a wrong passphrase leaves every file unchanged: extract, workspace and cache', async () => {
    const x = makeExtract(path.join(dir, 'wrong.db'), { persons: 200, seed: 10, meta: { extract_id: 'wrong' } });
    await open(x);
    await closeAfterBackground();
    const before = snapshot(x);
    const r = await te.call('extract.open', { path: x.path, passphrase: 'een-andere-wachtwoordzin' });
    expect(r.ok ? 'ok' : r.error.code).toBe('WRONG_PASSPHRASE');
    expect(snapshot(x)).toEqual(before);

    // Same extract id, other passphrase: the workspace refuses, the cache is neither read nor touched.
    const other = makeExtract(path.join(dir, 'wrong-other.db'), { persons: 200, seed: 11, passphrase: 'een-andere-wachtwoordzin', meta: { extract_id: 'wrong' } });
    const r2 = await te.call('extract.open', { path: other.path, passphrase: other.passphrase });
    expect(r2.ok ? 'ok' : r2.error.code).toBe('WORKSPACE_ERROR');
    expect(snapshot(x)).toEqual(before);

    // Without a cache file the workspace is opened while the index is read: it refuses all
    // the same, and no cache or other file appears.
    rmSync(cacheFile(x));
    const withoutCache = snapshot(x);
    const r3 = await te.call('extract.open', { path: other.path, passphrase: other.passphrase });
    expect(r3.ok ? 'ok' : r3.error.code).toBe('WORKSPACE_ERROR');
    expect(snapshot(x)).toEqual(withoutCache);
    expect(existsSync(cacheFile(x))).toBe(false);
  });
});
