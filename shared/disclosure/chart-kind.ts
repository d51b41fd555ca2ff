import { z } from 'zod';

/** The charts the engine draws for export (PNG or SVG): of a protected matrix, or of the protected profile. */
export const ChartKind = z.enum(['heatmap', 'net-bar', 'sankey', 'map', 'profile-bars']);
export type ChartKind = z.infer<typeof ChartKind>;

/** The charts of a matrix. */
export const MatrixChartKind = z.enum(['heatmap', 'net-bar', 'sankey', 'map']);
export type MatrixChartKind = z.infer<typeof MatrixChartKind>;

export const ImageFormat = z.enum(['svg', 'png']);
export type ImageFormat = z.infer<typeof ImageFormat>;

/**
 * The choices on the chart's tab that change the picture (export what you see): the Sankey's
 * stayers, the map's measure and its corridor lines. Recorded in the audit entry with the chart.
 */
export const ChartView = z
  .object({
    stayers: z.boolean().optional(),
    mapMeasure: z.enum(['netRate', 'retention']).optional(),
    flows: z.boolean().optional(),
  })
  .strict();
export type ChartView = z.infer<typeof ChartView>;

/** The levels each chart is drawn at (a municipality Sankey would be a hairball; the map has polygons for these). */
export const CHART_LEVELS: Partial<Record<ChartKind, readonly string[]>> = {
  sankey: ['region', 'province'],
  map: ['arrondissement', 'municipality'],
};

/** Above this many inner cells a heatmap image is unreadable (and slow to rasterise): the engine refuses it. */
export const MAX_HEATMAP_SIDE = 160;
export const MAX_HEATMAP_CELLS = MAX_HEATMAP_SIDE * MAX_HEATMAP_SIDE;
