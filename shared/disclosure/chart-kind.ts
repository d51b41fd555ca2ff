import { z } from 'zod';

/** The charts the engine draws from a protected matrix for export (PNG or SVG). */
export const ChartKind = z.enum(['heatmap', 'net-bar']);
export type ChartKind = z.infer<typeof ChartKind>;

export const ImageFormat = z.enum(['svg', 'png']);
export type ImageFormat = z.infer<typeof ImageFormat>;
