import type { EngineEvent } from '../../shared/api/events';
import type { EngineClient } from '../engine-host/engine-client';
import { DEFAULT_IDLE_MINUTES, startIdleLock, type IdleLock } from '../main/idle-lock';
import type { PowerMonitorLike } from '../main/electron-like';
import { policyIdleMinutes } from '../main/policy-idle';

/** The binding the page calls on keyboard, mouse and touch input (throttled in the page). */
export const INPUT_BINDING = '__verhuisInput';

/** Runs in the page: reports input to the shell at most once a second. */
export const INPUT_SCRIPT = `(() => {
  let last = 0;
  const seen = () => {
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    const f = globalThis[${JSON.stringify(INPUT_BINDING)}];
    if (typeof f === 'function') f().catch(() => undefined);
  };
  for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart']) addEventListener(type, seen, { capture: true, passive: true });
})();`;

/**
 * The shell has no OS idle time (Electron's powerMonitor): idle time is the time since the
 * page last saw input. There is no suspend or screen-lock signal either; the idle part of
 * the policy applies as in Electron.
 */
export function inputIdleClock(now: () => number = Date.now): { touch(): void; powerMonitor: PowerMonitorLike } {
  let lastInput = now();
  return {
    touch: () => {
      lastInput = now();
    },
    powerMonitor: {
      on: () => undefined,
      getSystemIdleTime: () => Math.max(0, (now() - lastInput) / 1000),
    },
  };
}

export interface ShellIdleOptions {
  engine: Pick<EngineClient, 'call'>;
  powerMonitor: PowerMonitorLike;
  deliver: (event: EngineEvent) => void;
  /** A command-line cap (minutes); the policy's value holds when lower. */
  cap?: number;
  checkEverySeconds?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * The same idle-lock policy as Electron's main process (electron/main/main-app.ts): the
 * minutes of the policy in force, re-read after calls that may change it; on expiry the
 * extract is closed and the page told it was locked.
 */
export function startShellIdleLock(o: ShellIdleOptions): { idleLock: IdleLock; refresh(): void } {
  const idleLock = startIdleLock({
    idleMinutes: Math.min(o.cap ?? DEFAULT_IDLE_MINUTES, DEFAULT_IDLE_MINUTES),
    powerMonitor: o.powerMonitor,
    checkEverySeconds: o.checkEverySeconds,
    setInterval: o.setInterval,
    clearInterval: o.clearInterval,
    lock: async (reason) => {
      await o.engine.call('extract.close', {});
      o.deliver({ type: 'locked', reason });
    },
  });
  let asked = 0;
  const refresh = () => {
    const ticket = ++asked;
    void policyIdleMinutes(o.engine, o.cap).then((minutes) => {
      if (ticket === asked) idleLock.setIdleMinutes(minutes);
    });
  };
  refresh();
  return { idleLock, refresh };
}
