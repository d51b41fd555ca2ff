import { useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnAutoSizeModule,
  ModuleRegistry,
  PinnedRowModule,
  RowStyleModule,
  TooltipModule,
  type ColDef,
  type ValueFormatterParams,
  type ITooltipParams,
  type CellClassParams,
  type RowClassParams,
} from 'ag-grid-community';
import { formatCount, formatPercent, formatSigned } from '../../../../shared/format/number-format';
import { gridTheme } from '../../grid/ag-grid-setup';
import { tabOutOfGrid } from '../../grid/grid-tab-out';
import { gridLocaleText } from '../../grid/grid-locale';
import type { GridModel, GridRow, ProtectReason } from './grid-rows';
import { type MatrixTextKey, useMatrixText } from './matrix-i18n';
import { PROTECT_SYMBOL } from './disclosure-legend';
import { headerTextMeasure, headerWidth } from './header-width';

// The matrix table is a small client-side grid: register what it needs, module by module.
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  PinnedRowModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  ColumnAutoSizeModule,
]);

interface Props {
  model: GridModel;
  percent: boolean;
  /** Changes when the matrix changes; written to the DOM once the grid shows it (timing, tests). */
  revision: number;
  /** The disclosure policy's threshold, for the tooltips of protected cells. */
  threshold: number;
  onRendered?: (revision: number) => void;
  /** The disclosure flags shown; when they arrive or change, every cell's class is re-evaluated. */
  marks?: unknown;
  /** Scroll to this origin row and destination column, and focus its name (a new seq: again). */
  jumpTo?: { code: string; seq: number } | null;
  /** What the rows and columns are, for this definition (shared/matrix/matrix-labels.ts). */
  corner?: string;
}

const DEFAULT_COL_DEF: ColDef<GridRow> = { resizable: true, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true };

const REASON_KEY: Record<ProtectReason, MatrixTextKey> = {
  primary: 'disclosure.primary',
  secondary: 'disclosure.secondary',
  class: 'disclosure.class',
  rounded: 'disclosure.rounded',
  linked: 'disclosure.linked',
  perturbed: 'disclosure.perturbed',
};

// A colDef's own cellClass replaces the one of its type ('rightAligned'): keep the alignment class.
const RIGHT = 'ag-right-aligned-cell';
const protectedClass = (reason: ProtectReason | null | undefined): string[] =>
  reason ? [RIGHT, 'cell--protected', `cell--protected-${reason}`] : [RIGHT];

/**
 * The relocation matrix as an AG Grid table: origins as rows, destinations as columns,
 * row total and in/out/net pinned right, the column totals pinned at the bottom. Cells
 * that disclosure control will protect on export are hatched and carry a symbol.
 */
/** Up to this many destination columns a matrix counts as small (region: 7, province: 15 — not fitted). */
const COMPACT_COLUMNS = 12;
const MATRIX_ROW_HEIGHT = 24;

