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
} as const;
