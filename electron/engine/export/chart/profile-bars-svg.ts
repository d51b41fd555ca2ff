import { formatCount } from '../../../../shared/format/number-format';
import type { OutputTable } from '../table-writer';
import { CHART_TEXT } from './chart-text';
import type { ChartOptions } from './heatmap-svg';
import { HATCH_DEF, HATCH_ID, esc, fitText, num, svgDocument, text, textWidth } from './svg-parts';

const FONT = 11;
const BAR = 14;
const GAP = 4;
const PLOT = 220;
const VALUE_W = 64;
const PANEL_HEAD = 26;
const PANEL_GAP = 22;
const COLUMNS = 2;

/**
 * The cohort profile as small bar charts, one panel per profile table (two columns), drawn from
 * the protected tables only: a bar's length and its label are its published count; a protected
 * count is a hatched box of one fixed width labelled [c], the same whatever it hides (its bar is
 * not drawn, and the panel's scale comes from the published counts alone).
 */
export function profileBarsSvg(tables: OutputTable[], o: ChartOptions): string {
  const T = CHART_TEXT[o.lang];
  const uiLang = o.lang === 'en' ? 'en' : 'nl';
  let labelW = 0;
  for (const t of tables) for (const l of t.colLabels) labelW = Math.max(labelW, textWidth(l, FONT));
  labelW = Math.min(240, labelW) + 8;
  const panelW = labelW + PLOT + VALUE_W;
  const heightOf = (t: OutputTable) => PANEL_HEAD + t.colLabels.length * (BAR + GAP);
  const top = 56;
  const colY = Array.from({ length: COLUMNS }, () => top);
  const body: string[] = [text(16, 26, fitText(o.title, 14, COLUMNS * (panelW + 32)), 14, 'font-weight="bold"')];
  tables.forEach((t, ti) => {
    // Each panel into the shorter column, so the image stays compact.
    const col = colY[0] <= colY[1] ? 0 : 1;
    const x0 = 16 + col * (panelW + 32);
    const y0 = colY[col];
    colY[col] += heightOf(t) + PANEL_GAP;
    const cells = t.table.cells;
    let max = 0;
    for (const v of cells) if (v !== null && v > max) max = v;
    body.push(`<g data-table="${ti}">`, text(x0, y0 + 14, fitText(t.corner, 12, panelW), 12, 'font-weight="bold"'));
    t.colLabels.forEach((label, j) => {
      const v = cells[j];
      const y = y0 + PANEL_HEAD + j * (BAR + GAP);
      const xBar = x0 + labelW;
      body.push(`<g data-cat="${j}">`, text(xBar - 8, y + BAR / 2 + 4, fitText(label, FONT, labelW - 8), FONT, 'text-anchor="end"'));
      if (v === null) {
        body.push(`<rect x="${num(xBar)}" y="${num(y)}" width="28" height="${BAR}" fill="url(#${HATCH_ID})" data-protected="1"><title>${esc(`${label}: [c]`)}</title></rect>`);
        body.push(text(xBar + 34, y + BAR / 2 + 4, '[c]', FONT), '</g>');
        return;
      }
      const w = max > 0 ? (v / max) * PLOT : 0;
      const shown = formatCount(v, uiLang);
      body.push(`<rect x="${num(xBar)}" y="${num(y)}" width="${num(Math.max(w, v > 0 ? 1 : 0))}" height="${BAR}" fill="#2a6fbb" data-value="${v}"><title>${esc(`${label}: ${shown}`)}</title></rect>`);
      body.push(text(xBar + w + 6, y + BAR / 2 + 4, shown, FONT), '</g>');
    });
    body.push('</g>');
  });
  const bottom = colY[0] > colY[1] ? colY[0] : colY[1];
  body.push(`<rect x="16" y="${bottom}" width="18" height="12" fill="url(#${HATCH_ID})" stroke="#bfbfbf"/>`, text(42, bottom + 10, T.protectedCell, FONT));
  if (o.rounding) body.push(text(16, bottom + 32, T.rounded(o.rounding), FONT));
  return svgDocument(16 + COLUMNS * (panelW + 32), bottom + 48, HATCH_DEF, body, o.title);
}
