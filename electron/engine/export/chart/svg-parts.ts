/**
 * Small helpers for the engine's SVG charts. Every text goes through `esc`; every number in a
 * label is formatted by the chart from a published value, so an image carries nothing the
 * protected table does not.
 */
export const FONT_FAMILY = 'DejaVu Sans';
/** Average advance of DejaVu Sans, in em: enough to lay out labels without measuring glyphs. */
const EM_PER_CHAR = 0.6;

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const textWidth = (s: string, size: number): number => s.length * size * EM_PER_CHAR;

/** Cuts a label to fit a width, with an ellipsis. */
export function fitText(s: string, size: number, width: number): string {
  const max = Math.floor(width / (size * EM_PER_CHAR));
  return s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`;
}

export const num = (x: number): string => (Math.round(x * 100) / 100).toString();

export function text(x: number, y: number, s: string, size: number, attrs = ''): string {
  return `<text x="${num(x)}" y="${num(y)}" font-size="${size}"${attrs ? ' ' + attrs : ''}>${esc(s)}</text>`;
}

/** Grey with diagonal lines: a protected value, drawn the same whatever it hides. */
export const HATCH_ID = 'protected-hatch';
export const HATCH_DEF =
  `<pattern id="${HATCH_ID}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
  '<rect width="6" height="6" fill="#d9d9d9"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2"/></pattern>';

export function svgDocument(width: number, height: number, defs: string, body: string[], title: string): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${FONT_FAMILY}, Verdana, sans-serif">` +
    `<title>${esc(title)}</title><defs>${defs}</defs><rect width="${w}" height="${h}" fill="#ffffff"/>` +
    body.join('') +
    '</svg>'
  );
}

/** A colour scale through the given '#rrggbb' stops, interpolated in RGB: t in 0..1 → colour. */
export function colourRamp(stops: readonly string[]): (t: number) => string {
  const rgb = stops.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
  return (t) => {
    const x = Math.min(1, Math.max(0, t)) * (rgb.length - 1);
    const i = Math.min(rgb.length - 2, Math.floor(x));
    const f = x - i;
    return `#${rgb[i].map((v, k) => Math.round(v + (rgb[i + 1][k] - v) * f).toString(16).padStart(2, '0')).join('')}`;
  };
}

/** YlOrRd, light to dark (ColorBrewer): the screen's heatmap scale (Plotly 'YlOrRd'). */
export const heatColour = colourRamp(['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#bd0026', '#800026']);
