import type { UiLanguage } from '../../../../shared/api/localized';
import type { MatrixResult } from '../../../../shared/matrix/matrix-definition';
import type { Area } from '../../../../shared/geo/area-level';
import { regionColour } from '../../../../shared/geo/region-colours';
import { type NameLanguage, areaName, regionProvinceOrder } from './area-order';

export interface SankeyData {
  labels: string[];
  colors: string[];
  source: number[];
  target: number[];
  value: number[];
  linkColors: string[];
}

export { REGION_COLOR, SPECIAL_COLOR } from '../../../../shared/geo/region-colours';
const colorOf = (area: Area): string => regionColour(area);

/** '#rrggbb' → 'rgba(r,g,b,a)' for translucent links. */
function translucent(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/**
 * Sankey nodes and links from a matrix: origins on the left, destinations on the right
 * (separate nodes, so a flow from A to A is a horizontal band and no cycle arises).
 * Zero cells give no link; stayers (origin = destination) can be left out so the moves show.
 */
export function sankeyData(result: MatrixResult, nameLang: NameLanguage, includeStayers: boolean, uiLang: UiLanguage = 'nl'): SankeyData {
  const rowOrder = regionProvinceOrder(result.rows);
  const colOrder = regionProvinceOrder(result.cols);
  const nCols = result.cols.length;
  const data: SankeyData = { labels: [], colors: [], source: [], target: [], value: [], linkColors: [] };
  const rowNode = new Map<number, number>();
  const colNode = new Map<number, number>();
  const links: [number, number, number][] = [];
  for (const r of rowOrder) {
    for (const c of colOrder) {
      const v = result.counts[r * nCols + c];
      if (v <= 0) continue;
      if (!includeStayers && result.rows[r].code === result.cols[c].code) continue;
      links.push([r, c, v]);
    }
  }
  // Only areas that carry a link become nodes: an empty node would only add clutter.
  const usedRows = new Set(links.map(([r]) => r));
  const usedCols = new Set(links.map(([, c]) => c));
  for (const r of rowOrder) {
    if (!usedRows.has(r)) continue;
    rowNode.set(r, data.labels.length);
    data.labels.push(areaName(result.rows[r], nameLang, uiLang));
    data.colors.push(colorOf(result.rows[r]));
  }
  for (const c of colOrder) {
    if (!usedCols.has(c)) continue;
    colNode.set(c, data.labels.length);
    data.labels.push(areaName(result.cols[c], nameLang, uiLang));
    data.colors.push(colorOf(result.cols[c]));
  }
  for (const [r, c, v] of links) {
    data.source.push(rowNode.get(r)!);
    data.target.push(colNode.get(c)!);
    data.value.push(v);
    data.linkColors.push(translucent(colorOf(result.rows[r]), 0.35));
  }
  return data;
}
