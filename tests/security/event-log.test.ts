import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/core/dispatch';
import { createFileEventLog, createMemoryEventLog, logDirOf, LOG_FILE_NAME } from '../../electron/engine/log/event-log';
import type { LogLine } from '../../electron/engine/log/log-fields';
import { buildHandlers } from '../../electron/engine/handlers';
import { RESOURCES_DIR } from '../support/test-engine';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'vv-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    rmSync(d, { recursive: true, force: true });
  }
});

const readLines = (file: string): LogLine[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);

describe('event log', () => {
  it('writes one JSON line per event with a timestamp, the event name, the code and the numbers', () => {
    const dir = tempDir();
    const log = createFileEventLog(dir);
    log.event('extract.open.failed', { code: 'WRONG_PASSPHRASE', ms: 12.345, attempts: 2, cipher: 'auto' });
    const [line] = readLines(path.join(dir, LOG_FILE_NAME));
    expect(line).toMatchObject({ event: 'extract.open.failed', code: 'WRONG_PASSPHRASE', ms: 12.3, attempts: 2, cipher: 'auto' });
    expect(new Date(line.t).toString()).not.toBe('Invalid Date');
    if (process.platform !== 'win32') expect(statSync(path.join(dir, LOG_FILE_NAME)).mode & 0o077).toBe(0);
  });

  it('cannot take free text: unknown fields, strings in enum fields and unknown event names are rejected without their content', () => {
    const log = createMemoryEventLog();
    const secret = 'ZZSECRET-person-P000123';
    // @ts-expect-error free text is not a field
    log.event('engine.call', { message: secret });
    // @ts-expect-error a code is an ErrorCode, not any string
    log.event('engine.call', { code: secret });
    // @ts-expect-error an event name comes from the closed set
    log.event(`extract.open.${secret}`, {});
    // @ts-expect-error method names come from the contract
    log.event('engine.call', { method: secret });
    log.event('engine.call', { ms: Number.NaN });
    log.event('engine.call', { count: -1 });
    expect(log.lines.map((l) => l.event)).toEqual(Array(6).fill('log.rejected'));
    expect(JSON.stringify(log.lines)).not.toContain('ZZSECRET');
  });

  it('rotates a small file and keeps a bounded number of old files', () => {
    const dir = tempDir();
    const log = createFileEventLog(dir, { maxBytes: 2_000, keep: 2 });
    for (let i = 0; i < 500; i++) log.event('engine.call', { method: 'app.info', ok: true, ms: i });
    const files = readdirSync(dir).sort();
    expect(files).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`]);
    for (const f of files) expect(statSync(path.join(dir, f)).size).toBeLessThanOrEqual(2_000);
    // The newest event is in the current file.
    expect(readLines(path.join(dir, LOG_FILE_NAME)).at(-1)).toMatchObject({ ms: 499 });
  });

  it('never throws when the folder cannot be written', () => {
    // A log folder below a regular file cannot be created, whoever runs the test.
    const parent = tempDir();
    writeFileSync(path.join(parent, 'file'), '');
    const log = createFileEventLog(path.join(parent, 'file', 'logs'));
    expect(() => log.event('engine.start', {})).not.toThrow();
    expect(() => log.event('engine.call', { ok: true })).not.toThrow();
    expect(readdirSync(parent)).toEqual(['file']);
  });

  it('the engine logs each call with its method, outcome and duration, and nothing from the request', async () => {
    const dataDir = tempDir();
    const engine = createEngine({ resourcesDir: RESOURCES_DIR, dataDir, appVersion: '0.0.0-test' }, buildHandlers);
    await engine.dispatch('app.info', {});
    const extractPath = path.join(dataDir, 'ZZPATH-geheim.db');
    writeFileSync(extractPath, 'not a database');
    await engine.dispatch('extract.open', { path: extractPath, passphrase: 'ZZPASS-wachtwoord' });
    await engine.dispatch('extract.open', { path: 'x', passphrase: 'ZZPASS-wachtwoord', cipher: { preset: 'ZZENUM' } });
    await engine.dispatch('ZZMETHOD.steal', { value: 'ZZVALUE' });
    engine.state.closeSession();

    const file = path.join(logDirOf(dataDir), LOG_FILE_NAME);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/ZZ/);
    const lines = readLines(file);
    expect(lines[0].event).toBe('engine.start');
    const calls = lines.filter((l) => l.event === 'engine.call');
    expect(calls).toHaveLength(4);
    expect(calls[0]).toMatchObject({ method: 'app.info', ok: true });
    expect(calls[1]).toMatchObject({ method: 'extract.open', ok: false });
    expect(calls[2]).toMatchObject({ method: 'extract.open', ok: false, code: 'INVALID_REQUEST' });
    expect(calls[3]).toEqual({ t: expect.any(String), event: 'engine.call', ok: false, code: 'UNKNOWN_METHOD', ms: expect.any(Number) });
    for (const c of calls) expect(c.ms).toBeGreaterThanOrEqual(0);
  });
});
