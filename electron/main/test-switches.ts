/**
 * Test-only switches for the end-to-end suite under Electron (VERHUIS_E2E_SHELL=electron).
 * They are honoured only in unpackaged runs: an installed app started with them behaves
 * exactly as without them (no recording, its own data folder).
 *
 * --verhuis-test-record-requests   main records every request its session sees, so the suite
 *                                  can fail on any request that left app://, and every engine
 *                                  call the renderer makes (what the UI asked for)
 * --verhuis-test-user-data=DIR     the data folder (settings, workspaces, log) of this run
 */
export const RECORD_REQUESTS_SWITCH = '--verhuis-test-record-requests';
export const USER_DATA_SWITCH = '--verhuis-test-user-data';

/** Where main keeps the records; the test harness reads them with ElectronApplication.evaluate. */
export const RECORDED_REQUESTS_KEY = '__verhuisRecordedRequests';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** False when the lockdown cancelled it. */
  allowed: boolean;
}

export interface TestSwitches {
  recordRequests: boolean;
  /** Absolute data folder, or null (Electron's default userData). */
  userData: string | null;
}

const NONE: TestSwitches = { recordRequests: false, userData: null };

/** The test switches in `argv`; none at all in a packaged build. */
export function testSwitches(argv: readonly string[], isPackaged: boolean): TestSwitches {
  if (isPackaged) return NONE;
  const dir = argv.find((a) => a.startsWith(`${USER_DATA_SWITCH}=`))?.slice(USER_DATA_SWITCH.length + 1) ?? '';
  // Absolute paths only (POSIX or Windows): a relative one would depend on the working directory.
  const absolute = dir.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(dir) || dir.startsWith('\\\\');
  return { recordRequests: argv.includes(RECORD_REQUESTS_SWITCH), userData: absolute ? dir : null };
}

/** A recorder that appends to a list kept on `target` (main's globalThis) under RECORDED_REQUESTS_KEY. */
export function requestRecorder(target: object = globalThis): (request: RecordedRequest) => void {
  const list: RecordedRequest[] = [];
  Object.defineProperty(target, RECORDED_REQUESTS_KEY, { value: list, configurable: true, enumerable: false, writable: false });
  return (request) => void list.push(request);
}

/** Where main keeps the engine calls the renderer made (test-only, with the request recording). */
export const RECORDED_CALLS_KEY = '__verhuisRecordedCalls';

export interface RecordedCall {
  method: string;
  request: unknown;
}

/** A request as recorded: a passphrase is never kept, not even in a test's memory. */
export function recordableRequest(request: unknown): unknown {
  if (!request || typeof request !== 'object' || !('passphrase' in request)) return request;
  return { ...(request as object), passphrase: '[not recorded]' };
}

/**
 * The engine client main relays to, recording each call first (method and validated request),
 * so a test can see what the UI asked for: the preload's API is frozen by contextBridge and
 * cannot be wrapped in the page.
 */
export function recordEngineCalls<E extends { call(method: string, request: unknown): Promise<unknown> }>(engine: E, target: object = globalThis): E {
  const list: RecordedCall[] = [];
  Object.defineProperty(target, RECORDED_CALLS_KEY, { value: list, configurable: true, enumerable: false, writable: false });
  return {
    ...engine,
    call: (method: string, request: unknown) => {
      list.push({ method, request: recordableRequest(request) });
      return engine.call(method, request);
    },
  };
}
