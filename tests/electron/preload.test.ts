import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, METHOD_NAMES, channelOf } from '../../shared/api/contract';

// A fake 'electron' for the sandboxed preload: record what crosses the context bridge.
const exposed = vi.hoisted(() => ({ calls: [] as [string, unknown][] }));
const ipcRenderer = vi.hoisted(() => ({
  invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.calls.push([key, api]) },
  ipcRenderer,
}));

type Fn = (...args: unknown[]) => unknown;
const flatten = (api: Record<string, unknown>): Map<string, Fn> => {
  const out = new Map<string, Fn>();
  for (const [ns, value] of Object.entries(api)) {
    if (typeof value === 'function') out.set(ns, value as Fn);
    else for (const [fn, f] of Object.entries(value as Record<string, Fn>)) out.set(`${ns}.${fn}`, f);
  }
  return out;
};

describe('preload', () => {
  beforeEach(async () => {
    exposed.calls.length = 0;
    vi.resetModules();
    await import('../../electron/preload/preload');
  });

  it('exposes window.verhuis once, with exactly the contract methods and onEvent', () => {
    expect(exposed.calls.map(([k]) => k)).toEqual(['verhuis']);
    const api = flatten(exposed.calls[0]![1] as Record<string, unknown>);
    expect([...api.keys()].sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'call']) expect(api.has(forbidden)).toBe(false);
  });

  it('sends each method on its own channel', async () => {
    const api = flatten(exposed.calls[0]![1] as Record<string, unknown>);
    for (const method of METHOD_NAMES) {
      await api.get(method)!({ probe: method });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf(method), { probe: method });
    }
  });

  it('onEvent passes the payload only (not the IPC event) and unsubscribes', () => {
    const api = flatten(exposed.calls[0]![1] as Record<string, unknown>);
    const listener = vi.fn();
    const off = api.get('onEvent')!(listener) as () => void;
    const [channel, handler] = ipcRenderer.on.mock.lastCall as [string, Fn];
    expect(channel).toBe(EVENT_CHANNEL);
    handler({ sender: 'ipc-event-object' }, { type: 'locked', reason: 'idle' });
    expect(listener).toHaveBeenCalledWith({ type: 'locked', reason: 'idle' });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, handler);
  });
});
