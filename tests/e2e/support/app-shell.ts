import type { BrowserContext, Page } from 'playwright-core';
import type { BlockedRequest } from '../../../electron/chromium-shell/shell-routing';

/** Which host the end-to-end suite drives: the system Chromium (default) or Electron itself. */
export type ShellKind = 'chromium' | 'electron';

/** What the OS tells the app before the idle lock closes the extract. */
export type LockTrigger = 'idle' | 'suspend' | 'lock-screen';

/** How a test wants the app started; the same for both shells. */
export interface AppOptions {
  /** Open the bundled demo extract at start (default false: the tests open it through the Open screen). */
  autoOpenDemo?: boolean;
  /** Data folder (settings, workspaces); default a fresh temporary folder removed on close. */
  dataDir?: string;
  viewport?: { width: number; height: number };
  /** Idle-lock limit in minutes (fractions allowed), to test the idle timer; default: the policy's. */
  idleMinutes?: number;
}

/** A save dialog the app showed: its title and the file name it suggested. */
export interface SaveDialogCall {
  title: string;
  defaultName: string;
}

/**
 * The host's file dialogs, answered by the test: in the Chromium shell an injected fake, in
 * Electron the real `dialog` module with `showSaveDialog` stubbed in the main process.
 */
export interface ShellDialogs {
  /** The answer to the next save dialog: a path, or null for "cancelled". */
  answerNextSave(path: string | null): Promise<void>;
  /** The save dialogs shown so far, oldest first. */
  saveCalls(): Promise<SaveDialogCall[]>;
}

/** The app under test, whichever shell runs it. */
export interface AppShell {
  kind: ShellKind;
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors. */
  consoleErrors: string[];
  /** Requests outside the app origin (all of them cancelled); Electron: as main's session saw them. */
  requestsOutsideApp(): Promise<BlockedRequest[]>;
  /** Forgets the requests recorded so far (after a test's own probes). */
  forgetRequests(): Promise<void>;
  /**
   * The requests the page sent for an engine method (e.g. 'cohort.count'), oldest first, as the
   * host received them (passphrases not kept). The page's API cannot be wrapped in a test:
   * Electron's contextBridge freezes it.
   */
  calls(method: string): Promise<unknown[]>;
  forgetCalls(): Promise<void>;
  /** The system clipboard as another program would read it. */
  clipboard: { read(): Promise<string> };
  dialogs: ShellDialogs;
  /**
   * Makes the OS report suspend, screen lock or idle time, so the app's idle lock closes the
   * extract; null where the shell has no idle lock (`lockUnsupported` says why).
   */
  lock: ((trigger: LockTrigger) => Promise<void>) | null;
  lockUnsupported: string | null;
  close(): Promise<void>;
}
