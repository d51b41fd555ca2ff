import { z } from 'zod';
import { method } from '../method';

export const EngineStatus = z.enum(['idle', 'opening', 'ready']);

/** The parts of the UI that have their own error boundary (views and charts): what a render error names. */
export const RENDER_PARTS = [
  'view.overview', 'view.cohort', 'view.matrix', 'view.fiche', 'view.exportLog',
  'view.profile', 'view.crosstab',
  'chart.table', 'chart.heatmap', 'chart.sankey', 'chart.bar', 'chart.map', 'chart.corridors',
] as const;
export const RenderPart = z.enum(RENDER_PARTS);
export type RenderPart = z.infer<typeof RenderPart>;

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
  /**
   * A view or chart of the renderer failed to draw (its error boundary caught it): logged as
   * the error code and the part, never the message or stack (they may quote data).
   */
  'app.reportRenderError': method(z.object({ code: z.literal('RENDER_FAILED'), part: RenderPart }).strict(), z.object({ logged: z.boolean() })),
  'app.setLanguage': method(z.object({ language: z.enum(['nl', 'en']) }).strict(), z.object({ language: z.enum(['nl', 'en']) })),
} as const;
