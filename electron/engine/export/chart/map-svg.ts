import { formatCount, formatDecimal, formatPercent } from '../../../../shared/format/number-format';
import type { AreaGeometrySet } from '../../../../shared/geo/map/area-geometry';
import { polygonsOf, type AreaGeometry } from '../../../../shared/geo/map/geojson-types';
import type { OutputTable } from '../table-writer';
import { CHART_TEXT } from './chart-text';
import type { ChartOptions } from './heatmap-svg';
import { chartAreaName } from './chart-area-name';
import { HATCH_DEF, HATCH_ID, colourRamp, esc, fitText, num, svgDocument, text } from './svg-parts';

export type MapMeasure = 'netRate' | 'retention';

export interface MapOptions extends ChartOptions {
  measure: MapMeasure;
  /** Draw the largest published flows as lines between area centroids. */
  flows: boolean;
}

const FONT = 11;
const MAP_W = 760;
/** Belgium's extent (WGS84) with a small margin, as on screen. */
const LON: [number, number] = [2.5, 6.45];
const LAT: [number, number] = [49.45, 51.55];
const NO_VALUE_GREY = '#b9bfc8';
const FLOW_LINE = 'rgba(20,20,20,0.7)';
const TOP_FLOWS = 10;
/** The screen's scales: ColorBrewer RdBu (losses red, gains blue) and YlGnBu (high retention blue). */
const DIVERGING = ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'];
const SEQUENTIAL = ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'];

const divergingColour = colourRamp(DIVERGING);
const sequentialColour = colourRamp(SEQUENTIAL);

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const SCALE = MAP_W / (((LON[1] - LON[0]) * Math.PI) / 180);
const MAP_H = (mercY(LAT[1]) - mercY(LAT[0])) * SCALE;
const project = (lon: number, lat: number): [number, number] => [(((lon - LON[0]) * Math.PI) / 180) * SCALE, (mercY(LAT[1]) - mercY(lat)) * SCALE];

/** An SVG path of a geometry, projected and rounded to a tenth of a pixel (repeated points dropped). */
function pathOf(g: AreaGeometry, dx: number, dy: number): string {
  const parts: string[] = [];
  for (const polygon of polygonsOf(g)) {
    for (const ring of polygon) {
      let last = '';
      let d = '';
      for (const [lon, lat] of ring) {
        const [x, y] = project(lon, lat);
        const pt = `${num(Math.round((x + dx) * 10) / 10)} ${num(Math.round((y + dy) * 10) / 10)}`;
        if (pt === last) continue;
        d += (d ? 'L' : 'M') + pt;
        last = pt;
      }
      if (d) parts.push(`${d}Z`);
    }
  }
  return parts.join('');
}

/** Value of an area: a number, 'c' when an input is protected, or null when there is none (no cohort members). */
type AreaValue = number | 'c' | null;

/**
 * Net migration per 1,000 or retention per area from the protected matrix's published values
 * only, with the same rule as the export's measures sheet: any protected input makes the value
 * protected ([c], hatched), whatever it hides.
 */
export function mapValues(t: OutputTable, measure: MapMeasure): Map<string, AreaValue> {
  const p = t.table;
  const areas = t.areas!;
  const colOf = new Map(areas.cols.map((a, j) => [a.code, j]));
  const out = new Map<string, AreaValue>();
  areas.rows.forEach((a, i) => {
    if (a.special) return;
    const j = colOf.get(a.code);
    const stay = j === undefined ? 0 : p.cells[i * p.cols + j];
    const rt = p.rowTotals[i];
    const ct = j === undefined ? 0 : p.colTotals[j];
    if (measure === 'retention') out.set(a.code, stay === null || rt === null ? 'c' : rt === 0 ? null : stay / rt);
    else if (stay === null || rt === null || ct === null || p.total === null) out.set(a.code, 'c');
    else out.set(a.code, p.total === 0 ? null : ((ct - stay - (rt - stay)) * 1000) / p.total);
  });
  return out;
}

/**
 * A choropleth of net migration per 1,000 or retention, drawn from the bundled geometry with
 * the top published flows as lines. Grey: no value; hatched: protected.
 */
