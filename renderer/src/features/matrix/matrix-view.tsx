import { useCallback, useMemo, useRef, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { MatrixDefinitionInput } from '../../../../shared/matrix/matrix-definition';
import type { MatrixViewSettings } from '../../../../shared/api/methods/session-state';
import { errorMessage } from '../../../../shared/api/errors';
import { matrixDateProblem } from '../../../../shared/matrix/matrix-date-checks';
import { CohortBadge } from '../cohort/cohort-badge';
import { MatrixSummary } from './matrix-summary';
import { MatrixExplain } from './matrix-explain';
import type { CellMeasure } from './matrix-measures';
import { ErrorMessage } from '../../components/error-message';
import { ErrorBoundary } from '../../components/error-boundary';
import { ProgressBar } from '../../components/progress-bar';
import { useProgress } from '../../api/use-progress';
import { MatrixControls, type MatrixChoice } from './matrix-controls';
import { choiceDates } from './matrix-dates';
import { matrixMeasures } from './matrix-measures';
import { useMatrix } from './use-matrix';
import { useMatrixNotes } from './matrix-notes-i18n';
import { type MatrixTextKey, useMatrixText } from './matrix-i18n';
import { TablePanel } from './table-panel';
import { CorridorsPanel, HeatmapPanel, NetBarPanel } from './chart-panels';
import { SankeyPanel } from './sankey-panel';
import { MapPanel } from './map-panel';
import './matrix.css';

const MEASURE_KEY: Record<CellMeasure, MatrixTextKey> = { counts: 'measure.counts', rowPct: 'measure.rowPct', colPct: 'measure.colPct' };

const TABS = ['table', 'heatmap', 'sankey', 'bar', 'map', 'corridors'] as const;
type Tab = (typeof TABS)[number];

/** The matrix choices and tab on first use; kept by the app (and its autosaved draft) across views. */
export const INITIAL_MATRIX_SETTINGS: MatrixViewSettings = {
  kind: 'state',
  level: 'arrondissement',
  vintage: '2019',
  measure: 'counts',
  followUpMonths: null,
  nameLang: 'nl',
  originDate: null,
  destinationDate: null,
  periodFrom: null,
  periodTo: null,
  tab: 'table',
};

/**
 * The relocation matrix of the current cohort: one definition chosen at the top, shown as a
 * table, heatmap, Sankey, net-migration bars, a map or the top corridors. Every change of the
 * cohort or the definition recomputes the matrix in the engine.
 */
export function MatrixView({
  cohort,
  referenceDate,
  settings,
  onSettingsChange,
}: {
  cohort: CohortDefinition;
  /** The open extract's reference date: no matrix date may pass it. */
  referenceDate: string;
  settings: MatrixViewSettings;
  onSettingsChange: (next: MatrixViewSettings) => void;
}) {
  const { mt } = useMatrixText();
  const { nt } = useMatrixNotes();
  const { tab, controlsCollapsed, ...choice } = settings;
  const collapsed = controlsCollapsed === true;
  const [explain, setExplain] = useState(false);
  const [tabActions, setTabActions] = useState<HTMLDivElement | null>(null);
  const [barTools, setBarTools] = useState<HTMLDivElement | null>(null);
  const setChoice = (next: MatrixChoice): void => onSettingsChange({ ...next, tab, controlsCollapsed });
  const setTab = (next: Tab): void => onSettingsChange({ ...choice, tab: next, controlsCollapsed });
  const { originDate, destinationDate, period } = choiceDates(choice);
  const periodFrom = period?.from ?? null;
  const periodTo = period?.to ?? null;
  const definition = useMemo<MatrixDefinitionInput>(
    () => ({
      kind: choice.kind,
      level: choice.level,
      vintage: choice.vintage,
      followUpMonths: choice.followUpMonths,
      originDate,
      destinationDate,
      period: periodFrom !== null && periodTo !== null ? { from: periodFrom, to: periodTo } : null,
    }),
    [choice.kind, choice.level, choice.vintage, choice.followUpMonths, originDate, destinationDate, periodFrom, periodTo],
  );
  // Dates checked here as in the engine: a backwards or future date is marked, not computed.
  const dateProblem = useMemo(
    () =>
      matrixDateProblem(
        { originDate, destinationDate, period: choice.kind === 'all-moves' && choice.periodFrom && choice.periodTo ? { from: choice.periodFrom, to: choice.periodTo } : null },
        referenceDate,
      ),
    [originDate, destinationDate, choice.kind, choice.periodFrom, choice.periodTo, referenceDate],
  );
  const live = useMatrix(cohort, definition, dateProblem === null);
  const state = dateProblem ? { ...live, result: null, pending: false } : live;
  const progress = useProgress('matrix', state.pending);
  const measures = useMemo(() => (state.result ? matrixMeasures(state.result) : null), [state.result]);
  const rootRef = useRef<HTMLElement>(null);
  // The revision each view has drawn, on the DOM: the e2e run times filter change → redraw with it.
  // Marked one frame later, once the browser has painted what the grid or Plotly produced.
  const markDrawn = useCallback(
    (what: 'table' | 'heatmap') => (revision: number) => {
      requestAnimationFrame(() => {
        if (rootRef.current) rootRef.current.dataset[`${what}Drawn`] = String(revision);
      });
    },
    [],
  );
  const tabButtons = useRef<Record<string, HTMLButtonElement | null>>({});
  const onTabKey = (e: React.KeyboardEvent): void => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabButtons.current[next]?.focus();
  };
  const result = state.result;
  // Nobody counted: say so instead of drawing zeros as a solid colour with a scale.
  const empty = result !== null && result.total === 0;
  const mapLevel = choice.level === 'municipality' ? 'municipality' : 'arrondissement';

  return (
    <section className="matrix-view" data-testid="matrix-view" data-revision={state.revision} data-pending={state.pending} ref={rootRef}>
      <div className="matrix-head">
        <h2 className="view-title">{mt('matrix.title')}</h2>
        <CohortBadge persons={result?.cohortSize ?? null} />
      </div>
      <div className="matrix-bar">
        <button
          type="button"
          className="button button--small"
          aria-expanded={!collapsed}
          aria-controls="matrix-controls"
          onClick={() => onSettingsChange({ ...settings, controlsCollapsed: !collapsed })}
          data-testid="matrix-controls-toggle"
        >
          {collapsed ? `▸ ${nt('controls.show')}` : `▾ ${nt('controls.hide')}`}
        </button>
        {collapsed && (
          <span className="matrix-bar__summary" data-testid="matrix-controls-summary">
            {nt('controls.collapsed', {
              // The definition's short name: "Toestand", not its whole explanation.
              kind: mt(`matrix.kind.${choice.kind}` as MatrixTextKey).replace(/\s*\(.*\)$/, ''),
              level: mt(`level.${choice.level}` as MatrixTextKey),
              vintage: choice.vintage,
              measure: mt(MEASURE_KEY[choice.measure]),
            })}
          </span>
        )}
        <button
          type="button"
          className="button button--small button--ghost"
          aria-expanded={explain}
          aria-controls="matrix-explain"
          onClick={() => setExplain((v) => !v)}
          data-testid="matrix-explain-toggle"
        >
          {explain ? '▾' : '▸'} {nt('explain.toggle')}
        </button>
        {/* The table's tools (hide empty, go to area) sit at the end of this line. */}
        <div className="matrix-bar__tools" ref={setBarTools} data-testid="matrix-bar-tools" />
      </div>
      {explain && <MatrixExplain />}
      {!collapsed && <MatrixControls choice={choice} onChange={setChoice} invalidDates={dateProblem?.fields ?? []} />}
      {dateProblem && (
        <ErrorMessage error={{ code: dateProblem.code, message: errorMessage(dateProblem.code, dateProblem.params) }} testId="matrix-date-error" />
      )}
      {state.pending && <ProgressBar progress={progress} label={mt('matrix.computing')} testId="matrix-progress" />}
      <ErrorMessage error={state.error} testId="matrix-error" />
      {result && <MatrixSummary result={result} />}
      {result && result.cohortSize === 0 && <p className="field__hint">{mt('matrix.empty')}</p>}
      <div className="matrix-tabs-row">
        <div className="matrix-tabs" role="tablist" aria-label={mt('matrix.tabs')} onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`matrix-tab-${t}`}
              aria-selected={tab === t}
              aria-controls="matrix-tabpanel"
              tabIndex={tab === t ? 0 : -1}
              className={tab === t ? 'matrix-tabs__tab matrix-tabs__tab--active' : 'matrix-tabs__tab'}
              data-testid={`matrix-tab-${t}`}
              ref={(el) => {
                tabButtons.current[t] = el;
              }}
              onClick={() => setTab(t)}
            >
              {mt(`matrix.tab.${t}` as MatrixTextKey)}
            </button>
          ))}
        </div>
        {/* The table's export buttons sit here, beside the tabs: a line less above the grid. */}
        <div className="matrix-tab-actions" ref={setTabActions} data-testid="matrix-tab-actions" />
      </div>
      <div
        id="matrix-tabpanel"
        role="tabpanel"
        // Counts on screen are not protected: the browser's copy is blocked here (components/copy-guard.ts).
        data-copy-guard=""
        aria-labelledby={`matrix-tab-${tab}`}
        className={state.pending ? 'matrix-panel matrix-panel--stale' : 'matrix-panel'}
      >
        <ErrorBoundary key={tab} part={`chart.${tab}`} resetKey={state.revision}>
          {result && measures && tab === 'table' && (
            <TablePanel
              cohort={cohort}
              result={result}
              measures={measures}
              measure={choice.measure}
              nameLang={choice.nameLang}
              revision={state.revision}
              onRendered={markDrawn('table')}
              actionsSlot={tabActions}
              toolsSlot={barTools}
            />
          )}
          {empty && tab !== 'table' && <p className="field__hint" data-testid="matrix-empty-chart">{nt('empty.matrix')}</p>}
          {result && !empty && tab === 'heatmap' && <HeatmapPanel cohort={cohort} result={result} nameLang={choice.nameLang} revision={state.revision} onDrawn={markDrawn('heatmap')} />}
          {result && !empty && measures && tab === 'bar' && <NetBarPanel cohort={cohort} result={result} measures={measures} nameLang={choice.nameLang} revision={state.revision} />}
          {result && !empty && measures && tab === 'corridors' && <CorridorsPanel measures={measures} nameLang={choice.nameLang} />}
          {!dateProblem && !empty && tab === 'sankey' && <SankeyPanel cohort={cohort} definition={definition} nameLang={choice.nameLang} />}
          {!dateProblem && !empty && tab === 'map' && (
            <MapPanel cohort={cohort} definition={definition} vintage={choice.vintage} nameLang={choice.nameLang} initialLevel={mapLevel} />
          )}
        </ErrorBoundary>
      </div>
    </section>
  );
}
