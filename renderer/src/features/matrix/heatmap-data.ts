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
  /** For a wide matrix (municipalities): the columns on a numeric axis, see `wideColumns`. Null: a category axis. */
  wide: WideColumns | null;
}

/** Above this many columns the axis is numeric with exits widened and labels thinned (municipality level). */
export const WIDE_AXIS_COLUMNS = 80;
/** About this many area labels along a wide axis: Plotly's own thinning dropped the exits' labels. */
const AREA_LABELS = 100;

export interface WideColumns {
  /** Cell edges, one more than the columns: an area is 1 wide, an exit `exitWidth`. */
  edges: number[];
  /** Label positions (cell centres) and texts: every k-th area, and every exit. */
  tickvals: number[];
  ticktext: string[];
}

/**
 * At municipality level the ~580 columns are under 2 px wide and Plotly labels only every
 * few; the exit columns (abroad, removed ex officio, deceased, unknown) came last, unlabelled,
 * and too thin to see. Here each exit is as wide as about 1/60 of the areas, and always labelled,
 * far enough apart to be read; the areas get every k-th label.
 */
export function wideColumns(areas: readonly Area[], labels: readonly string[]): WideColumns {
  const exitWidth = Math.max(1, Math.round(areas.length / 60));
  const step = Math.max(1, Math.ceil(areas.length / AREA_LABELS));
  const edges = [0];
  const tickvals: number[] = [];
  const ticktext: string[] = [];
  let regular = 0;
  areas.forEach((a, i) => {
    const left = edges[i];
    const right = left + (a.special ? exitWidth : 1);
    edges.push(right);
    if (a.special || regular++ % step === 0) {
      tickvals.push((left + right) / 2);
      ticktext.push(labels[i]);
    }
  });
  return { edges, tickvals, ticktext };
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
  const colAreas = colOrder.map((c) => result.cols[c]);
  const x = uniqueLabels(colAreas, nameLang, uiLang);
  return {
    y: uniqueLabels(rowOrder.map((r) => result.rows[r]), nameLang, uiLang),
    x,
    z,
    wide: colAreas.length > WIDE_AXIS_COLUMNS ? wideColumns(colAreas, x) : null,
    counts,
    tickvals,
    ticktext,
  };
}
