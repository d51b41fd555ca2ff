import type { MatrixResult } from '../../../../shared/matrix/matrix-definition';
import type { Area } from '../../../../shared/geo/area-level';
import type { UiLanguage } from '../../../../shared/api/localized';
import { maxOf } from '../../../../shared/arrays/extremes';
import { type NameLanguage, areaName, regionProvinceOrder } from './area-order';

/** Axis labels must be unique or Plotly merges the categories: add the NIS code to a repeated name. */
export function uniqueLabels(areas: readonly Area[], nameLang: NameLanguage, uiLang: UiLanguage = 'nl'): string[] {
  const names = areas.map((a) => areaName(a, nameLang, uiLang));
  const seen = new Map<string, number>();
  for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
  return names.map((n, i) => ((seen.get(n) ?? 0) > 1 ? `${n} (${areas[i].code})` : n));
}

export interface HeatmapData {
  /** Row (origin) labels, top to bottom. */
  y: string[];
  /** Column (destination) labels, left to right. */
  x: string[];
  /** Colour values (counts, or log10(1 + count) on the log scale). */
  z: number[][];
  /** The counts themselves, for hover. */
  counts: number[][];
  /** Colour-bar ticks on the log scale: positions and the counts they stand for. */
  tickvals: number[] | null;
  ticktext: number[] | null;
}

/**
 * The matrix as heatmap input, rows and columns ordered by region then province.
 * On the log scale the colour is log10(1 + count), so zeros stay at the bottom of the
 * scale and the colour bar is labelled in persons (1, 10, 100 …), not in logarithms.
 */
export function heatmapData(result: MatrixResult, nameLang: NameLanguage, log: boolean, uiLang: UiLanguage = 'nl'): HeatmapData {
  const rowOrder = regionProvinceOrder(result.rows);
  const colOrder = regionProvinceOrder(result.cols);
  const nCols = result.cols.length;
  const counts = rowOrder.map((r) => colOrder.map((c) => result.counts[r * nCols + c]));
  const z = log ? counts.map((row) => row.map((v) => Math.log10(1 + v))) : counts;
  let tickvals: number[] | null = null;
  let ticktext: number[] | null = null;
  if (log) {
    const max = maxOf(result.counts, 0);
    ticktext = [0];
    for (let p = 1; p <= Math.max(1, max); p *= 10) ticktext.push(p);
    tickvals = ticktext.map((v) => Math.log10(1 + v));
  }
  return {
    y: uniqueLabels(rowOrder.map((r) => result.rows[r]), nameLang, uiLang),
    x: uniqueLabels(colOrder.map((c) => result.cols[c]), nameLang, uiLang),
    z,
    counts,
    tickvals,
    ticktext,
  };
}
