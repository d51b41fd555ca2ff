import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, channelOf } from '../../shared/api/contract';
import { noDialogHostHandlers } from '../../electron/host/host-handlers';
import { registerHandlers } from '../../electron/ipc/register-handlers';
import { appFrame, fakeEngine, fakeIpcMain } from './fakes';

function setup() {
  const ipc = fakeIpcMain();
  const { engine } = fakeEngine();
  registerHandlers(ipc.ipcMain, { engine, host: noDialogHostHandlers });
  return { ...ipc, engine };
}

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('registerHandlers', () => {
  it('registers exactly one handler per contract method, on its own channel', () => {
    const { handleCalls } = setup();
    expect(handleCalls).toHaveLength(METHOD_NAMES.length);
    expect(new Set(handleCalls).size).toBe(handleCalls.length);
    expect([...handleCalls].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it('relays a valid request from the app window to the engine', async () => {
    const { invoke, engine } = setup();
    const result = await invoke(channelOf('app.info'), {});
    expect(result.ok).toBe(true);
    expect(engine.call).toHaveBeenCalledWith('app.info', {});
  });

  it('gives INVALID_REQUEST for a request failing its schema, without calling the engine', async () => {
    const { invoke, engine } = setup();
    expect(code(await invoke(channelOf('extract.open'), { path: '', passphrase: 'x' }))).toBe('INVALID_REQUEST');
    expect(code(await invoke(channelOf('app.setLanguage'), { language: 'fr' }))).toBe('INVALID_REQUEST');
    expect(code(await invoke(channelOf('app.info'), { unexpected: true }))).toBe('INVALID_REQUEST');
    expect(engine.call).not.toHaveBeenCalled();
  });

  it.each([
    ['a remote page', appFrame('https://example.org/')],
    ['a file:// page', appFrame('file:///tmp/index.html')],
    ['another app:// host', appFrame('app://other/index.html')],
    ['an app:// URL with credentials', appFrame('app://user:pw@verhuisverkenner/')],
    ['an iframe inside the app', { url: 'app://verhuisverkenner/frame.html', parent: {} }],
    ['a destroyed frame', null],
  ])('gives FORBIDDEN_SENDER to %s, without calling the engine', async (_label, frame) => {
    const { invoke, engine } = setup();
    expect(code(await invoke(channelOf('app.info'), {}, frame))).toBe('FORBIDDEN_SENDER');
    expect(engine.call).not.toHaveBeenCalled();
  });
});
