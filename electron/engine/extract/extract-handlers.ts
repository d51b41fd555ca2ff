import { rememberRecent, readAppSettings } from '../app/app-settings-store';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { openExtractSession } from './open-extract-session';
import { bindSiteKey, siteKeyFrom, workspaceIdOf } from '../audit/audit-log';
import { readSiteKeyBytes } from '../policy/policy-file';

export function extractHandlers(state: EngineState): HandlerTable<'extract.open' | 'extract.close' | 'extract.summary' | 'extract.recent'> {
  // One open or close at a time: a request waits for the one before it to settle. A close
  // (the idle lock on suspend or screen lock) that arrives while an extract is opening thus
  // closes that extract once it is open, instead of finding nothing to close.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => T | Promise<T>): Promise<T> => {
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    'extract.open': (req, ctx) => {
      const run = async () => {
        // The extract already open stays usable until the new one is ready.
        const previousStatus = state.status;
        state.status = 'opening';
        try {
          const session = await openExtractSession(req, state.config.dataDir, ctx.emit);
          // Entries are chained under the administrator's site key where the policy names one.
          const keyFile = state.adminPolicy().site.siteKeyFile;
          const keyBytes = keyFile ? readSiteKeyBytes(keyFile) : null;
          bindSiteKey(session.workspace, keyBytes ? siteKeyFrom(keyBytes) : null);
          workspaceIdOf(session.workspace);
          state.closeSession();
          state.session = session;
          state.status = 'ready';
          try {
            rememberRecent(state.config.dataDir, req.path);
          } catch {
            // A read-only data folder must not stop the analysis; the recent list is a convenience.
          }
          return session.summary;
        } catch (err) {
          state.status = state.session ? previousStatus : 'idle';
          throw err;
        }
      };
      return serial(run);
    },
    'extract.close': () => serial(() => ({ closed: state.closeSession() })),
    'extract.summary': () => {
      if (!state.session) throw new AppError('NO_EXTRACT_OPEN');
      return state.session.summary;
    },
    'extract.recent': () => ({ paths: readAppSettings(state.config.dataDir).recentFiles }),
  };
}
