import type { PowerMonitorLike } from './electron-like';

export type LockReason = 'idle' | 'suspend' | 'lock-screen';

export interface IdleLockOptions {
  /** Minutes without keyboard or mouse input before the lock; 0 turns the idle part off. */
  idleMinutes: number;
  powerMonitor: PowerMonitorLike;
  lock: (reason: LockReason) => void | Promise<void>;
  /** How often the idle time is read (seconds). */
  checkEverySeconds?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export interface IdleLock {
  stop(): void;
  /** A new limit (the policy changed); the current idle period is judged against it from now on. */
  setIdleMinutes(minutes: number): void;
  idleMinutes(): number;
}

/** The policy's default; the active policy (administrator's file, user's choice) may lower it. */
export const DEFAULT_IDLE_MINUTES = 15;

/**
 * Closes the extract when the analyst walks away: after `idleMinutes` without input (the
 * OS's idle time, so input anywhere counts), and at once on suspend or screen lock. Locks
 * once per idle period; input resets it.
 */
export function startIdleLock(options: IdleLockOptions): IdleLock {
  const setTimer = options.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const clearTimer = options.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout));
  const fire = (reason: LockReason) => void Promise.resolve(options.lock(reason)).catch(() => undefined);

  let stopped = false;
  options.powerMonitor.on('suspend', () => !stopped && fire('suspend'));
  options.powerMonitor.on('lock-screen', () => !stopped && fire('lock-screen'));

  let minutes = options.idleMinutes;
  let timer: unknown = null;
  let lockedThisPeriod = false;
  const arm = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (stopped || !(minutes > 0)) return;
    const limitSeconds = minutes * 60;
    const every = options.checkEverySeconds ?? Math.min(30, limitSeconds / 4);
    timer = setTimer(() => {
      const idle = options.powerMonitor.getSystemIdleTime();
      if (idle < limitSeconds) lockedThisPeriod = false;
      else if (!lockedThisPeriod) {
        lockedThisPeriod = true;
        fire('idle');
      }
    }, every * 1000);
  };
  arm();
  return {
    stop: () => {
      stopped = true;
      arm();
    },
    setIdleMinutes: (next) => {
      if (next === minutes) return;
      minutes = next;
      arm();
    },
    idleMinutes: () => minutes,
  };
}
