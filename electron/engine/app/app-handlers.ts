import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { readAppSettings, updateAppSettings, type AppSettings } from './app-settings-store';

/** The passphrase of the bundled synthetic demo extract; it protects no real data and is documented in the README. */
export const DEMO_PASSPHRASE = 'demo-verhuisverkenner';
export const demoExtractPath = (resourcesDir: string) => path.join(resourcesDir, 'demo', 'demo-extract.db');

export function appHandlers(state: EngineState): HandlerTable<'app.info' | 'app.settings' | 'app.setLanguage' | 'app.reportRenderError'> {
  return {
    'app.info': () => {
      const demo = demoExtractPath(state.config.resourcesDir);
      const hasDemo = existsSync(demo);
      return {
        name: 'Verhuisverkenner' as const,
        version: state.config.appVersion,
        engine: state.status,
        openExtract: state.session ? state.session.summary.fileName : null,
        demoExtractPath: hasDemo ? demo : null,
        demoPassphrase: hasDemo ? DEMO_PASSPHRASE : null,
      };
    },
    'app.settings': () => readAppSettings(state.config.dataDir),
    'app.reportRenderError': ({ code, part }, { log }) => {
      log.event('renderer.error', { code, part });
      return { logged: true };
    },
    'app.setLanguage': (req) => {
      const next = settingsOrFail(() => updateAppSettings(state.config.dataDir, (s) => ({ ...s, language: req.language })));
      return { language: next.language };
    },
  };
}

/** A settings write that fails (read-only data folder, full disk) becomes WRITE_FAILED. */
function settingsOrFail(write: () => AppSettings): AppSettings {
  try {
    return write();
  } catch (err) {
    throw new AppError('WRITE_FAILED', { reason: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
}
