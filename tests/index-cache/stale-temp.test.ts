import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sessionIndex } from '../../electron/engine/cohort/session-index';
import { indexCachePath } from '../../electron/engine/index-cache/index-cache';
import { readIndexCache, removeStaleCacheTemps, writeIndexCache } from '../../electron/engine/index-cache/index-cache-file';
import { workspacePath } from '../../electron/engine/workspace/open-workspace';
import { makeExtract, makeTempDir } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

/**
 * Issue 14s: a crash (kill -9) between creating the cache's temporary file and renaming it
 * leaves `<cache>.<pid>-<hex>.tmp` behind, as large as the cache. The next open removes such
 * leftovers of writers that are gone, and nothing else: not other files, not a write still
 * running in this process or in another live one.
 */
let te: TestEngine;
let dir: string;

beforeAll(() => {
  dir = makeTempDir('vv-icache-tmp-');
  te = makeTestEngine();
});
afterAll(() => te.dispose());

/** The pid of a process that has exited (a child run to completion). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('leftover temporary files of the index cache', () => {
  test('an open removes the leftovers of gone writers and leaves every other file alone', async () => {
    const x = makeExtract(path.join(dir, 'tmp.db'), { persons: 200, seed: 31, meta: { extract_id: 'tmp' } });
    await te.value('extract.open', { path: x.path, passphrase: x.passphrase });
    await te.engine.state.session!.background;
    await te.value('extract.close', {});
    const cache = indexCachePath(workspacePath(te.dataDir, x.meta.extract_id));
    const folder = path.dirname(cache);
    const base = path.basename(cache);
    expect(existsSync(cache)).toBe(true);

    const put = (name: string, ageMs = 0) => {
      const file = path.join(folder, name);
      writeFileSync(file, randomBytes(4096));
      if (ageMs) utimesSync(file, new Date(Date.now() - ageMs), new Date(Date.now() - ageMs));
      return file;
    };
    const gone = [
      put(`${base}.${deadPid()}-deadbeef.tmp`), // its writer was killed
      put(`${base}.${process.pid}-0badf00d.tmp`), // this pid, but no write of this process: an earlier process had the pid
      put(`${base}.${process.ppid}-c0ffee00.tmp`, 2 * 60 * 60 * 1000), // a live pid, but untouched for two hours: reused
    ];
    const kept = [
      put(`${base}.${process.ppid}-12345678.tmp`), // a live process may still be writing it
      put(`${base}.bak`),
      put(`${base}.tmp`),
      put(`${base}.${deadPid()}-deadbeef.tmp.keep`),
      put(`${base}.x${deadPid()}-deadbeef.tmp`),
      put(`${base}.${deadPid()}-DEADBEEF.tmp`),
      put(`other.vvi.${deadPid()}-deadbeef.tmp`), // another extract's cache: cleaned when that one opens
      put(`notes.txt`),
    ];

    await te.value('extract.open', { path: x.path, passphrase: x.passphrase });
    await te.engine.state.session!.background;
    await te.value('extract.close', {});
    for (const f of gone) expect(existsSync(f), path.basename(f)).toBe(false);
    for (const f of kept) expect(existsSync(f), path.basename(f)).toBe(true);
    expect(existsSync(cache)).toBe(true);
  });

  test('a write still running in this process keeps its temporary file, whoever cleans up meanwhile', async () => {
    const x = makeExtract(path.join(dir, 'busy.db'), { persons: 200, seed: 32, meta: { extract_id: 'busy' } });
    await te.value('extract.open', { path: x.path, passphrase: x.passphrase });
    const ix = sessionIndex(te.engine.state.session!);
    const tables = (await te.value('extract.summary', {})).tables;
    await te.engine.state.session!.background;
    await te.value('extract.close', {});

    // A large cache (tens of MB) so the write is still under way while the folder is cleaned.
    const big = new Int32Array(12_000_000).fill(7);
    const file = path.join(makeTempDir('vv-icache-busy-'), 'busy.vvi');
    const key = randomBytes(32);
    const identity = randomBytes(32);
    const temps = () => readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'));
    let done = false;
    const write = writeIndexCache(file, key, identity, { columns: { ...ix, resStart: big }, bitsets: ix.bitsets, fingerprint: 'a'.repeat(64), tables }).finally(() => {
      done = true;
    });
    while (!done && temps().length === 0) await new Promise((r) => setImmediate(r));
    const during = temps();
    expect(during).toHaveLength(1);
    expect(removeStaleCacheTemps(file)).toEqual([]);
    // A second writer of the same cache in this process (another open of the same extract) cleans too.
    const second = writeIndexCache(file, key, identity, { columns: ix, bitsets: ix.bitsets, fingerprint: 'b'.repeat(64), tables });
    if (!done) expect(temps()).toContain(during[0]);
    await Promise.all([write, second]);
    expect(temps()).toEqual([]);
    const read = readIndexCache(file, key, identity);
    expect('hit' in read).toBe(true);
  });
});
