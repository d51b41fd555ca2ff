import { CHART_LEVELS, MatrixChartKind, type ChartKind, type ChartView } from '../../../shared/disclosure/chart-kind';
import type { MapLevel } from '../../../shared/geo/map/area-geometry';
import type { Vintage } from '../../../shared/geo/area-level';
import type { CellMeasure } from '../../../shared/disclosure/percent-table';
import { AppError } from '../core/app-error';
import { CHART_TEXT } from './chart/chart-text';
import { MAX_HEATMAP_CELLS, heatmapSvg, type ChartOptions } from './chart/heatmap-svg';
import { mapGeometry } from './chart/map-geometry';
import { mapSvg } from './chart/map-svg';
import { netBarSvg } from './chart/net-bar-svg';
import { profileBarsSvg } from './chart/profile-bars-svg';
import { sankeySvg } from './chart/sankey-svg';
import { rasterisePng } from './chart/rasterise-png';
import { LABELS, type OutputLanguage } from './output-document';
import type { OutputDocument, TableWriter } from './table-writer';
import { csvWriter, tsvWriter } from './text-writer';
import { xlsxWriter } from './xlsx-writer';

export type ReleaseOutput = 'xlsx' | 'csv' | 'clipboard' | 'svg' | 'png';

/** What of a release request the writers need (release.ts's ReleaseRequest has it all). */
interface WriterRequest {
  output: ReleaseOutput;
  language: OutputLanguage;
  chart?: ChartKind;
  /** The tab's choices that shape the chart (Sankey stayers, map measure and lines). */
  chartView?: ChartView;
  measure?: CellMeasure;
  subject: { kind: 'matrix'; definition: { kind: string; level: string; vintage: string } } | { kind: 'fiche' | 'crosstab' | 'profile' };
}

/** The chart's title: what the matrix is, in the output language. */
function chartTitle(req: WriterRequest): string {
  if (req.subject.kind === 'profile') return CHART_TEXT[req.language].profile;
  if (req.subject.kind !== 'matrix') return '';
  const T = CHART_TEXT[req.language];
  const d = req.subject.definition;
  const kind = T.kind[d.kind as keyof typeof T.kind] ?? d.kind;
  const level = T.level[d.level as keyof typeof T.level] ?? d.level;
  return `${LABELS[req.language].matrix} (${kind}), ${level}, ${T.vintage} ${d.vintage}`;
}

/** Where the matrix is (level, vintage): the map's geometry. */
interface ChartPlace {
  level: string;
  vintage: string;
}

/** The SVG of the requested chart, drawn from the document's protected table or area measures. */
export function chartSvg(doc: OutputDocument, chart: ChartKind, options: ChartOptions, view: ChartView = {}, place?: ChartPlace): string {
  if (chart === 'profile-bars') return profileBarsSvg(doc.tables, options);
  const t = doc.tables[0];
  const levels = CHART_LEVELS[chart];
  if (levels && (!place || !levels.includes(place.level))) throw new AppError('INVALID_REQUEST', { issue: `definition.level: the ${chart} is drawn at ${levels.join(' or ')} level` });
  if (chart === 'sankey') return sankeySvg(t, { ...options, stayers: view.stayers === true });
  if (chart === 'map') {
    // As the measures sheet: no net rates or retention from perturbed values (noise that does not add up).
    if (t.table.method === 'perturbation') throw new AppError('NOT_SUPPORTED', { what: 'map' });
    const geometry = mapGeometry(place!.vintage as Vintage, place!.level as MapLevel);
    return mapSvg(t, geometry, { ...options, measure: view.mapMeasure ?? 'netRate', flows: view.flows !== false });
  }
  if (chart === 'heatmap') {
    const cells = t.table.rows * t.table.cols;
    if (cells > MAX_HEATMAP_CELLS) throw new AppError('CHART_TOO_LARGE', { max: Math.sqrt(MAX_HEATMAP_CELLS) });
    return heatmapSvg(t, options);
  }
  if (!doc.measures) throw new AppError('NOT_SUPPORTED', { what: 'net-bar' });
  return netBarSvg(doc.measures, options);
}

/**
 * A TableWriter that draws a chart: the image is made here, in the engine, from the protected
 * document, so it passes the same policy, differencing guard and audit entry as a table.
 */
function chartWriter(req: WriterRequest, format: 'svg' | 'png', resourcesDir: string): TableWriter {
  const chart = req.chart;
  // A matrix chart for a matrix, the profile's bars for the profile; nothing else has an image.
  const fits = req.subject.kind === 'matrix' ? MatrixChartKind.safeParse(chart).success : req.subject.kind === 'profile' && chart === 'profile-bars';
  if (!chart || !fits) throw new AppError('INVALID_REQUEST', { issue: 'chart: a matrix chart or the profile chart is required for an image' });
  if (req.measure && req.measure !== 'counts') throw new AppError('INVALID_REQUEST', { issue: 'measure: charts draw counts' });
  return {
    extension: format,
    async write(doc) {
      const t = doc.tables[0].table;
      const place = req.subject.kind === 'matrix' ? req.subject.definition : undefined;
      const svg = chartSvg(doc, chart, { title: chartTitle(req), lang: req.language, rounding: t.method === 'rounding' ? t.roundingBase : null }, req.chartView, place);
      return format === 'svg' ? new TextEncoder().encode(svg) : rasterisePng(svg, resourcesDir);
    },
  };
}

export async function writerFor(req: WriterRequest, resourcesDir: string): Promise<TableWriter> {
  if (req.output === 'xlsx') return xlsxWriter;
  if (req.output === 'csv') return csvWriter;
  if (req.output === 'clipboard') return tsvWriter;
  return chartWriter(req, req.output, resourcesDir);
}

/** The audit entry's record of what was released beyond the table: full path, measure, chart. */
export function releaseDetails(req: WriterRequest, fullPath: string | null): { path?: string; measure?: CellMeasure; chart?: ChartKind; chartView?: ChartView } {
  const image = req.output === 'svg' || req.output === 'png';
  return {
    ...(fullPath ? { path: fullPath } : {}),
    ...(image ? { chart: req.chart } : { measure: req.measure ?? 'counts' }),
    ...(image && req.chartView && Object.keys(req.chartView).length > 0 ? { chartView: req.chartView } : {}),
  };
}
