import { z } from 'zod';
import { method } from '../method';
import { QualityReport } from '../../quality/quality-report';

const FilePath = z.string().min(1).max(4096);

/**
 * The data-quality report of the open extract (counts only), and its export: through the
 * write-path rules, with a release proof and an audit entry like every other output.
 */
export const qualityMethods = {
  'quality.report': method(z.object({}).strict(), QualityReport),
  'export.quality': method(
    z
      .object({
        format: z.enum(['xlsx', 'csv']),
        path: FilePath,
        /** Replace an existing file: set by the UI only after the user confirmed (the CLI: --overwrite). */
        overwrite: z.boolean().default(false),
        /** Labels and rule texts: Dutch or English. */
        language: z.enum(['nl', 'en']).default('nl'),
        channel: z.enum(['ui', 'cli']).default('ui'),
      })
      .strict(),
    z.object({ fileName: z.string(), sha256: z.string(), auditSeq: z.number().int().positive() }),
  ),
} as const;
