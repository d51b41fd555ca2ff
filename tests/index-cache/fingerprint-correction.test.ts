import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sessionIndex } from '../../electron/engine/cohort/session-index';
import { indexCachePath } from '../../electron/engine/index-cache/index-cache';
import { workspacePath } from '../../electron/engine/workspace/open-workspace';
import { EngineEvent, type ExtractSummaryChangedEvent } from '../../shared/api/events';
import { forgeIndexCache } from '../support/forge-index-cache';
import { makeExtract, makeTempDir, type MadeExtract } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

/**
 * Issue 14s: after a cache hit the background SHA-256 may disagree with the cache (a file
 * changed in a way the identity check missed). The engine then tells the UI with an
 * 'extract-summary-changed' event carrying the real fingerprint, and nothing lasting (an
 * export, its audit entry, a recipe) carries the cache's fingerprint or its index's counts,
 * also when it was started before the check finished.
 */
let te: TestEngine;
let dir: string;
const WRONG = 'f'.repeat(64);
const DEF = { kind: 'state' as const, level: 'province' as const };

beforeAll(() => {
  dir = makeTempDir('vv-icache-fix-');
  te = makeTestEngine();
});
afterAll(() => te.dispose());

const session = () => te.engine.state.session!;
const cacheFile = (x: MadeExtract) => indexCachePath(workspacePath(te.dataDir, x.meta.extract_id));

/** A cache that passes this file's identity check but claims another fingerprint and holds other columns. */
const forgeCache = (x: MadeExtract, columns: ReturnType<typeof sessionIndex>, tables: { name: string; rows: number }[]) =>
  forgeIndexCache(te.dataDir, x, WRONG, { columns: { ...columns, locAtReference: columns.locAtReference.map((l) => (l >= 0 ? 0 : l)) }, tables });

/**
 * The CSV's lines but those that differ between two releases of one table: the time, the
 * proof and the protection counts (the second release is protected against the first).
 */
const tableLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => !/^#|aangemaakt|created|SHA|tijd|Beschermde cellen/i.test(l));

describe('a fingerprint corrected by the background check', () => {
  test('is announced with the new summary, and exports, audit entries and recipes carry it and the rebuilt index', async () => {
    const x = makeExtract(path.join(dir, 'fix.db'), { persons: 400, seed: 21, meta: { extract_id: 'fix' } });
    const truth = await te.value('extract.open', { path: x.path, passphrase: x.passphrase });
    const good = await te.value('matrix.compute', { cohort: {}, definition: DEF });
    const reference = path.join(dir, 'reference.csv');
    await te.value('export.matrix', { cohort: {}, definition: DEF, format: 'csv', path: reference, language: 'nl' });
    await te.value('cohort.save', { name: 'iedereen', definition: {}, overwrite: false });
    const columns = sessionIndex(session());
    await session().background;
    await te.value('extract.close', {});
    await forgeCache(x, columns, truth.tables);

    const events: EngineEvent[] = [];
    const off = te.engine.onEvent((e) => events.push(e));
    try {
      const opened = await te.value('extract.open', { path: x.path, passphrase: x.passphrase });
      expect(opened.fingerprint).toBe(WRONG);

      // Started before the check finished: the export waits for it.
      const early = path.join(dir, 'early.csv');
      const released = await te.value('export.matrix', { cohort: {}, definition: DEF, format: 'csv', path: early, language: 'nl' });

      const changed = events.filter((e): e is ExtractSummaryChangedEvent => e.type === 'extract-summary-changed');
      expect(changed).toHaveLength(1);
      expect(EngineEvent.safeParse(changed[0]).success).toBe(true);
      expect(changed[0].reason).toBe('fingerprint-corrected');
      expect(changed[0].previousFingerprint).toBe(WRONG);
      expect(changed[0].summary).toEqual({ ...opened, fingerprint: truth.fingerprint });
      expect((await te.value('extract.summary', {})).fingerprint).toBe(truth.fingerprint);
      expect(existsSync(cacheFile(x))).toBe(false);

      // The export carries the file's fingerprint and counts from the rebuilt index.
      const { records } = await te.value('audit.list', { limit: 10 });
      const entry = records.find((r) => r.seq === released.auditSeq)!.entry;
      expect(entry.extractFingerprint).toBe(truth.fingerprint);
      expect(readFileSync(early, 'utf8')).toContain(truth.fingerprint);
      expect(readFileSync(early, 'utf8')).not.toContain(WRONG);
      expect(tableLines(early)).toEqual(tableLines(reference));
      expect(sessionIndex(session()).locAtReference).toEqual(columns.locAtReference);

      // After the correction: the screen's counts, a further export and a recipe follow the file.
      const { computeMs: _a, ...shown } = await te.value('matrix.compute', { cohort: {}, definition: DEF });
      const { computeMs: _b, ...built } = good;
      expect(shown).toEqual(built);
      const late = path.join(dir, 'late.csv');
      const again = await te.value('export.matrix', { cohort: {}, definition: DEF, format: 'csv', path: late, language: 'en' });
      const after = (await te.value('audit.list', { limit: 10 })).records.find((r) => r.seq === again.auditSeq)!.entry;
      expect(after.extractFingerprint).toBe(truth.fingerprint);
      expect((await te.value('cohort.exportRecipe', { name: 'iedereen' })).recipe.extractFingerprint).toBe(truth.fingerprint);
      expect(records.every((r) => r.entry.extractFingerprint !== WRONG)).toBe(true);
      expect((await te.value('audit.verify', {})).ok).toBe(true);
    } finally {
      off();
      await te.engine.state.session?.background;
      await te.call('extract.close', {});
    }
  });

  test('a confirmed fingerprint sends no event, and a session closed during the check sends none either', async () => {
    const x = makeExtract(path.join(dir, 'same.db'), { persons: 200, seed: 22, meta: { extract_id: 'same' } });
    await te.value('extract.open', { path: x.path, passphrase: x.passphrase });
    await session().background;
    await te.value('extract.close', {});

    const events: EngineEvent[] = [];
    const off = te.engine.onEvent((e) => events.push(e));
    try {
      await te.value('extract.open', { path: x.path, passphrase: x.passphrase });
      await session().background;
      expect(existsSync(cacheFile(x))).toBe(true);
      await te.value('extract.close', {});

      const columns = await (async () => {
        await te.value('extract.open', { path: x.path, passphrase: x.passphrase });
        const ix = sessionIndex(session());
        await session().background;
        const t = (await te.value('extract.summary', {})).tables;
        await te.value('extract.close', {});
        return { ix, t };
      })();
      await forgeCache(x, columns.ix, columns.t);
      await te.value('extract.open', { path: x.path, passphrase: x.passphrase });
      const pending = session().background;
      te.engine.state.closeSession(); // at once: the check is cancelled before it can finish
      await pending;
      expect(events.filter((e) => e.type === 'extract-summary-changed')).toEqual([]);
    } finally {
      off();
    }
  });
});
