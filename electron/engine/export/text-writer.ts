import { SUPPRESSED_MARKER } from '../../../shared/disclosure/protection';
import { textField } from '../../../shared/format/csv-cell';
import type { OutputDocument, OutputTable, TableWriter } from './table-writer';


function fmt(v: string | number | null, decimalComma: boolean, sep: string): string {
  if (v === null) return SUPPRESSED_MARKER;
  if (typeof v === 'number') {
    const s = Number.isInteger(v) ? String(v) : v.toFixed(4);
    return decimalComma ? s.replace('.', ',') : s;
  }
  return textField(v, sep);
}

function tableLines(t: OutputTable, sep: string, decimalComma: boolean): string[] {
  const p = t.table;
  const f = (v: string | number | null) => fmt(v, decimalComma, sep);
  const lines = [[t.corner, ...t.colLabels, t.totalLabel].map(f).join(sep)];
  for (let r = 0; r < p.rows; r++) {
    const row: Array<string | number | null> = [t.rowLabels[r]];
    for (let c = 0; c < p.cols; c++) row.push(p.cells[r * p.cols + c]);
    row.push(p.rowTotals[r]);
    lines.push(row.map(f).join(sep));
  }
  lines.push([t.totalLabel, ...p.colTotals, p.total].map(f).join(sep));
  return lines;
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
    if (doc.measures) blocks.push([doc.measures.header.map(f).join(sep), ...doc.measures.rows.map((r) => r.map(f).join(sep))]);
    blocks.push(doc.legend.lines.map((l) => f(l)));
    blocks.push(doc.metadata.rows.map(([k, v]) => [f(k), f(v)].join(sep)));
    const text = '\uFEFF' + blocks.map((b) => b.join('\r\n')).join('\r\n\r\n') + '\r\n';
    return new TextEncoder().encode(text);
  },
};

/** Tab-separated text of the first table only, for the clipboard (pastes into any spreadsheet). */
export const tsvWriter: TableWriter = {
  extension: 'tsv',
  async write(doc: OutputDocument) {
    const lines = tableLines(doc.tables[0], '\t', doc.decimalComma);
    return new TextEncoder().encode(lines.join('\n') + '\n');
  },
};
