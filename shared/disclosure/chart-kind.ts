import { z } from 'zod';

/** The charts the engine draws for export (PNG or SVG): of a protected matrix, or of the protected profile. */
export const ChartKind = z.enum(['heatmap', 'net-bar', 'profile-bars']);
export type ChartKind = z.infer<typeof ChartKind>;

/** The charts of a matrix. */
export const MatrixChartKind = z.enum(['heatmap', 'net-bar']);
export type MatrixChartKind = z.infer<typeof MatrixChartKind>;

export const ImageFormat = z.enum(['svg', 'png']);
export type ImageFormat = z.infer<typeof ImageFormat>;

/** Above this many inner cells a heatmap image is unreadable (and slow to rasterise): the engine refuses it. */
export const MAX_HEATMAP_SIDE = 160;
export const MAX_HEATMAP_CELLS = MAX_HEATMAP_SIDE * MAX_HEATMAP_SIDE;
