import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelOf, contract, METHOD_NAMES, type MethodName } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/api/errors';
import type { Result } from '../../shared/api/result';
import { createEngine, type Engine } from '../../electron/engine/core/dispatch';
import { buildHandlers } from '../../electron/engine/handlers';
import { createMemoryEventLog } from '../../electron/engine/log/event-log';
import { registerHandlers, type IpcInvokeEventLike, type IpcMainLike } from '../../electron/ipc/register-handlers';
import { noDialogHostHandlers } from '../../electron/host/host-handlers';
import { ELECTRON_APP_ORIGIN } from '../../electron/host/app-origin';
import { RESOURCES_DIR } from '../support/test-engine';
import { makeExtract, TEST_PASSPHRASE } from '../support/make-extract';
import { writeSyntheticCsv } from '../../electron/engine/synthetic/generate-extract';
import { workspacePath } from '../../electron/engine/workspace/open-workspace';

/**
 * Issue 7.5: random and malformed payloads on every IPC channel, through the same path as
 * Electron main (registerHandlers → relay → engine dispatch), and straight into the engine
 * (the worker and the CLI path). Only error results come back, never a crash, never an
 * INTERNAL error, never a value from the request; the engine stays idle and writes nothing.
 */

/** Error codes a malformed or out-of-context request may legitimately get. */
const EXPECTED_CODES = new Set<ErrorCode>([
  'INVALID_REQUEST',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'NO_EXTRACT_OPEN',
  'NOT_SUPPORTED',
  // A syntactically valid path that does not lead to an extract:
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'NOT_A_DATABASE',
  'CORRUPT_FILE',
  'NOT_AN_EXTRACT',
  'IMPORT_SOURCE_MISSING',
  'IMPORT_INVALID',
  'IMPORT_TARGET_EXISTS',
  'WEAK_PASSPHRASE',
  'COHORT_NOT_FOUND',
  'RECIPE_INVALID',
  'RECIPE_NOT_JSON',
  'POLICY_INVALID',
  'EXPORT_FORBIDDEN',
  // The write-path rules (issue 11): relative, '..', the extract, the workspace, the data folder, an existing file.
  'PATH_REFUSED',
  'FILE_EXISTS',
  'WRITE_FAILED',
]);

/** Marks every string the fuzzer makes, so an echo of a request value is found. */
const MARK = 'ZZFUZZ';
/** The issue asks for at least 10,000 payloads to every method. */
const RUNS_PER_METHOD = 10_000;

/** Checks one answer; returns what is wrong, or null. Exported behaviour is tested below on planted faults. */
function problemWith(result: unknown): string | null {
  if (typeof result !== 'object' || result === null || typeof (result as Result<unknown>).ok !== 'boolean') return 'not a Result';
  const r = result as Result<unknown>;
  if (!r.ok) {
    if (!EXPECTED_CODES.has(r.error.code)) return `unexpected error code ${r.error.code}`;
    if (typeof r.error.message?.nl !== 'string' || typeof r.error.message?.en !== 'string') return 'error without NL/EN message';
    if (JSON.stringify(r.error).includes(MARK)) return 'error echoes a request value';
  }
  return null;
}

const topLevelKeys = (schema: z.ZodType): string[] => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);

const markedString = fc.string({ maxLength: 40 }).map((s) => `${MARK}${s}`);
const edgeValues = fc.constantFrom<unknown>(
  '',
  ' ',
  '../../../../etc/passwd',
  'C:\\Windows\\System32\\config\\SAM',
  '\u0000',
  `${MARK}${'x'.repeat(100_000)}`,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1,
  2 ** 53 + 1,
  1e308,
  [],
  {},
  null,
  undefined,
  true,
  { __proto__: { polluted: MARK } },
  JSON.parse(`{"__proto__": {"polluted": "${MARK}"}, "constructor": {"prototype": {"polluted": "${MARK}"}}}`),
);
const junk = fc.anything({
  maxDepth: 2,
  maxKeys: 5,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  stringUnit: 'binary',
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')),
});
const value = fc.oneof({ arbitrary: junk, weight: 3 }, { arbitrary: markedString, weight: 3 }, { arbitrary: edgeValues, weight: 2 }, fc.array(markedString, { maxLength: 4 }));

