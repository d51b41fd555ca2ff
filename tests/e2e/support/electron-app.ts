import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import type { BlockedRequest } from '../../../electron/chromium-shell/shell-routing';
import { ELECTRON_APP_ORIGIN, isOnOrigin } from '../../../electron/host/app-origin';
import { RECORDED_CALLS_KEY, RECORDED_REQUESTS_KEY, type RecordedCall, type RecordedRequest } from '../../../electron/main/test-switches';
import type { AppOptions, AppShell, LockTrigger, SaveDialogCall } from './app-shell';
import { electronLaunchArgs } from './electron-args';
import { REPO_ROOT } from './paths';
import { requireElectronBinary } from './shell-kind';

/** What the suite stubs in Electron's main process, kept on main's globalThis under this key. */
const STUBS_KEY = '__verhuisTestStubs';
interface MainStubs {
  saveAnswers: (string | null)[];
  saveCalls: SaveDialogCall[];
  /** The OS idle time main sees (seconds). */
  idleSeconds: number;
}

/**
 * Replaces, in main, what a test cannot click: the save dialog answers from a queue (empty
 * queue: cancelled), the open dialog is always cancelled, and the OS idle time is the test's.
 * Runs inside Electron's main process (serialised by Playwright), so it is self-contained.
 */
async function installMainStubs(app: ElectronApplication, idleSeconds: number): Promise<void> {
  await app.evaluate(
    ({ dialog, powerMonitor }, arg) => {
      const stubs: MainStubs = { saveAnswers: [], saveCalls: [], idleSeconds: arg.idleSeconds };
      (globalThis as unknown as Record<string, MainStubs>)[arg.key] = stubs;
      const d = dialog as unknown as Record<string, unknown>;
      d['showSaveDialog'] = async (a: unknown, b?: unknown) => {
        const o = (b ?? a) as { title?: string; defaultPath?: string };
        stubs.saveCalls.push({ title: o.title ?? '', defaultName: o.defaultPath ?? '' });
        const answer = stubs.saveAnswers.shift();
        return answer ? { canceled: false, filePath: answer } : { canceled: true, filePath: '' };
      };
      d['showOpenDialog'] = async () => ({ canceled: true, filePaths: [] });
      (powerMonitor as unknown as { getSystemIdleTime(): number }).getSystemIdleTime = () => stubs.idleSeconds;
    },
    { key: STUBS_KEY, idleSeconds },
  );
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** Requests main's session saw outside app:// (data: and blob: are made in the page and go nowhere). */
export function outsideApp(recorded: readonly RecordedRequest[]): BlockedRequest[] {
  return recorded
    .filter((r) => !isOnOrigin(r.url, ELECTRON_APP_ORIGIN) && !/^(data|blob):/i.test(r.url))
    .map(({ url, method, resourceType }) => ({ url, method, resourceType }));
}

/**
 * The app in real Electron through Playwright's `_electron.launch`: the built main, sandboxed
 * preload, app:// protocol and engine worker, with main recording requests (test-only switch).
 */
export async function launchElectronApp(options: AppOptions): Promise<AppShell> {
  const executablePath = requireElectronBinary();
  const ownDataDir = options.dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'vv-electron-'));
  const dataDir = options.dataDir ?? ownDataDir!;
  const args = electronLaunchArgs({ appDir: REPO_ROOT, dataDir, isRoot: isRoot(), autoOpenDemo: options.autoOpenDemo ?? false, idleMinutes: options.idleMinutes });
  let app: ElectronApplication | null = null;
  const removeOwn = () => ownDataDir && rmSync(ownDataDir, { recursive: true, force: true });
  try {
    app = await _electron.launch({ executablePath, args, cwd: REPO_ROOT, timeout: 90_000 });
    const consoleErrors: string[] = [];
    const page = await app.firstWindow({ timeout: 90_000 });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    // The OS idle time says nothing here: Playwright's input never reaches the X server, so under
    // xvfb it only grows and would lock every app once the run passes the policy's 15 minutes.
    // It stays "just now" unless a test asks for idle (lock('idle')).
    await installMainStubs(app, 0);
    const recording = await app.evaluate((_e, key) => Array.isArray((globalThis as unknown as Record<string, unknown>)[key]), RECORDED_REQUESTS_KEY);
    if (!recording) throw new Error('Electron main records no requests: the test switch was ignored (a packaged build?)');
    if (options.viewport) await page.setViewportSize(options.viewport);
    await page.waitForLoadState('load');
    const running = app;

    const setIdle = (seconds: number) =>
      running.evaluate((_e, arg) => void ((globalThis as unknown as Record<string, MainStubs>)[arg.key]!.idleSeconds = arg.seconds), { key: STUBS_KEY, seconds });
    const lock = async (trigger: LockTrigger): Promise<void> => {
      if (trigger !== 'idle') {
        await running.evaluate(({ powerMonitor }, event) => void powerMonitor.emit(event), trigger);
        return;
      }
      if (options.idleMinutes === undefined) throw new Error('lock("idle") needs the app started with idleMinutes');
      await setIdle(1e9);
      // Main checks the idle time a few times per limit; once the extract is closed, input "resumes".
      await page.getByTestId('open-screen').waitFor({ state: 'visible', timeout: 60_000 });
      await setIdle(0);
    };

    return {
      kind: 'electron',
      page,
      context: app.context(),
      consoleErrors,
      requestsOutsideApp: async () =>
        outsideApp(await running.evaluate((_e, key) => [...((globalThis as unknown as Record<string, RecordedRequest[]>)[key] ?? [])], RECORDED_REQUESTS_KEY)),
      forgetRequests: () => running.evaluate((_e, key) => void ((globalThis as unknown as Record<string, RecordedRequest[]>)[key]!.length = 0), RECORDED_REQUESTS_KEY),
      calls: async (method) =>
        (await running.evaluate((_e, key) => [...((globalThis as unknown as Record<string, RecordedCall[]>)[key] ?? [])], RECORDED_CALLS_KEY))
          .filter((c) => c.method === method)
          .map((c) => c.request),
      forgetCalls: () => running.evaluate((_e, key) => void ((globalThis as unknown as Record<string, RecordedCall[]>)[key]!.length = 0), RECORDED_CALLS_KEY),
      clipboard: { read: () => running.evaluate(({ clipboard }) => clipboard.readText()) },
      dialogs: {
        answerNextSave: (p) => running.evaluate((_e, arg) => void (globalThis as unknown as Record<string, MainStubs>)[arg.key]!.saveAnswers.push(arg.p), { key: STUBS_KEY, p }),
        saveCalls: () => running.evaluate((_e, key) => [...(globalThis as unknown as Record<string, MainStubs>)[key]!.saveCalls], STUBS_KEY),
      },
      lock,
      lockUnsupported: null,
      async close() {
        await running.close().catch(() => undefined);
        removeOwn();
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    removeOwn();
    throw err;
  }
}
