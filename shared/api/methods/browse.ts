import { z } from 'zod';
import { method } from '../method';
import { EXTRACT_TABLES } from '../../extract/extract-schema';

/**
 * Paged, sorted, filtered rows of one extract table for the browse grid. Columns are
 * checked against the extract schema's allow-list; the engine builds the query.
 */
export const ColumnFilter = z.discriminatedUnion('op', [
  z.object({ column: z.string().max(64), op: z.literal('equals'), value: z.union([z.string().max(200), z.number()]) }),
  z.object({ column: z.string().max(64), op: z.literal('contains'), value: z.string().max(200) }),
  z.object({ column: z.string().max(64), op: z.literal('startsWith'), value: z.string().max(200) }),
  z.object({ column: z.string().max(64), op: z.literal('between'), from: z.union([z.string().max(32), z.number()]), to: z.union([z.string().max(32), z.number()]) }),
  z.object({ column: z.string().max(64), op: z.literal('blank') }),
  z.object({ column: z.string().max(64), op: z.literal('notBlank') }),
]);
export type ColumnFilter = z.infer<typeof ColumnFilter>;

const BrowseTable = z.enum(EXTRACT_TABLES).exclude(['extract_meta']);

export const browseMethods = {
  'browse.rows': method(
    z
      .object({
        table: BrowseTable,
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(1),
        sort: z.array(z.object({ column: z.string().max(64), direction: z.enum(['asc', 'desc']) })).max(4).default([]),
        filters: z.array(ColumnFilter).max(20).default([]),
      })
      .strict()
      .refine((r) => r.endRow > r.startRow && r.endRow - r.startRow <= 1000, 'at most 1000 rows per block'),
    z.object({
      rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
      /** Rows matching the filters. */
      rowCount: z.number().int().nonnegative(),
    }),
  ),
} as const;
