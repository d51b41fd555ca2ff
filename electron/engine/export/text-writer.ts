import { SUPPRESSED_MARKER } from '../../../shared/disclosure/protection';
import { textField } from '../../../shared/format/csv-cell';
import type { OutputDocument, OutputMeasures, OutputTable, TableWriter } from './table-writer';
import { percentText, tableValues, type OutputValue } from './table-values';


/** Counts are integers; any other number is written with one decimal ("-22,0" beside "-31,5"). */
function fmt(v: string | number | null, decimalComma: boolean, sep: string): string {
  if (v === null) return SUPPRESSED_MARKER;
  if (typeof v === 'number') {
    const s = Number.isInteger(v) ? String(v) : v.toFixed(1);
    return decimalComma ? s.replace('.', ',') : s;
  }
  return textField(v, sep);
}

function fmtValue(v: OutputValue, decimalComma: boolean): string {
  if (v.kind === 'protected') return SUPPRESSED_MARKER;
  if (v.kind === 'empty') return '';
  return v.kind === 'percent' ? percentText(v.value, decimalComma) : String(v.value);
}

function tableLines(t: OutputTable, sep: string, decimalComma: boolean): string[] {
  const f = (v: string | number | null) => fmt(v, decimalComma, sep);
  const { rows, totals } = tableValues(t);
  const lines = [[t.corner, ...t.colLabels, t.totalLabel].map(f).join(sep)];
  for (let r = 0; r < rows.length; r++) lines.push([f(t.rowLabels[r]), ...rows[r].map((v) => fmtValue(v, decimalComma))].join(sep));
  lines.push([f(t.totalLabel), ...totals.map((v) => fmtValue(v, decimalComma))].join(sep));
  return lines;
}

/** Area measures: fractions as percentages with one decimal, like the xlsx shows them. */
function measureLines(m: OutputMeasures, sep: string, decimalComma: boolean): string[] {
  const pct = new Set(m.percentColumns);
  const f = (v: string | number | null, col: number) => (typeof v === 'number' && pct.has(col) ? percentText(v, decimalComma) : fmt(v, decimalComma, sep));
  return [m.header.map((h) => fmt(h, decimalComma, sep)).join(sep), ...m.rows.map((r) => r.map(f).join(sep))];
}

/**
 * CSV for Belgian spreadsheets: ';' between fields, ',' as decimal mark (nl/fr), UTF-8
 * with a byte-order mark so Excel reads accents right, CRLF line ends. The tables come
 * first, then the area measures, the legend and the metadata, separated by empty lines.
 */
export const csvWriter: TableWriter = {
  extension: 'csv',
  async write(doc: OutputDocument) {
    const sep = ';';
    const f = (v: string | number | null) => fmt(v, doc.decimalComma, sep);
    const blocks: string[][] = doc.tables.map((t) => tableLines(t, sep, doc.decimalComma));
    if (doc.measures) blocks.push(measureLines(doc.measures, sep, doc.decimalComma));
    blocks.push(doc.legend.lines.map((l) => f(l)));
    blocks.push(doc.metadata.rows.map(([k, v]) => [f(k), f(v)].join(sep)));
    const text = '\uFEFF' + blocks.map((b) => b.join('\r\n')).join('\r\n\r\n') + '\r\n';
    return new TextEncoder().encode(text);
  },
};

/**
 * Tab-separated text of the first table for the clipboard (pastes into any spreadsheet),
 * followed by an empty line and the legend: a pasted [c] never travels without its meaning.
 */
export const tsvWriter: TableWriter = {
  extension: 'tsv',
  async write(doc: OutputDocument) {
    const lines = tableLines(doc.tables[0], '\t', doc.decimalComma);
    const legend = doc.legend.lines.map((l) => textField(l, '\t'));
    return new TextEncoder().encode([...lines, '', ...legend].join('\n') + '\n');
  },
};
