import { z } from 'zod';
import { method } from '../method';

export const EngineStatus = z.enum(['idle', 'opening', 'ready']);

export const appMethods = {
  /** Version and engine state; the first call the UI makes. */
  'app.info': method(
    z.object({}).strict(),
    z.object({
      name: z.literal('Verhuisverkenner'),
      version: z.string(),
      engine: EngineStatus,
      /** Basename of the open extract, or null. Full paths stay out of logs. */
      openExtract: z.string().nullable(),
      /** Path of the bundled demo extract, when it exists. */
      demoExtractPath: z.string().nullable(),
      /** The passphrase of the bundled demo extract (public synthetic data, documented in the README). */
      demoPassphrase: z.string().nullable(),
    }),
  ),
  /** App-wide settings kept outside any extract (no microdata): UI language and recent files (paths only). */
  'app.settings': method(
    z.object({}).strict(),
    z.object({ language: z.enum(['nl', 'en']), recentFiles: z.array(z.string()) }),
  ),
  'app.setLanguage': method(z.object({ language: z.enum(['nl', 'en']) }).strict(), z.object({ language: z.enum(['nl', 'en']) })),
} as const;
