import { launchShell, type Shell } from '../../../electron/chromium-shell/launch-shell';
import { SHELL_APP_ORIGIN } from '../../../electron/host/app-origin';
import { noDialogs, type HostDialogs } from '../../../electron/host/host-handlers';
import { recordableRequest, type RecordedCall } from '../../../electron/main/test-switches';
import type { AppOptions, AppShell, LockTrigger, SaveDialogCall } from './app-shell';
import { DIST_ELECTRON } from './paths';

/**
 * The Chromium shell has no native dialogs: the UI shows a path field. The suite injects this
 * fake instead: a save dialog answered by the test returns that answer; without one it says
 * "no dialog", exactly as the shell does, so the path field still appears.
 */
export function fakeDialogs(): { dialogs: HostDialogs; answerNextSave(path: string | null): void; calls: SaveDialogCall[] } {
  const answers: (string | null)[] = [];
  const calls: SaveDialogCall[] = [];
  return {
    calls,
    answerNextSave: (p) => void answers.push(p),
    dialogs: {
      ...noDialogs,
      'dialog.saveFile': async (req) => {
        calls.push({ title: req.title, defaultName: req.defaultName });
        if (answers.length === 0) return { path: null, noDialog: true };
        return { path: answers.shift() ?? null };
      },
    },
  };
}

/** The idle lock of the Chromium shell, where the shell offers one (`Shell.lock`, issue 12). */
type LockableShell = Shell & { lock?: (trigger: LockTrigger) => Promise<void> };

/** The app in headless Chromium through the same code path as `npm run start:chromium`. */
export async function launchChromiumApp(options: AppOptions): Promise<AppShell> {
  if (options.idleMinutes !== undefined) throw new Error('idleMinutes: the Chromium shell takes the idle limit from the policy only');
  const fake = fakeDialogs();
  const calls: RecordedCall[] = [];
  const shell: LockableShell = await launchShell({
    headless: true,
    autoOpenDemo: options.autoOpenDemo ?? false,
    dataDir: options.dataDir,
    viewport: options.viewport,
    distElectronDir: DIST_ELECTRON,
    dialogs: fake.dialogs,
    onCall: (method, request) => void calls.push({ method: String(method), request: recordableRequest(request) }),
  });
  const lock = typeof shell.lock === 'function' ? shell.lock.bind(shell) : null;
  return {
    kind: 'chromium',
    page: shell.page,
    context: shell.context,
    consoleErrors: shell.consoleErrors,
    requestsOutsideApp: async () => [...shell.requests],
    forgetRequests: async () => void (shell.requests.length = 0),
    calls: async (method) => calls.filter((c) => c.method === method).map((c) => c.request),
    forgetCalls: async () => void (calls.length = 0),
    clipboard: {
      // Reading is the test's privilege only: the shell itself grants the page clipboard-write alone.
      read: async () => {
        await shell.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SHELL_APP_ORIGIN });
        return shell.page.evaluate(() => navigator.clipboard.readText());
      },
    },
    dialogs: {
      answerNextSave: async (p) => fake.answerNextSave(p),
      saveCalls: async () => [...fake.calls],
    },
    lock,
    lockUnsupported: lock ? null : 'the Chromium shell has no idle lock (its Shell offers no lock())',
    close: () => shell.close(),
  };
}