/**
 * File names may appear in messages ("the file does not exist (extract.db)"): values of path
 * fields get their own, unmarked strings, sometimes near-valid (an existing folder, a relative name).
 */
const PATH_KEYS = new Set(['path', 'sourceDir', 'targetPath']);
const pathValue = fc.oneof(fc.string({ maxLength: 40 }).map((s) => `vv-fuzz-${s}`), fc.constantFrom('.', '..', '/', 'extract.db', '/dev/null', '/proc/self/mem', 'nul'), junk);

/** Random payloads, half of them shaped like the method's request (right keys, wrong values, extra keys). */
function payloadFor(method: MethodName): fc.Arbitrary<unknown> {
  const keys = topLevelKeys(contract[method].request);
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, PATH_KEYS.has(k) ? pathValue : value])), { requiredKeys: [] })
    : fc.constant({} as Record<string, unknown>);
  const withExtra = fc.tuple(shaped, fc.string({ minLength: 1, maxLength: 8 }), value).map(([o, k, v]) => ({ ...o, [`x${k}`]: v }));
  return fc.oneof(junk, value, shaped, withExtra);
}

/** What crosses Electron's IPC: a structured clone of the renderer's argument. */
function overIpc(payload: unknown): unknown {
  try {
    return structuredClone(payload);
  } catch {
    return undefined;
  }
}

const trusted: IpcInvokeEventLike = { senderFrame: { url: `${ELECTRON_APP_ORIGIN}/index.html`, parent: null } };

