import { formatCount } from '../../../../shared/format/number-format';
import { REGION_COLOR, SPECIAL_COLOR, regionColour } from '../../../../shared/geo/region-colours';
import type { Area } from '../../../../shared/geo/area-level';
import type { OutputTable } from '../table-writer';
import { CHART_TEXT } from './chart-text';
import type { ChartOptions } from './heatmap-svg';
import { chartAreaName } from './chart-area-name';
import { esc, fitText, num, svgDocument, text, textWidth } from './svg-parts';

const FONT = 11;
const NODE_W = 14;
const GAP = 8;
/** A node with only protected flows still shows, this high: its height says nothing of them. */
const MIN_NODE = 4;
const PROTECTED_STROKE = '#6b6b6b';

interface Node {
  area: Area;
  /** Sum of the node's published flows: its drawn height. */
  published: number;
  y: number;
  h: number;
  /** Where the next band starts on the node. */
  next: number;
}

/**
 * Origins (left) to destinations (right) of a protected matrix, like the screen's Sankey.
 * Band widths and node heights come from published cells only. A protected flow is a thin
 * dashed line between the middles of its two nodes, drawn the same whatever it hides, and
 * it adds nothing to a node's height: the image changes only where the published table does.
 */
export function sankeySvg(t: OutputTable, o: ChartOptions & { stayers?: boolean }): string {
  const p = t.table;
  const areas = t.areas;
  if (!areas) throw new Error('sankey without areas');
  const T = CHART_TEXT[o.lang];
  const uiLang = o.lang === 'en' ? 'en' : 'nl';
  const links: { r: number; c: number; v: number | null }[] = [];
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) {
      if (!o.stayers && areas.rows[r].code === areas.cols[c].code) continue;
      const v = p.cells[r * p.cols + c];
      // Zero cells draw nothing, as on screen; a protected cell is a flow of unknown size.
      if (v === 0) continue;
      links.push({ r, c, v });
    }
  }
  const left = new Map<number, Node>();
  const right = new Map<number, Node>();
  const node = (side: Map<number, Node>, i: number, area: Area) => {
    let n = side.get(i);
    if (!n) side.set(i, (n = { area, published: 0, y: 0, h: 0, next: 0 }));
    return n;
  };
  let total = 0;
  for (const l of links) {
    const a = node(left, l.r, areas.rows[l.r]);
    const b = node(right, l.c, areas.cols[l.c]);
    if (l.v !== null) {
      a.published += l.v;
      b.published += l.v;
      total += l.v;
    }
  }
  const lefts = [...left.entries()].sort((x, y) => x[0] - y[0]).map(([, n]) => n);
  const rights = [...right.entries()].sort((x, y) => x[0] - y[0]).map(([, n]) => n);
  const most = Math.max(lefts.length, rights.length, 1);
  const plotH = Math.max(360, Math.min(1000, most * 34));
  // One scale for both sides: the published flows sum to `total` on each.
  const free = (nodes: Node[]) => plotH - (nodes.length - 1) * GAP - nodes.length * MIN_NODE;
  const k = total > 0 ? Math.max(0, Math.min(free(lefts), free(rights))) / total : 0;

  const labelW = (nodes: Node[]) => {
    let w = 0;
    for (const n of nodes) w = Math.max(w, textWidth(chartAreaName(n.area, o.lang), FONT));
    return Math.min(240, w) + 8;
  };
  const lw = labelW(lefts);
  const rw = labelW(rights);
  const x0 = 16 + lw;
  const x1 = x0 + NODE_W + 480;
  const width = x1 + NODE_W + rw + 16;
  const top = 72;
  const place = (nodes: Node[]) => {
    let y = top;
    for (const n of nodes) {
      n.h = MIN_NODE + n.published * k;
      n.y = y;
      n.next = y;
      y += n.h + GAP;
    }
  };
  place(lefts);
  place(rights);

  const body: string[] = [
    text(16, 24, fitText(o.title, 14, width - 32), 14, 'font-weight="bold"'),
    text(x0, top - 12, T.origin, FONT, 'font-weight="bold"'),
    text(x1 + NODE_W, top - 12, T.destination, FONT, 'font-weight="bold" text-anchor="end"'),
  ];
  if (links.length === 0) body.push(text(16, top + 16, T.noFlows, FONT));
  const xa = x0 + NODE_W;
  const xm = (xa + x1) / 2;
  const bands: string[] = [];
  const dashed: string[] = [];
  for (const l of links) {
    const a = left.get(l.r)!;
    const b = right.get(l.c)!;
    const tip = `${chartAreaName(a.area, o.lang)} → ${chartAreaName(b.area, o.lang)}: ${l.v === null ? '[c]' : formatCount(l.v, uiLang)}`;
    if (l.v === null) {
      const ya = a.y + a.h / 2;
      const yb = b.y + b.h / 2;
      dashed.push(
        `<path d="M${num(xa)} ${num(ya)}C${num(xm)} ${num(ya)} ${num(xm)} ${num(yb)} ${num(x1)} ${num(yb)}" fill="none" stroke="${PROTECTED_STROKE}" stroke-width="1.5" stroke-dasharray="5 3" data-protected="1"><title>${esc(tip)}</title></path>`,
      );
      continue;
    }
    const w = l.v * k;
    const ya = a.next;
    const yb = b.next;
    a.next += w;
    b.next += w;
    bands.push(
      `<path d="M${num(xa)} ${num(ya)}C${num(xm)} ${num(ya)} ${num(xm)} ${num(yb)} ${num(x1)} ${num(yb)}L${num(x1)} ${num(yb + w)}C${num(xm)} ${num(yb + w)} ${num(xm)} ${num(ya + w)} ${num(xa)} ${num(ya + w)}Z" fill="${regionColour(a.area)}" fill-opacity="0.35"><title>${esc(tip)}</title></path>`,
    );
  }
  // Dashed protected lines over the bands, so none hides under a wide flow.
  for (const b of bands) body.push(b);
  for (const d of dashed) body.push(d);
  for (const n of lefts) {
    body.push(`<rect x="${num(x0)}" y="${num(n.y)}" width="${NODE_W}" height="${num(n.h)}" fill="${regionColour(n.area)}"/>`);
    body.push(text(x0 - 6, n.y + n.h / 2 + 4, fitText(chartAreaName(n.area, o.lang), FONT, lw - 8), FONT, 'text-anchor="end"'));
  }
  for (const n of rights) {
    body.push(`<rect x="${num(x1)}" y="${num(n.y)}" width="${NODE_W}" height="${num(n.h)}" fill="${regionColour(n.area)}"/>`);
    body.push(text(x1 + NODE_W + 6, n.y + n.h / 2 + 4, fitText(chartAreaName(n.area, o.lang), FONT, rw - 8), FONT));
  }

  // Legend: region colours, the protected line, and what a width means.
  let bottom = top;
  for (const n of lefts.concat(rights)) bottom = Math.max(bottom, n.y + n.h);
  let y = bottom + 32;
  const swatches: [string, string][] = [
    [REGION_COLOR.VLG, T.regions.VLG],
    [REGION_COLOR.BRU, T.regions.BRU],
    [REGION_COLOR.WAL, T.regions.WAL],
    [SPECIAL_COLOR, T.regions.special],
  ];
  for (const [colour, label] of swatches) {
    body.push(`<rect x="16" y="${num(y - 10)}" width="18" height="12" fill="${colour}"/>`, text(42, y, label, FONT));
    y += 20;
  }
  body.push(`<line x1="16" y1="${num(y - 4)}" x2="34" y2="${num(y - 4)}" stroke="${PROTECTED_STROKE}" stroke-width="1.5" stroke-dasharray="5 3"/>`, text(42, y, T.protectedFlow, FONT));
  y += 20;
  body.push(text(16, y, T.sankeyWidth, FONT));
  y += 20;
  if (o.rounding) {
    body.push(text(16, y, T.rounded(o.rounding), FONT));
    y += 20;
  }
  return svgDocument(Math.max(width, 560), y + 12, '', body, o.title);
}
