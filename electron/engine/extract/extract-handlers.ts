import { rememberRecent, readAppSettings } from '../app/app-settings-store';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { openExtractSession } from './open-extract-session';

export function extractHandlers(state: EngineState): HandlerTable<'extract.open' | 'extract.close' | 'extract.summary' | 'extract.recent'> {
  // One open at a time: a second request waits for the first to settle.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    'extract.open': (req, ctx) => {
      const run = async () => {
        // The extract already open stays usable until the new one is ready.
        const previousStatus = state.status;
        state.status = 'opening';
        try {
          const session = await openExtractSession(req, state.config.dataDir, ctx.emit);
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
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    'extract.close': () => ({ closed: state.closeSession() }),
    'extract.summary': () => {
      if (!state.session) throw new AppError('NO_EXTRACT_OPEN');
      return state.session.summary;
    },
    'extract.recent': () => ({ paths: readAppSettings(state.config.dataDir).recentFiles }),
  };
}