describe('IPC fuzz', () => {
  let workDir: string;
  let dataDir: string;
  let cwd: string;
  let engine: Engine;
  let engineCalls = 0;
  const channels = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const log = createMemoryEventLog();

  beforeAll(() => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'vv-fuzz-'));
    dataDir = path.join(workDir, 'data');
    // Relative paths in random requests land in an empty folder that is checked afterwards.
    cwd = process.cwd();
    const runDir = path.join(workDir, 'cwd');
    mkdirSync(dataDir);
    mkdirSync(runDir);
    process.chdir(runDir);
    engine = createEngine({ resourcesDir: RESOURCES_DIR, dataDir, appVersion: '0.0.0-fuzz' }, buildHandlers, { validateResponses: true, log });
    const ipcMain: IpcMainLike = { handle: (channel, listener) => void channels.set(channel, listener) };
    registerHandlers(ipcMain, {
      engine: {
        call: (method, request) => {
          engineCalls++;
          return engine.dispatch(method, request);
        },
      },
      host: noDialogHostHandlers,
    });
  });

  afterAll(() => {
    process.chdir(cwd);
    engine?.state.closeSession();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('registers exactly one channel per contract method', () => {
    expect([...channels.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it(`answers ${RUNS_PER_METHOD} random payloads per method (IPC path and engine path) with expected errors only`, async () => {
    let sent = 0;
    for (const method of METHOD_NAMES) {
      const listener = channels.get(channelOf(method))!;
      await fc.assert(
        fc.asyncProperty(payloadFor(method), fc.oneof({ arbitrary: fc.constant([] as unknown[]), weight: 4 }, fc.array(value, { maxLength: 2 })), async (payload, extraArgs) => {
          const viaIpc = await listener(trusted, overIpc(payload), ...extraArgs.map(overIpc));
          const viaEngine = contract[method].host ? null : await engine.dispatch(method, payload);
          sent += 1;
          const problem = problemWith(viaIpc) ?? (viaEngine && problemWith(viaEngine));
          if (problem) throw new Error(`${method}: ${problem}`);
          expect(engine.state.status).toBe('idle');
          expect(engine.state.session).toBeNull();
        }),
        { numRuns: RUNS_PER_METHOD, seed: 7_2025 + METHOD_NAMES.indexOf(method) },
      );
    }
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(sent).toBeGreaterThanOrEqual(RUNS_PER_METHOD * METHOD_NAMES.length);
    // 10,000 payloads × every method on a shared 2-core machine: minutes, not the default minute.
  }, 600_000);

  it('refuses every request from a frame that is not the app main frame, before the engine sees it', async () => {
    const before = engineCalls;
    const frame = fc.record({
      url: fc.oneof(fc.webUrl(), fc.constantFrom('file:///index.html', 'app://evil/index.html', 'app://verhuisverkenner.evil/', 'about:blank', '', `${ELECTRON_APP_ORIGIN}/`)),
      parent: fc.oneof(fc.constant(null), fc.constant({})),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), frame, fc.boolean(), async (method, senderFrame, noFrame) => {
        const trustedFrame = senderFrame.parent === null && senderFrame.url.startsWith(`${ELECTRON_APP_ORIGIN}/`);
        fc.pre(!trustedFrame || noFrame);
        const event: IpcInvokeEventLike = { senderFrame: noFrame ? null : senderFrame };
        const r = (await channels.get(channelOf(method))!(event, {})) as Result<unknown>;
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      }),
      { numRuns: 500, seed: 7_5 },
    );
    expect(engineCalls).toBe(before);
  });

  it('answers unknown method names with UNKNOWN_METHOD', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), markedString, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'app.info.', 'APP.INFO')), value, async (name, payload) => {
        fc.pre(!(METHOD_NAMES as string[]).includes(name));
        const r = await engine.dispatch(name, payload);
        expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
        expect(JSON.stringify(r)).not.toContain(MARK);
      }),
      { numRuns: 500, seed: 7_6 },
    );
  });

  it('leaves the engine idle, with no file written and nothing from the payloads in its log', () => {
    expect(engine.state.status).toBe('idle');
    expect(engine.state.session).toBeNull();
    expect(readdirSync(dataDir)).toEqual([]);
    expect(readdirSync(process.cwd())).toEqual([]);
    expect(log.lines.length).toBeGreaterThan(10_000);
    expect(log.lines.some((l) => l.event === 'log.rejected')).toBe(false);
    // Some payloads passed validation and reached a handler (NO_EXTRACT_OPEN, FILE_NOT_FOUND, ok…).
    expect(log.lines.filter((l) => l.event === 'engine.call' && l.code !== 'INVALID_REQUEST').length).toBeGreaterThan(100);
    expect(JSON.stringify(log.lines)).not.toContain(MARK);
  });

  it('the checker catches a crash, an unexpected code and an echoed value (planted faults)', () => {
    expect(problemWith(undefined)).toBe('not a Result');
    expect(problemWith({ ok: false, error: { code: 'INTERNAL', message: { nl: '', en: '' } } })).toMatch(/INTERNAL/);
    expect(problemWith({ ok: false, error: { code: 'INVALID_REQUEST', message: { nl: `${MARK}1`, en: '' } } })).toMatch(/echoes/);
    expect(problemWith({ ok: false, error: { code: 'INVALID_REQUEST', message: { nl: 'x', en: 'x' } } })).toBeNull();
  });
});

/**
 * Issue 11: the new parameters of every method that writes (path, targetPath, overwrite) fuzzed
 * with an extract open, so that the write-path rules — not the missing session — answer. Paths
 * come mostly from the dangerous set (relative, '..', the extract and links to it, the workspace
 * and its companions, the data folder, existing files, devices); a few are writable. Afterwards
 * the extract is unchanged, the audit log verifies, nothing was written outside the output
 * folder, and nothing but the app's own files is in the data folder.
 */
