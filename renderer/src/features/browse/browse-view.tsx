import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GridApi, GridReadyEvent, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { cellText, columnLabel } from './browse-labels';
import { gridStateKey, loadGridState, saveGridState } from './browse-state';
import type { ExtractSummary } from '../../../../shared/api/methods/extract';
import type { ApiError } from '../../../../shared/api/result';
import { formatCount } from '../../../../shared/format/number-format';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage } from '../../components/error-message';
import { gridLocaleText } from '../../grid/grid-locale';
import { gridTheme, registerGridModules } from '../../grid/ag-grid-setup';
import { tabOutOfGrid } from '../../grid/grid-tab-out';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { BROWSE_TABLES, columnsOf, filterFor, parseRowNumber, toColumnFilters, toSort, type BrowseTable } from './browse-model';
import { ColumnChooser } from './column-chooser';

registerGridModules();

type Row = Record<string, string | number | null>;

export const TABLE_LABEL: Record<BrowseTable, MessageKey> = {
  person: 'table.person',
  asylum_application: 'table.asylum_application',
  protection_decision: 'table.protection_decision',
  residence: 'table.residence',
  kbi_person: 'table.kbi_person',
  kbi_trajectory: 'table.kbi_trajectory',
  kbi_component: 'table.kbi_component',
};

/** Blocks of 200 rows: small enough to arrive quickly, large enough that fast scrolling stays smooth. */
const BLOCK = 200;

/**
 * Browse the extract's tables: the infinite row model asks the engine for one block
 * at a time, sorted and filtered by the engine; a jump to row N fetches only that block.
 */
