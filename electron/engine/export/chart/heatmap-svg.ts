import { formatCount } from '../../../../shared/format/number-format';
import type { OutputLanguage } from '../output-document';
import type { OutputTable } from '../table-writer';
import { CHART_TEXT } from './chart-text';
import { HATCH_DEF, HATCH_ID, heatColour, esc, fitText, num, svgDocument, text, textWidth } from './svg-parts';

export interface ChartOptions {
  title: string;
  lang: OutputLanguage;
  /** The rounding base when the policy rounds (said under the chart); null otherwise. */
  rounding?: number | null;
}

export { MAX_HEATMAP_CELLS } from '../../../../shared/disclosure/chart-kind';

const FONT = 11;
const LABEL_MAX = 300;

/**
 * The heatmap of a protected matrix: inner cells only, colour on a log scale of the published
 * counts. A suppressed cell (null) is hatched grey and labelled [c]: its colour, label and
 * tooltip are the same whatever it hides, because the renderer never has its value.
 */
export function heatmapSvg(t: OutputTable, o: ChartOptions): string {
  const p = t.table;
  const T = CHART_TEXT[o.lang];
  const uiLang = o.lang === 'en' ? 'en' : 'nl';
  let max = 0;
  for (const v of p.cells) if (v !== null && v > max) max = v;
  const scale = (v: number) => (max > 0 ? Math.log1p(v) / Math.log1p(max) : 0);

  const cell = Math.max(8, Math.min(44, Math.floor(720 / Math.max(p.rows, p.cols, 1))));
  let rowLabelW = 0;
  for (const l of t.rowLabels) rowLabelW = Math.max(rowLabelW, textWidth(l, FONT));
  rowLabelW = Math.min(LABEL_MAX, rowLabelW) + 8;
  let colLabelW = 0;
  for (const l of t.colLabels) colLabelW = Math.max(colLabelW, textWidth(l, FONT));
  // Column labels are rotated 50°: their height is about 0.77 of their length.
  const top = 48 + Math.min(LABEL_MAX, colLabelW) * 0.77 + 8;
  const left = 16 + rowLabelW;
  const gridW = p.cols * cell;
  const gridH = p.rows * cell;
  const legendY = top + gridH + 24;
  // The last column's label leans right by about 0.64 of its length.
  const width = Math.max(left + gridW + Math.min(LABEL_MAX, colLabelW) * 0.64 + 24, 560);
  const height = legendY + 96;

  const body: string[] = [text(16, 24, fitText(o.title, 14, width - 32), 14, 'font-weight="bold"')];
  const fs = Math.min(FONT, Math.max(6, cell - 2));
  for (let r = 0; r < p.rows; r++) {
    body.push(text(left - 6, top + r * cell + cell / 2 + fs * 0.35, fitText(t.rowLabels[r], fs, rowLabelW - 8), fs, 'text-anchor="end"'));
  }
  for (let c = 0; c < p.cols; c++) {
    const x = left + c * cell + cell / 2 + fs * 0.35;
    body.push(text(x, top - 6, fitText(t.colLabels[c], fs, LABEL_MAX), fs, `transform="rotate(-50 ${num(x)} ${num(top - 6)})"`));
  }
  const showValues = cell >= 28;
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) {
      const v = p.cells[r * p.cols + c];
      const x = left + c * cell;
      const y = top + r * cell;
      const tip = `${t.rowLabels[r]} → ${t.colLabels[c]}: ${v === null ? '[c]' : formatCount(v, uiLang)}`;
      if (v === null) {
        body.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="url(#${HATCH_ID})" stroke="#ffffff" stroke-width="1" data-protected="1"><title>${esc(tip)}</title></rect>`);
        if (cell >= 18) body.push(text(x + cell / 2, y + cell / 2 + 4, '[c]', Math.min(11, cell / 2.5), 'text-anchor="middle" fill="#262626"'));
        continue;
      }
      const s = scale(v);
      body.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${v === 0 ? '#ffffff' : heatColour(0.15 + 0.85 * s)}" stroke="#e6e6e6" stroke-width="1"><title>${esc(tip)}</title></rect>`);
      if (showValues && v > 0) {
        const label = formatCount(v, uiLang);
        const size = Math.round(Math.min(11, (cell - 4) / (label.length * 0.6)) * 10) / 10;
        body.push(text(x + cell / 2, y + cell / 2 + size * 0.35, label, size, `text-anchor="middle" fill="${s > 0.6 ? '#ffffff' : '#262626'}"`));
      }
    }
  }
  // Legend: the colour bar between 0 and the largest published count, and the protected swatch.
  const barW = 200;
  const stops: string[] = [];
  for (let i = 0; i <= 10; i++) stops.push(`<stop offset="${i / 10}" stop-color="${heatColour(0.15 + 0.085 * i)}"/>`);
  const defs = `${HATCH_DEF}<linearGradient id="scale" x1="0" x2="1" y1="0" y2="0">${stops.join('')}</linearGradient>`;
  body.push(text(16, legendY, T.logScale, FONT));
  body.push(`<rect x="16" y="${legendY + 6}" width="${barW}" height="12" fill="url(#scale)" stroke="#bfbfbf"/>`);
  body.push(text(16, legendY + 32, '0', FONT), text(16 + barW, legendY + 32, formatCount(max, uiLang), FONT, 'text-anchor="end"'));
  body.push(`<rect x="${16 + barW + 32}" y="${legendY + 6}" width="18" height="12" fill="url(#${HATCH_ID})" stroke="#bfbfbf"/>`);
  body.push(text(16 + barW + 56, legendY + 16, T.protectedCell, FONT));
  if (p.method === 'rounding' && p.roundingBase) body.push(text(16, legendY + 56, T.rounded(p.roundingBase), FONT));
  return svgDocument(width, height, defs, body, o.title);
}