describe('IPC fuzz of the write-path parameters, with an extract open', () => {
  // verifyExport first: it verifies the whole chain on every call, which grows with the writes of the others.
  const WRITERS = ['audit.verifyExport', 'export.matrix', 'export.fiche', 'audit.report', 'cohort.writeRecipeFile', 'cohort.saveRecipeFile', 'import.fromCsv', 'export.quality'] as const;
  let work: string;
  let out: string;
  let dataDir: string;
  let extractFile: string;
  let extractSha: string;
  let csvDir: string;
  let cwd: string;
  let engine: Engine;
  const channels = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const written = { ok: 0, refused: new Map<string, number>() };

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'vv-fuzz-write-'));
    out = path.join(work, 'out');
    dataDir = path.join(work, 'data');
    csvDir = path.join(work, 'csv');
    cwd = process.cwd();
    for (const d of [out, dataDir, path.join(work, 'cwd')]) mkdirSync(d);
    process.chdir(path.join(work, 'cwd'));
    extractFile = makeExtract(path.join(work, 'extract.db'), { persons: 40 }).path;
    extractSha = createHash('sha256').update(readFileSync(extractFile)).digest('hex');
    writeSyntheticCsv(csvDir, { persons: 30, seed: 3, referenceDate: '2018-01-27' });
    writeFileSync(path.join(out, 'existing.xlsx'), 'keep');
    linkSync(extractFile, path.join(out, 'hard-link.xlsx'));
    symlinkSync(extractFile, path.join(out, 'soft-link.xlsx'));
    engine = createEngine({ resourcesDir: RESOURCES_DIR, dataDir, appVersion: '0.0.0-fuzz', policy: { systemFile: path.join(work, 'no-policy.json'), extraFile: undefined } }, buildHandlers, {
      validateResponses: true,
      log: createMemoryEventLog(),
    });
    const opened = await engine.dispatch('extract.open', { path: extractFile, passphrase: TEST_PASSPHRASE, cipher: { preset: 'auto' } });
    expect(opened.ok).toBe(true);
    expect((await engine.dispatch('cohort.save', { name: 'fuzz', definition: { status: ['REFUGEE'] } })).ok).toBe(true);
    const ipcMain: IpcMainLike = { handle: (channel, listener) => void channels.set(channel, listener) };
    registerHandlers(ipcMain, { engine: { call: (method, request) => engine.dispatch(method, request) }, host: noDialogHostHandlers });
  });

  afterAll(() => {
    process.chdir(cwd);
    engine?.state.closeSession();
    rmSync(work, { recursive: true, force: true });
  });

  /** Paths an attacker would try, and now and then a writable one. */
  const dangerousPath = (): fc.Arbitrary<unknown> => {
    const ws = () => workspacePath(dataDir, 'test-extract');
    return fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 20 }).map((s) => `vv-fuzz-${s}.xlsx`) },
      { weight: 3, arbitrary: fc.constantFrom('.', '..', 'a/../b.xlsx', './x.csv', '', 'extract.db') },
      { weight: 3, arbitrary: fc.string({ maxLength: 8 }).map((s) => `${out}/x/../${s}a.xlsx`) },
      { weight: 4, arbitrary: fc.constantFrom(extractFile, `${extractFile}-wal`, `${extractFile}-journal`, path.join(out, 'hard-link.xlsx'), path.join(out, 'soft-link.xlsx')) },
      { weight: 4, arbitrary: fc.constantFrom(0, 1, 2, 3, 4).map((i) => [ws(), `${ws()}-wal`, `${ws()}-shm`, path.join(out, 'copy.vvw'), path.join(dataDir, 'workspaces', 'new.vvw')][i]) },
      { weight: 3, arbitrary: fc.string({ maxLength: 10 }).map((s) => path.join(dataDir, `${s}x.xlsx`)) },
      { weight: 3, arbitrary: fc.constantFrom(dataDir, path.join(dataDir, 'logs'), path.join(dataDir, 'app-settings.json'), path.join(out, 'nope', 'x.xlsx'), '/dev/null', '/proc/self/mem', '/', `${out}/\u0000.xlsx`) },
      // An existing file: refused unless overwrite is true (then it is a write, rare: each release is
      // protected against every earlier one, so writes get dearer as the ledger grows).
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 9 }).map((n) => (n === 0 ? path.join(out, 'existing.xlsx') : path.join(out, 'hard-link.xlsx'))) },
      // Rarely a new, writable file.
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 199 }).map((n) => (n < 2 ? path.join(out, `ok-${n}.xlsx`) : path.join(out, 'nope', `${n}.xlsx`))) },
      { weight: 1, arbitrary: junk },
    );
  };
  const overwrite = fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: junk });

  function payload(method: (typeof WRITERS)[number]): fc.Arbitrary<Record<string, unknown>> {
    const p = dangerousPath();
    const fmt = fc.constantFrom('xlsx', 'csv');
    switch (method) {
      case 'export.matrix':
        return fc.record({ cohort: fc.constant({}), definition: fc.constant({ kind: 'state', level: 'region' }), format: fmt, path: p, overwrite, language: fc.constant('nl') }, { requiredKeys: ['cohort', 'definition', 'format', 'path'] });
      case 'export.fiche':
        return fc.record({ cohort: fc.constant({}), level: fc.constant('region'), vintage: fc.constant('2019'), areaCode: fc.constant('02000'), format: fmt, path: p, overwrite }, { requiredKeys: ['cohort', 'level', 'vintage', 'areaCode', 'format', 'path'] });
      case 'audit.report':
        return fc.record({ path: p, overwrite }, { requiredKeys: ['path'] });
      case 'export.quality':
        return fc.record({ format: fmt, path: p, overwrite, language: fc.constantFrom('nl', 'en') }, { requiredKeys: ['format', 'path'] });
      case 'cohort.writeRecipeFile':
      case 'cohort.saveRecipeFile':
        return fc.record({ name: fc.constantFrom('fuzz', 'unknown'), path: p, overwrite }, { requiredKeys: ['name', 'path'] });
      case 'import.fromCsv':
        // Writable import targets are rarer still: each one is a whole import.
        return fc.record({
          sourceDir: fc.constantFrom(csvDir, out),
          targetPath: p,
          passphrase: fc.constant('fuzz-passphrase'),
        });
      case 'audit.verifyExport':
        return fc.record({ path: p });
    }
  }

  it(`answers ${RUNS_PER_METHOD} write-path payloads per writing method with a write or an expected refusal`, async () => {
    let sent = 0;
    for (const method of WRITERS) {
      const listener = channels.get(channelOf(method))!;
      await fc.assert(
        fc.asyncProperty(payload(method), async (body) => {
          const r = (await listener(trusted, overIpc(body))) as Result<unknown>;
          sent++;
          const problem = problemWith(r);
          if (problem) throw new Error(`${method}: ${problem}`);
          if (r.ok) written.ok++;
          else written.refused.set(r.error.code, (written.refused.get(r.error.code) ?? 0) + 1);
        }),
        { numRuns: RUNS_PER_METHOD, seed: 11_2025 + WRITERS.indexOf(method) },
      );
    }
    expect(sent).toBe(RUNS_PER_METHOD * WRITERS.length);
    // The rules answered (not only the schema), and some writes went through.
    expect(written.refused.get('PATH_REFUSED') ?? 0).toBeGreaterThan(10_000);
    expect(written.refused.get('FILE_EXISTS') ?? 0).toBeGreaterThan(50);
    expect(written.ok).toBeGreaterThan(5);
  }, 1_800_000);

  it('left the extract, the audit log and every folder outside the output folder as they were', async () => {
    expect(createHash('sha256').update(readFileSync(extractFile)).digest('hex')).toBe(extractSha);
    const verdict = (await engine.dispatch('audit.verify', {})) as Result<{ ok: boolean; entries: number }>;
    expect(verdict.ok && verdict.value.ok).toBe(true);
    expect(readdirSync(process.cwd())).toEqual([]);
    expect(readdirSync(dataDir).sort()).toEqual(expect.arrayContaining(['workspaces']));
    for (const f of readdirSync(dataDir)) expect(['workspaces', 'app-settings.json', 'logs']).toContain(f);
    // The workspace (and its WAL) and the encrypted index cache written after open (docs/open-performance.md).
    for (const f of readdirSync(path.join(dataDir, 'workspaces'))) expect(f).toMatch(/^[0-9a-f]{32}\.(vvw(-wal|-shm)?|vvi)$/);
    expect(readFileSync(path.join(out, 'existing.xlsx'), 'utf8').length).toBeGreaterThan(0);
    // Beside the output folder only new recipe files may appear (a recipe path gets '.json' added:
    // `extract.db` → `extract.db.json`, a new file, never the extract itself).
    const extra = readdirSync(work).filter((f) => !['csv', 'cwd', 'data', 'extract.db', 'out'].includes(f));
    for (const f of extra) {
      expect(f).toMatch(/\.json$/);
      expect((JSON.parse(readFileSync(path.join(work, f), 'utf8')) as { kind: string }).kind).toBe('verhuisverkenner.cohort');
    }
  });
});
