import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, isHostMethod } from '../../shared/api/contract';
import { noDialogHostHandlers, type HostHandlers } from '../../electron/host/host-handlers';
import { createRelay } from '../../electron/ipc/relay';
import { fakeEngine } from './fakes';

const hostSpies = (): HostHandlers => ({
  'dialog.openFile': vi.fn(async () => ({ path: '/tmp/x.db' })),
  'dialog.openFolder': vi.fn(async () => ({ path: null })),
  'dialog.saveFile': vi.fn(async () => ({ path: null })),
  'clipboard.copyMatrix': vi.fn(async () => ({ sha256: 'a'.repeat(64), auditSeq: 1, counts: { primary: 0, class: 0, secondary: 0, rounded: 0, linked: 0, perturbed: 0 } })),
  'clipboard.copyCrosstab': vi.fn(async () => ({ sha256: 'a'.repeat(64), auditSeq: 1, counts: { primary: 0, class: 0, secondary: 0, rounded: 0, linked: 0, perturbed: 0 } })),
  'cohort.saveRecipeFile': vi.fn(async () => ({ fileName: 'r.json' })),
});

describe('relay', () => {
  it('relays a valid request to the engine with the parsed request and returns its result', async () => {
    const { engine } = fakeEngine();
    const relay = createRelay({ engine, host: noDialogHostHandlers });
    const result = await relay('extract.open', { path: '/data/x.db', passphrase: 'secret' }, true);
    expect(result).toEqual({ ok: true, value: { echo: 'extract.open' } });
    // The schema's default cipher is filled in before the engine sees it.
    expect(engine.call).toHaveBeenCalledWith('extract.open', { path: '/data/x.db', passphrase: 'secret', cipher: { preset: 'auto' } });
  });

  it('answers INVALID_REQUEST without calling the engine, and does not echo the value', async () => {
    const { engine } = fakeEngine();
    const relay = createRelay({ engine, host: noDialogHostHandlers });
    const result = await relay('extract.open', { path: '/data/x.db', passphrase: 'hunter2-secret', extra: 'hunter2-secret' }, true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_REQUEST');
    expect(JSON.stringify(result)).not.toContain('hunter2-secret');
    expect(engine.call).not.toHaveBeenCalled();
  });

  it.each([undefined, null, 42, 'x', [], { passphrase: 1 }])('rejects malformed request %j', async (request) => {
    const { engine } = fakeEngine();
    const result = await createRelay({ engine, host: noDialogHostHandlers })('extract.open', request, true);
    expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_REQUEST');
    expect(engine.call).not.toHaveBeenCalled();
  });

  it('refuses an untrusted sender before validating', async () => {
    const { engine } = fakeEngine();
    const result = await createRelay({ engine, host: noDialogHostHandlers })('app.info', {}, false);
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN_SENDER');
    expect(engine.call).not.toHaveBeenCalled();
  });

  it.each(['eval', 'extract', '__proto__', 'constructor', 'toString', 42, null])('refuses a method outside the contract: %j', async (method) => {
    const { engine } = fakeEngine();
    const result = await createRelay({ engine, host: noDialogHostHandlers })(method, {}, true);
    expect(result.ok ? 'ok' : result.error.code).toBe('UNKNOWN_METHOD');
    expect(engine.call).not.toHaveBeenCalled();
  });

  it('answers dialog methods from the host, never the engine', async () => {
    const { engine } = fakeEngine();
    const host = hostSpies();
    const result = await createRelay({ engine, host })('dialog.openFile', { title: 'Open' }, true);
    expect(result).toEqual({ ok: true, value: { path: '/tmp/x.db' } });
    expect(host['dialog.openFile']).toHaveBeenCalledWith({ title: 'Open', filters: [] }, expect.objectContaining({ engine }));
    expect(engine.call).not.toHaveBeenCalled();
  });

  it('turns a throwing host or engine into an error result', async () => {
    const host = { ...hostSpies(), 'dialog.saveFile': vi.fn(async () => Promise.reject(new Error('boom'))) };
    const { engine } = fakeEngine();
    engine.call.mockRejectedValueOnce(new Error('worker gone'));
    const relay = createRelay({ engine, host });
    const saved = await relay('dialog.saveFile', { title: 'Save', defaultName: 'a.xlsx' }, true);
    expect(saved.ok ? 'ok' : saved.error.code).toBe('INTERNAL');
    const info = await relay('app.info', {}, true);
    expect(info.ok ? 'ok' : info.error.code).toBe('ENGINE_UNAVAILABLE');
  });

  it('has a host handler for exactly the contract methods marked host', () => {
    expect(Object.keys(noDialogHostHandlers).sort()).toEqual(METHOD_NAMES.filter(isHostMethod).sort());
  });
});
