import { method } from '../method';
import { z } from 'zod';

/**
 * Disclosure control, export and the export audit log.
 * (Filled in by the disclosure/export capability.)
 */
export const exportMethods = {
  'export.placeholder': method(z.object({}).strict(), z.object({})),
} as const;
