import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forgeIndexCache } from '../support/forge-index-cache';
import { makeExtract } from '../support/make-extract';
import { makeTempDir } from '../support/temp-dirs';
import type { AppShell } from './support/app-shell';
import { expectClean, openApp, saveScreenshot } from './support/shell-harness';

/**
 * Issue 14s: the extract is opened from an index cache whose fingerprint the engine's
 * background SHA-256 then corrects (the file differs from the one the cache was made for).
 * The analyst gets a non-blocking notice, in NL and EN, naming the fingerprint that now
 * applies, and the overview shows it.
 */
const WRONG = 'f'.repeat(64);

describe('a fingerprint corrected after an open from the index cache', () => {
  const dataDir = makeTempDir('vv-e2e-fix-');
  const work = makeTempDir('vv-e2e-fix-x-');
  const x = makeExtract(path.join(work, 'gecorrigeerd.db'), { persons: 300, seed: 51, meta: { extract_id: 'e2e-fix' } });
  const truth = createHash('sha256').update(readFileSync(x.path)).digest('hex');
  let shell: AppShell | null = null;
  afterAll(async () => {
    await shell?.close();
  });

  it('shows a notice with the new fingerprint, in Dutch and English, and the overview shows it', async () => {
    // A cache that passes the file's identity check but was made for another fingerprint.
    await forgeIndexCache(dataDir, x, WRONG);

    shell = await openApp({ dataDir, viewport: { width: 1280, height: 800 } });
    const page = shell.page;
    await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('open-path').fill(x.path);
    await page.getByTestId('open-passphrase').fill(x.passphrase);
    await page.getByTestId('open-passphrase').press('Enter');
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 60_000 });

    const notice = page.getByTestId('fingerprint-corrected');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    const nl = (await notice.textContent()) ?? '';
    expect(nl).toContain('Het extractbestand verschilt van het bestand waarvoor de index in de cache gemaakt werd');
    expect(nl).toContain('De index wordt opnieuw uit het bestand opgebouwd');
    expect(await page.getByTestId('fingerprint-corrected-value').textContent()).toBe(truth);
    // Non-blocking: the app stays usable under the notice.
    const overview = page.getByTestId('overview-view');
    await overview.waitFor();
    expect(await page.locator('.overview__fingerprint code').textContent()).toBe(`${truth.slice(0, 16)}…`);
    expect(await page.locator('.overview__fingerprint').getAttribute('title')).toBe(truth);
    expect(await page.locator('body').textContent()).not.toContain(WRONG.slice(0, 16));
    await saveScreenshot(shell, 'fingerprint-correction--nl');

    await page.getByTestId('lang-en').click();
    await expect.poll(() => notice.textContent()).toContain('The extract file differs from the one the cached index was made for');
    expect(await notice.textContent()).toContain('The index is being rebuilt from the file');
    expect(await page.getByTestId('fingerprint-corrected-value').textContent()).toBe(truth);
    await saveScreenshot(shell, 'fingerprint-correction--en');

    // The other views count on the rebuilt index; the notice stays until dismissed.
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-level').waitFor();
    expect(await notice.count()).toBe(1);
    await page.getByTestId('fingerprint-corrected-dismiss').click();
    expect(await notice.count()).toBe(0);
    await page.getByTestId('lang-nl').click();
    await expectClean(shell);
  });
});
