import { z } from 'zod';
import { method } from '../method';
import { CipherSettings } from './extract';

export const ImportIssue = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  column: z.string(),
  code: z.string(),
  message: z.object({ nl: z.string(), en: z.string() }),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const importMethods = {
  /** Turns a folder of CSV files into a new encrypted extract; atomic, streamed, progress as events. */
  'import.fromCsv': method(
    z
      .object({
        sourceDir: z.string().min(1).max(4096),
        targetPath: z.string().min(1).max(4096),
        passphrase: z.string().min(1).max(1024),
        cipher: CipherSettings.default({ preset: 'sqlcipher4' }),
      })
      .strict(),
    z.object({
      targetPath: z.string(),
      rows: z.number().int().nonnegative(),
      rowsPerSecond: z.number().nonnegative(),
      tables: z.array(z.object({ name: z.string(), rows: z.number().int().nonnegative() })),
    }),
  ),
  /** The validation report of the last failed import, one page at a time. */
  'import.report': method(
    z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) }).strict(),
    z.object({ issues: z.array(ImportIssue), shown: z.number().int(), total: z.number().int() }),
  ),
} as const;
