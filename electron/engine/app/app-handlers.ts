import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';

/** The passphrase of the bundled synthetic demo extract; it protects no real data and is documented in the README. */
export const DEMO_PASSPHRASE = 'demo-verhuisverkenner';
export const demoExtractPath = (resourcesDir: string) => path.join(resourcesDir, 'demo', 'demo-extract.db');

export function appHandlers(state: EngineState): HandlerTable<'app.info' | 'app.settings' | 'app.setLanguage'> {
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
    // Placeholder until the app-settings store lands.
    'app.settings': () => ({ language: 'nl' as const, recentFiles: [] }),
    'app.setLanguage': (req) => ({ language: req.language }),
  };
}
