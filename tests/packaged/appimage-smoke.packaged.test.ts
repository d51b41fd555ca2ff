import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { launchPackaged, type PackagedApp } from './packaged-app';

/**
 * The installer a build host hands out, started as an analyst starts it (npm run verify:electron
 * sets VERHUIS_APPIMAGE): the demo extract opens from the packaged resources, the matrix is
 * computed by the engine worker from app.asar with the native module rebuilt for Electron, the
 * export goes through the sandboxed preload and main's IPC checks, and the audit log records it.
 */

type Call = (request: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const call = (page: Page, ns: string, fn: string, request: unknown) =>
  page.evaluate(
    ([n, f, r]) => ((window as unknown as { verhuis: Record<string, Record<string, Call>> }).verhuis[n as string]![f as string]!)(r),
    [ns, fn, request] as const,
  );

const appImage = process.env.VERHUIS_APPIMAGE ?? '';

describe('packaged AppImage', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'vv-packaged-out-'));
  let app: PackagedApp | null = null;
  afterAll(async () => {
    await app?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('opens the demo extract, computes a matrix, exports it and records the export in the audit log', async () => {
    expect(appImage, 'VERHUIS_APPIMAGE: the AppImage to test (npm run verify:electron sets it)').not.toBe('');
    expect(existsSync(appImage), appImage).toBe(true);
    app = await launchPackaged(appImage);
    const { page } = app;
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!/^(app:\/\/verhuisverkenner\/|data:|blob:)/.test(r.url())) requests.push(r.url());
    });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

    // The packaged app opens its bundled demo extract at start.
    await page.getByTestId('main-view').waitFor({ state: 'visible', timeout: 120_000 });
    await expect.poll(() => page.getByTestId('header-extract').textContent()).toMatch(/demo-extract\.db/);

    await page.getByTestId('nav-matrix').click();
    await page.waitForFunction(
      () => {
        const el = document.querySelector<HTMLElement>('[data-testid=matrix-view]');
        return !!el && el.dataset.pending === 'false' && el.dataset.revision !== '0' && el.dataset.tableDrawn === el.dataset.revision;
      },
      undefined,
      { timeout: 120_000 },
    );
    const cells = await page.locator('[data-testid=matrix-grid] .ag-center-cols-container .ag-cell').count();
    expect(cells).toBeGreaterThan(0);

    // The export button would open the native save dialog, which cannot be answered over CDP: the
    // test makes the call the button makes once a path is chosen, through the same preload and main.
    const file = path.join(outDir, 'smoke-arrondissementen.xlsx');
    const cohort = CohortDefinition.parse({ status: ['REFUGEE'] });
    const exported = await call(page, 'export', 'matrix', { cohort, definition: { kind: 'state', level: 'arrondissement', vintage: '2019' }, format: 'xlsx', path: file, language: 'nl' });
    expect(exported.ok, JSON.stringify(exported.error)).toBe(true);
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect((exported.value as { sha256: string }).sha256).toBe(sha);

    await page.getByTestId('nav-exportLog').click();
    const row = page.locator(`[data-testid=audit-table] tr[data-sha256="${sha}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-file')).toBe('smoke-arrondissementen.xlsx');
    const verdict = page.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await call(page, 'audit', 'verify', {})).toMatchObject({ ok: true, value: { ok: true, entries: 1, brokenAt: null } });
    // The workspace with that log is in the run's data folder, encrypted.
    expect(existsSync(path.join(app.userData, 'workspaces'))).toBe(true);

    const shots = path.resolve(__dirname, '../../artifacts/screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'appimage-smoke--export-log.png'), fullPage: true });

    expect(requests, 'requests outside app://').toEqual([]);
    expect(app.output(), 'main blocked a request').not.toMatch(/network: blocked/);
    expect(consoleErrors).toEqual([]);
  });

  it("ignores --inspect: the fuse that turns off Node's debugger in main is set", async () => {
    await app?.close();
    app = await launchPackaged(appImage, ['--inspect=0']);
    // The window is up, so the command line has been read; Node never opened its debugger.
    expect(app.page.url()).toMatch(/^app:\/\/verhuisverkenner\//);
    expect(app.errors()).not.toMatch(/Debugger listening on/);
  });

  it('ignores ELECTRON_RUN_AS_NODE: the fuse that stops the binary acting as plain Node is set', async () => {
    await app?.close();
    // As plain Node the binary would print the marker and exit before any window (and refuse the debugging switch).
    app = await launchPackaged(appImage, ['-e', 'console.log("RAN-AS-NODE")'], { ELECTRON_RUN_AS_NODE: '1' });
    expect(app.page.url()).toMatch(/^app:\/\/verhuisverkenner\//);
    expect(app.output()).not.toContain('RAN-AS-NODE');
  });
});