export function MatrixGrid({ model, percent, revision, threshold, onRendered, marks, jumpTo = null, corner }: Props) {
  const { lang, mt } = useMatrixText();
  const gridRef = useRef<AgGridReact<GridRow>>(null);
  // The preview usually lands after the counts: same values, new classes. AG Grid only refreshes
  // cells whose value changed, so force it (rendered cells only) when the marks change.
  useEffect(() => {
    gridRef.current?.api?.refreshCells({ force: true });
  }, [marks]);
  useEffect(() => {
    const api = gridRef.current?.api;
    if (!jumpTo || !api) return;
    const node = api.getRowNode(`r:${jumpTo.code}`);
    if (!node || node.rowIndex === null) return;
    api.ensureNodeVisible(node, 'middle');
    const col = model.columns.find((c) => c.code === jumpTo.code);
    if (col) api.ensureColumnVisible(`c${col.index}`, 'middle');
    api.setFocusedCell(node.rowIndex, 'area');
  }, [jumpTo]);
  const fmt = (v: number | null | undefined): string =>
    v === null || v === undefined || Number.isNaN(v) ? '' : percent ? formatPercent(v, lang, 1) : formatCount(v, lang);

  // Column definitions change only when the areas do: a new matrix on the same areas keeps them,
  // so AG Grid updates cell values in place instead of rebuilding every column.
  const columnsKey = model.columns.map((c) => `${c.code}:${c.name}`).join('|');
  const columns = useMemo(() => model.columns, [columnsKey]);
  const localeText = useMemo(() => gridLocaleText(lang), [lang]);
  const columnDefs = useMemo<ColDef<GridRow>[]>(() => {
    const reasonTooltip = (reason: ProtectReason | null, count: number): string => {
      const base = mt('grid.persons', { n: formatCount(count, lang) });
      return reason ? `${base} — ${PROTECT_SYMBOL[reason]} ${mt(REASON_KEY[reason], { t: threshold })}` : base;
    };
    const area: ColDef<GridRow> = {
      colId: 'area',
      headerName: corner ?? mt('grid.area'),
      field: 'name',
      pinned: 'left',
      width: 210,
      sortable: true,
      tooltipValueGetter: (p: ITooltipParams<GridRow>) => (p.data ? `${p.data.name} (${p.data.code})` : ''),
      cellClass: (p: CellClassParams<GridRow>) => (p.data?.special ? 'cell--special-area' : ''),
    };
    const measure = headerTextMeasure();
    // A small matrix (region, province) must show every column, exits included, without
    // scrolling at 1280 px: tighter header padding and pinned columns, and the columns
    // share out any width left over.
    const compact = columns.length <= COMPACT_COLUMNS;
    const widthOptions = { min: percent ? 92 : compact ? 64 : 84, max: 150, chrome: compact ? 26 : 40 };
    const cells: ColDef<GridRow>[] = columns.map((col) => ({
      colId: `c${col.index}`,
      headerName: col.name,
      headerTooltip: `${col.name} (${col.code})`,
      valueGetter: (p) => p.data?.values[col.index],
      valueFormatter: (p: ValueFormatterParams<GridRow>) => fmt(p.value as number),
      width: headerWidth(col.name, measure, widthOptions),
      ...(compact ? { flex: 1, minWidth: headerWidth(col.name, measure, widthOptions) } : {}),
      type: 'rightAligned',
      sortable: true,
      cellClass: (p: CellClassParams<GridRow>) => protectedClass(p.data?.flags[col.index]),
      tooltipValueGetter: (p: ITooltipParams<GridRow>) =>
        p.data ? reasonTooltip(p.data.flags[col.index], p.data.counts[col.index]) : '',
      headerClass: col.special ? 'header--special-area' : undefined,
    }));
    const right = (colId: string, key: MatrixTextKey, get: (r: GridRow) => number | null, signed = false): ColDef<GridRow> => ({
      colId,
      headerName: mt(key),
      valueGetter: (p) => (p.data ? get(p.data) : null),
      valueFormatter: (p) => (signed ? (p.value === null ? '' : formatSigned(p.value as number, lang)) : p.value === null ? '' : formatCount(p.value as number, lang)),
      pinned: 'right',
      width: compact ? 68 : 84,
      type: 'rightAligned',
      sortable: true,
      cellClass: colId === 'net' ? (p: CellClassParams<GridRow>) => ((p.value as number) < 0 ? [RIGHT, 'cell--negative'] : [RIGHT]) : undefined,
    });
    const total: ColDef<GridRow> = {
      colId: 'total',
      headerName: mt('grid.total'),
      valueGetter: (p) => p.data?.total,
      valueFormatter: (p) => fmt(p.value as number),
      pinned: 'right',
      width: compact ? 82 : 96,
      type: 'rightAligned',
      sortable: true,
      cellClass: (p: CellClassParams<GridRow>) => ['cell--total', ...protectedClass(p.data?.totalFlag)],
      tooltipValueGetter: (p: ITooltipParams<GridRow>) => (p.data ? reasonTooltip(p.data.totalFlag, p.data.totalCount) : ''),
    };
    return [
      area,
      ...cells,
      total,
      right('in', 'grid.in', (r) => r.inflow),
      right('out', 'grid.out', (r) => r.outflow),
      right('net', 'grid.net', (r) => r.net, true),
    ];
  }, [columns, percent, lang, threshold, corner]);

  // Up to a province-level matrix every column is in the DOM (tests read the pinned totals); beyond, virtualise.
  // AG Grid reads this option once, so a level change across the limit builds a new grid.
  const allColumns = model.columns.length <= 60;
  return (
    <div className="matrix-grid" data-testid="matrix-grid" data-revision={revision} role="region" aria-label={mt('grid.label')} onKeyDownCapture={tabOutOfGrid}>
      <AgGridReact<GridRow>
        key={allColumns ? 'all-columns' : 'virtual-columns'}
        ref={gridRef}
        theme={gridTheme}
        localeText={localeText}
        columnDefs={columnDefs}
        rowData={model.rows}
        pinnedBottomRowData={[model.totalRow]}
        getRowId={(p) => p.data.id}
        getRowClass={(p: RowClassParams<GridRow>) => (p.node.rowPinned ? 'row--totals' : p.data?.special ? 'row--special-area' : undefined)}
        defaultColDef={DEFAULT_COL_DEF}
        // 24 px rows (the theme's 28 elsewhere): at 1280×800 twenty arrondissement rows fit with the totals row.
        rowHeight={MATRIX_ROW_HEIGHT}
        tooltipShowDelay={300}
        suppressColumnVirtualisation={allColumns}
        onRowDataUpdated={() => onRendered?.(revision)}
        onFirstDataRendered={() => onRendered?.(revision)}
      />
    </div>
  );
}
