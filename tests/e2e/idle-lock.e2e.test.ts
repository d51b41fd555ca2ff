import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LockTrigger } from './support/app-shell';
import { SHELL_KIND, saveScreenshot, useApp } from './support/shell-harness';

/**
 * The idle lock, end to end: the OS reports a screen lock, a suspend or enough idle time, and
 * the app closes the extract and returns to the Open screen with a notice saying why. Runs in
 * Electron (powerMonitor events and idle time set in main), and in the Chromium shell when that
 * shell offers a lock; otherwise each test is reported as skipped with the shell's reason.
 */

async function openDemo(page: Page): Promise<void> {
  await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByTestId('open-demo').click();
  await page.getByTestId('open-passphrase').press('Enter');
  await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });
}

const engineState = (page: Page) =>
  page.evaluate(async () => {
    const r = await (window as unknown as { verhuis: { app: { info(r: object): Promise<{ ok: boolean; value?: { engine: string } }> } } }).verhuis.app.info({});
    return r.value?.engine ?? 'error';
  });

const NOTICE: Record<LockTrigger, RegExp> = {
  'lock-screen': /scherm vergrendeld/,
  suspend: /slaapstand/,
  idle: /periode zonder activiteit/,
};

describe('Idle lock', () => {
  // A 3-second limit in Electron, so the idle timer itself is exercised; the OS idle time is set by the test.
  const app = useApp({ viewport: { width: 1280, height: 800 }, ...(SHELL_KIND === 'electron' ? { idleMinutes: 0.05 } : {}) });

  for (const trigger of ['lock-screen', 'suspend', 'idle'] as const) {
    it(`closes the extract and shows the Open screen on ${trigger}`, async (context) => {
      const shell = app();
      if (!shell.lock) {
        console.log(`[idle-lock] ${trigger}: skipped — ${shell.lockUnsupported}`);
        context.skip(shell.lockUnsupported ?? 'no idle lock in this shell');
        return;
      }
      const { page } = shell;
      await openDemo(page);
      expect(await engineState(page)).not.toBe('idle');
      await shell.lock(trigger);
      const notice = page.getByTestId('open-notice');
      await notice.waitFor({ state: 'visible', timeout: 60_000 });
      expect(await notice.textContent()).toMatch(NOTICE[trigger]);
      expect(await page.getByTestId('main-view').count()).toBe(0);
      // Closed in the engine too, not only hidden: nothing open any more.
      await expect.poll(() => engineState(page), { timeout: 15_000 }).toBe('idle');
      await saveScreenshot(shell, `idle-lock--${trigger}`);
    });
  }
});
