import { describe, expect, it } from 'vitest';
import { chromiumCandidates, ChromiumNotFound, findChromium } from '../../electron/chromium-shell/find-chromium';
import { inputIdleClock, startShellIdleLock } from '../../electron/chromium-shell/shell-idle';
import type { EngineEvent } from '../../shared/api/events';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';

describe('the Chromium shell finds a browser or says what to install', () => {
  it('tries CHROMIUM_PATH first, then the usual Chromium and Chrome locations', () => {
    expect(chromiumCandidates({ CHROMIUM_PATH: '/opt/my/chromium' }, 'linux')[0]).toBe('/opt/my/chromium');
    expect(chromiumCandidates({}, 'linux')).toEqual(expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']));
    expect(chromiumCandidates({}, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(chromiumCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32')).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(findChromium({}, 'linux', (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(findChromium({ CHROMIUM_PATH: '/x/chrome' }, 'linux', () => true)).toBe('/x/chrome');
  });

  it('without any, says in one sentence what to install instead of Playwright\'s "executable doesn\'t exist"', () => {
    let err: unknown;
    try {
      findChromium({ CHROMIUM_PATH: '/nowhere/chromium' }, 'linux', () => false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChromiumNotFound);
    const msg = (err as Error).message;
    expect(msg).toMatch(/apt install chromium/);
    expect(msg).toMatch(/CHROMIUM_PATH/);
    expect(msg.split(/[.!?]\s/)).toHaveLength(1);
    expect(msg).not.toMatch(/Failed to launch|executable doesn't exist/);
  });
});

describe('the idle lock in the Chromium shell', () => {
  /** A fake engine answering the policy with `minutes`, recording calls. */
  function fakeEngine(minutes: number) {
    const calls: string[] = [];
    return {
      calls,
      call: async (method: string) => {
        calls.push(method);
        if (method === 'disclosure.policy')
          return { ok: true as const, value: { policy: { ...DEFAULT_POLICY, idleLockMinutes: minutes }, adminFile: null, admin: null, user: null, adminError: null } };
        return { ok: true as const, value: {} };
      },
    };
  }

  async function scenario(inputAtSeconds: number[], minutes: number) {
    let now = 0;
    const ticks: Array<() => void> = [];
    const clock = inputIdleClock(() => now);
    const engine = fakeEngine(minutes);
    const events: EngineEvent[] = [];
    const { idleLock } = startShellIdleLock({
      engine: engine as never,
      powerMonitor: clock.powerMonitor,
      deliver: (e) => events.push(e),
      checkEverySeconds: 5,
      setInterval: (fn) => {
        ticks.push(fn);
        return ticks.length - 1;
      },
      clearInterval: (h) => {
        ticks[h as number] = () => undefined;
      },
    });
    await new Promise((r) => setTimeout(r, 0)); // the policy answer arrives
    expect(idleLock.idleMinutes()).toBe(minutes);
    for (let s = 5; s <= 90; s += 5) {
      now = s * 1000;
      if (inputAtSeconds.some((t) => t <= s && t > s - 5)) clock.touch();
      ticks.at(-1)!();
    }
    await new Promise((r) => setTimeout(r, 0));
    idleLock.stop();
    return { engine, events };
  }

  it('closes the extract after the policy\'s minute without input, as in Electron', async () => {
    const { engine, events } = await scenario([], 1);
    expect(engine.calls).toContain('extract.close');
    expect(events).toEqual([{ type: 'locked', reason: 'idle' }]);
  });

  it('does not lock while the analyst keeps working', async () => {
    const { engine, events } = await scenario([20, 40, 60, 80], 1);
    expect(engine.calls).not.toContain('extract.close');
    expect(events).toEqual([]);
  });
});
