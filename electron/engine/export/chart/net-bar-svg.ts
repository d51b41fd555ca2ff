import { formatSigned } from '../../../../shared/format/number-format';
import type { OutputMeasures } from '../table-writer';
import { CHART_TEXT } from './chart-text';
import type { ChartOptions } from './heatmap-svg';
import { HATCH_DEF, HATCH_ID, esc, fitText, num, svgDocument, text, textWidth } from './svg-parts';

/** Column of the net flow in the area measures (area, stayers, in, out, net, …). */
const NET = 4;
const FONT = 11;
const BAR = 16;
const GAP = 4;
/** As the screen's bar chart (renderer/src/charts/net-bars.ts): the largest gains and losses. */
const MAX_BARS = 60;
const MAX_PROTECTED = 20;

/**
 * Net migration per area as horizontal bars, from the area measures of the protected matrix
 * (published values only; null where an input is suppressed). A protected net value is a
 * hatched box labelled [c] at the zero line, the same whatever it hides, listed after the
 * published bars (sorted by net, as on screen). Special areas
 * (abroad, deceased, unknown) are left out, as on screen.
 */
export function netBarSvg(m: OutputMeasures, o: ChartOptions): string {
  const T = CHART_TEXT[o.lang];
  const uiLang = o.lang === 'en' ? 'en' : 'nl';
  const all: { label: string; net: number | null }[] = [];
  m.rows.forEach((row, i) => {
    if (m.special?.[i]) return;
    const v = row[NET];
    all.push({ label: String(row[0]), net: typeof v === 'number' ? v : null });
  });
  // As on screen: largest gain on top, and at most MAX_BARS (the largest gains and losses);
  // protected values (no order to show) after the published ones, up to MAX_PROTECTED, then counted.
  const published = all.filter((x) => x.net !== null).sort((x, y) => y.net! - x.net!);
  const hidden = all.filter((x) => x.net === null);
  const shown = published.length <= MAX_BARS ? published : published.slice(0, MAX_BARS / 2).concat(published.slice(published.length - MAX_BARS / 2));
  const bars = shown.concat(hidden.slice(0, MAX_PROTECTED));
  const leftOut = published.length - shown.length + Math.max(0, hidden.length - MAX_PROTECTED);
  let maxAbs = 0;
  for (const b of bars) if (b.net !== null) maxAbs = Math.max(maxAbs, Math.abs(b.net));
  let labelW = 0;
  for (const b of bars) labelW = Math.max(labelW, textWidth(b.label, FONT));
  labelW = Math.min(260, labelW) + 8;
  const plotW = 480;
  const valueW = 64;
  const left = 16 + labelW + valueW;
  const zero = left + plotW / 2;
  const top = 64;
  const width = left + plotW + valueW + 16;
  const height = top + bars.length * (BAR + GAP) + 96;
  const half = plotW / 2;
  const len = (v: number) => (maxAbs > 0 ? (Math.abs(v) / maxAbs) * half : 0);

  const body: string[] = [text(16, 24, fitText(o.title, 14, width - 32), 14, 'font-weight="bold"'), text(16, 44, T.net, FONT, 'fill="#404040"')];
  if (bars.length === 0) body.push(text(16, top + 16, T.noAreas, FONT));
  bars.forEach((b, i) => {
    const y = top + i * (BAR + GAP);
    body.push(text(16 + labelW - 8, y + BAR / 2 + 4, fitText(b.label, FONT, labelW - 8), FONT, 'text-anchor="end"'));
    if (b.net === null) {
      body.push(`<rect x="${num(zero - 14)}" y="${y}" width="28" height="${BAR}" fill="url(#${HATCH_ID})" data-protected="1"><title>${esc(`${b.label}: [c]`)}</title></rect>`);
      body.push(text(zero + 20, y + BAR / 2 + 4, '[c]', FONT));
      return;
    }
    const w = len(b.net);
    const x = b.net >= 0 ? zero : zero - w;
    const label = formatSigned(b.net, uiLang);
    body.push(`<rect x="${num(x)}" y="${y}" width="${num(Math.max(w, 1))}" height="${BAR}" fill="${b.net >= 0 ? '#2a6fbb' : '#c8372d'}"><title>${esc(`${b.label}: ${label}`)}</title></rect>`);
    body.push(b.net >= 0 ? text(zero + w + 4, y + BAR / 2 + 4, label, FONT) : text(zero - w - 4, y + BAR / 2 + 4, label, FONT, 'text-anchor="end"'));
  });
  const bottom = top + bars.length * (BAR + GAP);
  body.push(`<line x1="${num(zero)}" y1="${top - 4}" x2="${num(zero)}" y2="${bottom}" stroke="#595959" stroke-width="1"/>`);
  body.push(`<rect x="16" y="${bottom + 20}" width="18" height="12" fill="url(#${HATCH_ID})" stroke="#bfbfbf"/>`, text(42, bottom + 30, T.protectedCell, FONT));
  let y = bottom + 52;
  if (leftOut > 0) {
    body.push(text(16, y, T.leftOut(leftOut), FONT));
    y += 20;
  }
  if (o.rounding) body.push(text(16, y, T.rounded(o.rounding), FONT));
  return svgDocument(width, height, HATCH_DEF, body, o.title);
}
