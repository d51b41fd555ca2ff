import type { PercentTable } from '../../../shared/disclosure/percent-table';
import type { ProtectedCounts } from '../../../shared/disclosure/protection';
import type { Area } from '../../../shared/geo/area-level';

/** One protected table as it is laid out in every output: labels, cells, totals. */
export interface OutputTable {
  /** Sheet name (≤ 31 characters). */
  sheet: string;
  /** Top-left header, e.g. "Woonplaats bij beslissing \ op referentiedatum". */
  corner: string;
  rowLabels: string[];
  colLabels: string[];
  totalLabel: string;
  table: ProtectedCounts;
  /** For an area × area matrix: its row and column areas (codes and regions, for the Sankey and map images). */
  areas?: { rows: Area[]; cols: Area[] };
  /** When the export's measure is a percentage: written instead of the counts (same layout). */
  percent?: PercentTable;
}

/** A sheet of per-area figures derived from the published values; null = not publishable. */
export interface OutputMeasures {
  sheet: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
  /** Columns holding fractions, written as percentages with one decimal in every format. */
  percentColumns: number[];
  /** Per row: a special area (abroad, deceased, unknown…), left out of charts of areas. */
  special?: boolean[];
}

/** Everything one export writes. Built only from protected tables (see release.ts). */
export interface OutputDocument {
  tables: OutputTable[];
  measures: OutputMeasures | null;
  legend: { sheet: string; lines: string[] };
  metadata: { sheet: string; rows: Array<[string, string | number]> };
  /** Decimal separator of text outputs: ',' for nl/fr (Belgian), '.' for en. */
  decimalComma: boolean;
}

/** The project's own writer interface: the only way bytes of an export are produced. */
export interface TableWriter {
  readonly extension: 'xlsx' | 'csv' | 'tsv' | 'svg' | 'png';
  write(doc: OutputDocument): Promise<Uint8Array>;
}
