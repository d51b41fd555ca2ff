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

export const DEFAULT_IDLE_MINUTES = 15;

/**
 * Closes the extract when the analyst walks away: after `idleMinutes` without input (the
 * OS's idle time, so input anywhere counts), and at once on suspend or screen lock. Locks
 * once per idle period; input resets it.
 */
export function startIdleLock(options: IdleLockOptions): { stop(): void } {
  const setTimer = options.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const clearTimer = options.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout));
  const fire = (reason: LockReason) => void Promise.resolve(options.lock(reason)).catch(() => undefined);

  options.powerMonitor.on('suspend', () => fire('suspend'));
  options.powerMonitor.on('lock-screen', () => fire('lock-screen'));

  if (!(options.idleMinutes > 0)) return { stop: () => undefined };
  const limitSeconds = options.idleMinutes * 60;
  const every = options.checkEverySeconds ?? Math.min(30, limitSeconds / 4);
  let lockedThisPeriod = false;
  const timer = setTimer(() => {
    const idle = options.powerMonitor.getSystemIdleTime();
    if (idle < limitSeconds) lockedThisPeriod = false;
    else if (!lockedThisPeriod) {
      lockedThisPeriod = true;
      fire('idle');
    }
  }, every * 1000);
  return { stop: () => clearTimer(timer) };
}
