import ExcelJS from 'exceljs';
import { SUPPRESSED_MARKER } from '../../../shared/disclosure/protection';
import type { OutputDocument, OutputTable, TableWriter } from './table-writer';
import { roundPercent, tableValues, type OutputValue } from './table-values';

/** Excel's format of every percentage the app writes: one decimal. */
const PERCENT_FORMAT = '0.0%';

const BOLD = { bold: true } as const;

/** Excel output through exceljs (write only): numbers as numbers, suppressed cells as [c]. */
export const xlsxWriter: TableWriter = {
  extension: 'xlsx',
  async write(doc: OutputDocument) {
    const buf = await buildWorkbook(doc).xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  },
};

const cellOf = (v: OutputValue): string | number | null => (v.kind === 'protected' ? SUPPRESSED_MARKER : v.kind === 'empty' ? null : v.value);

/** Writes one row of values; percentages get the percent format so Excel shows "42,9 %". */
function addValues(ws: ExcelJS.Worksheet, label: string, values: OutputValue[]): ExcelJS.Row {
  const row = ws.addRow([label, ...values.map(cellOf)]);
  values.forEach((v, i) => {
    if (v.kind === 'percent') row.getCell(i + 2).numFmt = PERCENT_FORMAT;
  });
  return row;
}

/** The workbook of a document, before it is serialised (the release proof is added to it, see release-proof.ts). */
export function buildWorkbook(doc: OutputDocument): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Verhuisverkenner';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const t of doc.tables) addTable(wb, t);
  if (doc.measures) {
    const m = doc.measures;
    const ws = wb.addWorksheet(m.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    ws.addRow(m.header).font = BOLD;
    for (const r of m.rows) {
      const row = ws.addRow(r.map((v, c) => (v === null ? SUPPRESSED_MARKER : typeof v === 'number' && m.percentColumns.includes(c) ? roundPercent(v) : v)));
      for (const c of m.percentColumns) if (typeof r[c] === 'number') row.getCell(c + 1).numFmt = PERCENT_FORMAT;
    }
    ws.getColumn(1).width = 34;
  }
  const legend = wb.addWorksheet(doc.legend.sheet);
  for (const line of doc.legend.lines) legend.addRow([line]);
  legend.getColumn(1).width = 100;
  const meta = wb.addWorksheet(doc.metadata.sheet);
  for (const [k, v] of doc.metadata.rows) meta.addRow([k, v]).getCell(1).font = BOLD;
  meta.getColumn(1).width = 36;
  meta.getColumn(2).width = 100;
  return wb;
}

function addTable(wb: ExcelJS.Workbook, t: OutputTable) {
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const p = t.table;
  ws.addRow([t.corner, ...t.colLabels, t.totalLabel]).font = BOLD;
  const { rows, totals } = tableValues(t);
  for (let r = 0; r < rows.length; r++) addValues(ws, t.rowLabels[r], rows[r]);
  addValues(ws, t.totalLabel, totals).font = BOLD;
  ws.getColumn(1).width = 34;
  ws.getColumn(p.cols + 2).font = BOLD;
}
