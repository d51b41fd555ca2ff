import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleLock } from '../../electron/main/idle-lock';
import { FakePowerMonitor } from './fakes';

describe('idle lock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks once after the idle limit, and again after new input and a new idle period', () => {
    const pm = new FakePowerMonitor();
    const lock = vi.fn();
    startIdleLock({ idleMinutes: 15, powerMonitor: pm, lock });
    pm.idleSeconds = 14 * 60;
    vi.advanceTimersByTime(60_000);
    expect(lock).not.toHaveBeenCalled();
    pm.idleSeconds = 15 * 60;
    vi.advanceTimersByTime(60_000);
    expect(lock).toHaveBeenCalledExactlyOnceWith('idle');
    pm.idleSeconds = 20 * 60;
    vi.advanceTimersByTime(5 * 60_000);
    expect(lock).toHaveBeenCalledTimes(1);
    pm.idleSeconds = 3; // the analyst is back
    vi.advanceTimersByTime(60_000);
    pm.idleSeconds = 16 * 60;
    vi.advanceTimersByTime(60_000);
    expect(lock).toHaveBeenCalledTimes(2);
  });

  it('takes the limit from its configuration', () => {
    const pm = new FakePowerMonitor();
    const lock = vi.fn();
    startIdleLock({ idleMinutes: 2, powerMonitor: pm, lock });
    pm.idleSeconds = 121;
    vi.advanceTimersByTime(60_000);
    expect(lock).toHaveBeenCalledWith('idle');
  });

  it('locks at once on suspend and on screen lock', () => {
    const pm = new FakePowerMonitor();
    const lock = vi.fn();
    startIdleLock({ idleMinutes: 15, powerMonitor: pm, lock });
    pm.emit('suspend');
    pm.emit('lock-screen');
    expect(lock.mock.calls).toEqual([['suspend'], ['lock-screen']]);
  });

  it('stops reading idle time when stopped, and 0 minutes turns the idle part off', () => {
    const pm = new FakePowerMonitor();
    const lock = vi.fn();
    startIdleLock({ idleMinutes: 15, powerMonitor: pm, lock }).stop();
    const off = vi.fn();
    startIdleLock({ idleMinutes: 0, powerMonitor: pm, lock: off });
    pm.idleSeconds = 10_000;
    vi.advanceTimersByTime(3_600_000);
    expect(lock).not.toHaveBeenCalled();
    expect(off).not.toHaveBeenCalled();
    pm.emit('suspend');
    expect(off).toHaveBeenCalledWith('suspend');
  });
});
