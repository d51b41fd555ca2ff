import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
  });

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