export function mapSvg(t: OutputTable, geometry: AreaGeometrySet, o: MapOptions): string {
  const p = t.table;
  const areas = t.areas;
  if (!areas) throw new Error('map without areas');
  const T = CHART_TEXT[o.lang];
  const uiLang = o.lang === 'en' ? 'en' : 'nl';
  const values = mapValues(t, o.measure);
  const names = new Map(areas.rows.map((a) => [a.code, chartAreaName(a, o.lang)]));
  let maxAbs = 0;
  for (const v of values.values()) if (typeof v === 'number') maxAbs = Math.max(maxAbs, Math.abs(v));
  const fmt = (v: number) => (o.measure === 'netRate' ? formatDecimal(v, uiLang, 1) : formatPercent(v, uiLang, 0));
  const colour = (v: number) =>
    o.measure === 'netRate' ? divergingColour(maxAbs > 0 ? 0.5 + v / (2 * maxAbs) : 0.5) : sequentialColour(maxAbs > 0 ? v / maxAbs : 0);

  const left = 16;
  const top = 56;
  const measureTitle = o.measure === 'netRate' ? T.netRate : T.retention;
  const body: string[] = [text(16, 24, fitText(o.title, 14, MAP_W), 14, 'font-weight="bold"'), text(16, 44, measureTitle, FONT, 'fill="#404040"')];
  const stroke = geometry.level === 'municipality' ? '0.3' : '0.8';
  for (const f of geometry.collection.features) {
    const code = f.properties.nis_code;
    const v = values.get(code) ?? null;
    const name = names.get(code) ?? code;
    const d = pathOf(f.geometry, left, top);
    if (v === 'c') {
      body.push(`<path d="${d}" fill="url(#${HATCH_ID})" fill-rule="evenodd" stroke="#ffffff" stroke-width="${stroke}" data-protected="1"><title>${esc(`${name}: [c]`)}</title></path>`);
    } else if (v === null) {
      body.push(`<path d="${d}" fill="${NO_VALUE_GREY}" fill-rule="evenodd" stroke="#ffffff" stroke-width="${stroke}"><title>${esc(`${name}: ${T.noValue}`)}</title></path>`);
    } else {
      body.push(`<path d="${d}" fill="${colour(v)}" fill-rule="evenodd" stroke="#ffffff" stroke-width="${stroke}"><title>${esc(`${name}: ${fmt(v)}`)}</title></path>`);
    }
  }

  // The largest published flows between two different areas; a protected cell is never ranked.
  const flows: { from: string; to: string; v: number }[] = [];
  if (o.flows) {
    for (let r = 0; r < p.rows; r++) {
      const a = areas.rows[r];
      if (a.special || !geometry.centroids.has(a.code)) continue;
      for (let c = 0; c < p.cols; c++) {
        const b = areas.cols[c];
        const v = p.cells[r * p.cols + c];
        if (v === null || v <= 0 || b.special || b.code === a.code || !geometry.centroids.has(b.code)) continue;
        flows.push({ from: a.code, to: b.code, v });
      }
    }
    flows.sort((x, y) => y.v - x.v || x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
    flows.length = Math.min(flows.length, TOP_FLOWS);
  }
  const maxFlow = flows.length ? flows[0].v : 1;
  for (const f of flows) {
    const a = geometry.centroids.get(f.from)!;
    const b = geometry.centroids.get(f.to)!;
    const [xa, ya] = project(a.lon, a.lat);
    const [xb, yb] = project(b.lon, b.lat);
    const tip = `${names.get(f.from) ?? f.from} → ${names.get(f.to) ?? f.to}: ${formatCount(f.v, uiLang)}`;
    body.push(
      `<line x1="${num(xa + left)}" y1="${num(ya + top)}" x2="${num(xb + left)}" y2="${num(yb + top)}" stroke="${FLOW_LINE}" stroke-width="${num(1 + (5 * f.v) / maxFlow)}" stroke-linecap="round"><title>${esc(tip)}</title></line>`,
      `<circle cx="${num(xb + left)}" cy="${num(yb + top)}" r="${num(3 + (2 * f.v) / maxFlow)}" fill="rgba(20,20,20,0.85)"/>`,
    );
  }

  // Legend: the colour scale between its published ends, grey, hatched, the lines, rounding.
  let y = top + MAP_H + 28;
  const barW = 240;
  const stops = (o.measure === 'netRate' ? DIVERGING : SEQUENTIAL).map((c, i, all) => `<stop offset="${num(i / (all.length - 1))}" stop-color="${c}"/>`).join('');
  const defs = `${HATCH_DEF}<linearGradient id="map-scale" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient>`;
  body.push(`<rect x="16" y="${num(y - 10)}" width="${barW}" height="12" fill="url(#map-scale)" stroke="#bfbfbf"/>`);
  y += 18;
  const lo = o.measure === 'netRate' ? -maxAbs : 0;
  body.push(text(16, y, fmt(lo), FONT), text(16 + barW, y, fmt(maxAbs), FONT, 'text-anchor="end"'));
  y += 24;
  body.push(`<rect x="16" y="${num(y - 10)}" width="18" height="12" fill="${NO_VALUE_GREY}"/>`, text(42, y, T.noValue, FONT));
  y += 20;
  body.push(`<rect x="16" y="${num(y - 10)}" width="18" height="12" fill="url(#${HATCH_ID})" stroke="#bfbfbf"/>`, text(42, y, T.protectedCell, FONT));
  y += 20;
  if (flows.length) {
    body.push(`<line x1="16" y1="${num(y - 4)}" x2="34" y2="${num(y - 4)}" stroke="${FLOW_LINE}" stroke-width="3"/>`, text(42, y, T.topFlows(flows.length), FONT));
    y += 20;
  }
  if (o.rounding) {
    body.push(text(16, y, T.rounded(o.rounding), FONT));
    y += 20;
  }
  return svgDocument(MAP_W + 32, y + 8, defs, body, o.title);
}
