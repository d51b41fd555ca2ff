import { describe, expect, it } from 'vitest';
import { useApp } from './support/shell-harness';

/**
 * The idle lock in the Chromium shell, with the policy a user set (1 minute): the shell's
 * clock is advanced instead of waiting a minute; input resets the idle time.
 */
let offset = 0;

describe('Idle lock in the Chromium shell', () => {
  const app = useApp({ autoOpenDemo: false, viewport: { width: 1280, height: 800 }, idleCheckSeconds: 1, idleClock: () => Date.now() + offset });

  it('closes the extract after the policy\'s minute without input and says why', async () => {
    const { page } = app();
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-demo').click();
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
    // The user tightens the idle lock to one minute (the policy panel's call).
    const r = await page.evaluate(() =>
      (window as unknown as { verhuis: { disclosure: { setUserPolicy: (r: unknown) => Promise<{ ok: boolean }> } } }).verhuis.disclosure.setUserPolicy({ user: { idleLockMinutes: 1 } }),
    );
    expect(r.ok).toBe(true);
    await expect.poll(() => app().idleLock!.idleMinutes(), { timeout: 10_000 }).toBe(1);

    // 30 seconds idle: still open. Then input, and 50 more seconds: still open (input reset it).
    offset = 30_000;
    await page.waitForTimeout(2500);
    expect(await page.getByTestId('main-view').isVisible()).toBe(true);
    await page.mouse.move(200, 200);
    await page.keyboard.press('Shift');
    await page.waitForTimeout(1200);
    offset += 50_000;
    await page.waitForTimeout(2500);
    expect(await page.getByTestId('main-view').isVisible()).toBe(true);

    // Past the minute without input: locked.
    offset += 70_000;
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => page.getByTestId('open-notice').textContent()).toContain('zonder activiteit');
  });
});
