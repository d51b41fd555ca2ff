import { z } from 'zod';
import { method } from '../method';
import { CohortDefinition } from '../../cohort/cohort-definition';
import { MatrixDefinition } from '../../matrix/matrix-definition';
import { ReasonCounts } from '../../disclosure/protection';
import { CrosstabSubject } from '../../crosstab/crosstab-definition';

const Filter = z.object({ name: z.string().max(80), extensions: z.array(z.string().max(16)).max(10) });

/**
 * A chosen path, or null. `noDialog` is true when the host has no native dialog (the
 * Chromium shell): the UI then shows a path field instead; null without it means "cancelled".
 */
const Chosen = z.object({ path: z.string().nullable(), noDialog: z.boolean().optional() });

/**
 * Methods answered by the host process (Electron main, or the Chromium shell), not by
 * the engine: native dialogs, the clipboard and writing a cohort recipe. They return
 * null when the user cancels or when the host has no such dialog (the UI then keeps its path field).
 */
export const hostMethods = {
  'dialog.openFile': method(
    z.object({ title: z.string().max(200), filters: z.array(Filter).max(5).default([]) }).strict(),
    Chosen,
    { host: true },
  ),
  'dialog.openFolder': method(z.object({ title: z.string().max(200) }).strict(), Chosen, {
    host: true,
  }),
  'dialog.saveFile': method(
    z.object({ title: z.string().max(200), defaultName: z.string().max(255), filters: z.array(Filter).max(5).default([]) }).strict(),
    Chosen,
    { host: true },
  ),
  /**
   * Copies the matrix to the clipboard after disclosure control. The host asks the engine's
   * release path (`export.clipboard`) for the protected text and writes it itself, so the
   * renderer never chooses what lands on the clipboard; it only learns the hash and the counts.
   */
  'clipboard.copyMatrix': method(
    z.object({ cohort: CohortDefinition, definition: MatrixDefinition, language: z.enum(['nl', 'fr', 'en']).default('nl') }).strict(),
    z.object({ sha256: z.string(), auditSeq: z.number().int().positive(), counts: ReasonCounts }),
    { host: true },
  ),
  /** The same for a cross-tab or the profile (`export.crosstabClipboard`): the host writes the engine's protected text. */
  'clipboard.copyCrosstab': method(
    z.object({ cohort: CohortDefinition, subject: CrosstabSubject, language: z.enum(['nl', 'fr', 'en']).default('nl') }).strict(),
    z.object({ sha256: z.string(), auditSeq: z.number().int().positive(), counts: ReasonCounts }),
    { host: true },
  ),
  /**
   * Writes a saved cohort's recipe (filters and the extract's fingerprint, no microdata) to a
   * file. The host takes the JSON from the engine's `cohort.exportRecipe`, not from the renderer.
   */
  'cohort.saveRecipeFile': method(
    z.object({ name: z.string().trim().min(1).max(120), path: z.string().min(1).max(4096) }).strict(),
    z.object({ fileName: z.string() }),
    { host: true },
  ),
} as const;

/** The methods a host answers; the engine handles every other method of the contract. */
export type HostMethodName = keyof typeof hostMethods;