export function BrowseView({ summary }: { summary: ExtractSummary }) {
  const { t, lang } = useI18n();
  const [table, setTable] = useState<BrowseTable>('person');
  const [hidden, setHidden] = useState<Record<string, string[]>>({});
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [filtered, setFiltered] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [goTo, setGoTo] = useState('');
  const [goToInvalid, setGoToInvalid] = useState(false);
  const apiRef = useRef<GridApi<Row> | null>(null);
  // The row jumped to, marked until the next jump (read by the row class rule at render time).
  const targetRow = useRef<number | null>(null);
  const rowClassRules = useMemo(() => ({ 'grid-row--target': (p: { node: { rowIndex: number | null } }) => p.node.rowIndex !== null && p.node.rowIndex === targetRow.current }), []);

  // Municipality names for NIS codes (every vintage: recorded codes may be older or newer).
  const [municipalityNames, setMunicipalityNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void Promise.all((['2014', '2019', '2025'] as const).map((vintage) => settle(() => verhuis().geo.areas({ level: 'municipality', vintage })))).then((all) => {
      if (!live) return;
      const names = new Map<string, string>();
      for (const r of all) if (r.ok) for (const a of r.value.areas) if (!a.special) names.set(a.code, a.nameNl);
      setMunicipalityNames(names);
    });
    return () => {
      live = false;
    };
  }, []);
  const stateKey = gridStateKey(summary.extractId, table);

  const totalRows = (name: BrowseTable) => summary.tables.find((x) => x.name === name)?.rows ?? null;
  const columns = columnsOf(table);
  const hiddenHere = useMemo(() => new Set(hidden[table] ?? []), [hidden, table]);

  const columnDefs = useMemo<ColDef<Row>[]>(
    () => [
      {
        colId: '__row',
        headerName: '#',
        width: 96,
        sortable: false,
        filter: false,
        resizable: false,
        cellClass: 'grid-rownum',
        valueGetter: (p) => (p.node?.rowIndex === null || p.node?.rowIndex === undefined ? '' : formatCount(p.node.rowIndex + 1, lang)),
      },
      ...columns.map<ColDef<Row>>((c) => {
        const { filter, filterOptions } = filterFor(c);
        return {
          field: c.name,
          colId: c.name,
          headerName: columnLabel(c.name, lang),
          headerTooltip: `${c.name} — ${t(`coltype.${c.type}` as MessageKey)}`,
          valueFormatter: (p) => cellText(table, c, p.value as string | number | null, lang, municipalityNames),
          hide: hiddenHere.has(c.name),
          filter,
          filterParams: { filterOptions, maxNumConditions: 1, buttons: ['apply', 'reset'], closeOnApply: true, browserDatePicker: true },
          cellClass: c.type === 'int' ? 'grid-num' : undefined,
          minWidth: 110,
          flex: 1,
        };
      }),
    ],
    [columns, hiddenHere, lang, t, table, municipalityNames],
  );

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params: IGetRowsParams) => {
        const filters = toColumnFilters(table, params.filterModel);
        const request = {
          table,
          startRow: params.startRow,
          endRow: Math.min(params.endRow, params.startRow + 1000),
          sort: toSort(table, params.sortModel),
          filters,
        };
        void settle(() => verhuis().browse.rows(request)).then((r) => {
          if (r.ok) {
            setError(null);
            setRowCount(r.value.rowCount);
            setFiltered(filters.length > 0);
            params.successCallback(r.value.rows, r.value.rowCount);
          } else {
            setError(r.error);
            params.failCallback();
          }
        });
      },
    }),
    [table],
  );

  const onGridReady = useCallback(
    (e: GridReadyEvent<Row>) => {
      apiRef.current = e.api;
      // Back on a table: its filter and sort as they were left.
      const saved = loadGridState(stateKey);
      if (saved) {
        e.api.applyColumnState({ state: saved.sort, defaultState: { sort: null } });
        e.api.setFilterModel(saved.filterModel);
      }
    },
    [stateKey],
  );
  const remember = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    const sort = api
      .getColumnState()
      .filter((c) => c.sort)
      .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc', sortIndex: c.sortIndex ?? null }));
    saveGridState(stateKey, { filterModel: api.getFilterModel() as Record<string, unknown>, sort });
  }, [stateKey]);

  const jump = (e: FormEvent) => {
    e.preventDefault();
    const index = parseRowNumber(goTo, rowCount);
    const api = apiRef.current;
    if (index === null || !api) {
      setGoToInvalid(true);
      return;
    }
    setGoToInvalid(false);
    targetRow.current = index;
    // The infinite model loads only the block that holds this row.
    api.ensureIndexVisible(index, 'top');
    api.redrawRows();
    const first = columns.find((c) => !hiddenHere.has(c.name));
    if (first) api.setFocusedCell(index, first.name);
  };

  const selectTable = (next: BrowseTable) => {
    if (next === table) return;
    setTable(next);
    setRowCount(null);
    setFiltered(false);
    setError(null);
    setGoTo('');
    targetRow.current = null;
  };

  return (
    <section className="browse" data-testid="browse-view" aria-labelledby="browse-title">
      <div className="browse__toolbar">
        <h2 id="browse-title" className="view-title">{t('browse.title')}</h2>
        <div className="segmented" role="tablist" aria-label={t('browse.tables')}>
          {BROWSE_TABLES.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={name === table}
              className={name === table ? 'segmented__item segmented__item--active' : 'segmented__item'}
              onClick={() => selectTable(name)}
              data-testid={`browse-table-${name}`}
              title={name}
            >
              {t(TABLE_LABEL[name])}
            </button>
          ))}
        </div>
      </div>
      <div className="browse__toolbar">
        <p className="browse__count" data-testid="browse-row-count" aria-live="polite">
          {rowCount === null
            ? t('browse.countTotal', { n: formatCount(totalRows(table), lang) })
            : t(filtered ? 'browse.countFiltered' : 'browse.count', { n: formatCount(rowCount, lang), total: formatCount(totalRows(table), lang) })}
        </p>
        <form className="browse__goto" onSubmit={jump}>
          <label htmlFor="browse-goto" className="field__label field__label--inline">{t('browse.goTo')}</label>
          <input
            id="browse-goto"
            className="input input--narrow"
            inputMode="numeric"
            value={goTo}
            onChange={(e) => {
              setGoTo(e.target.value);
              // The complaint is about what was submitted: editing (or emptying) the field clears it.
              setGoToInvalid(false);
            }}
            aria-invalid={goToInvalid}
            data-testid="browse-goto"
            autoComplete="off"
          />
          <button type="submit" className="button">{t('browse.go')}</button>
          {goToInvalid && <span className="field__error">{t('browse.goToInvalid')}</span>}
        </form>
        <ColumnChooser
          columns={columns.map((c) => c.name)}
          hidden={hiddenHere}
          onChange={(next) => setHidden((h) => ({ ...h, [table]: [...next] }))}
        />
      </div>
      <ErrorMessage error={error} testId="browse-error" />
      <div className="browse__grid" data-testid="browse-grid" data-copy-guard="" onKeyDownCapture={tabOutOfGrid}>
        <AgGridReact<Row>
          key={table}
          theme={gridTheme}
          localeText={gridLocaleText(lang)}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true }}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={BLOCK}
          maxBlocksInCache={40}
          infiniteInitialRowCount={BLOCK}
          maxConcurrentDatasourceRequests={2}
          blockLoadDebounceMillis={50}
          rowBuffer={20}
          onGridReady={onGridReady}
          onFilterChanged={remember}
          onSortChanged={remember}
          rowClassRules={rowClassRules}
          tooltipShowDelay={400}
        />
      </div>
    </section>
  );
}
