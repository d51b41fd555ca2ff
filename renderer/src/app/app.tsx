import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExtractSummary } from '../../../shared/api/methods/extract';
import { focusFirstHeading } from '../components/focus-heading';
import { clearGridStates } from '../features/browse/browse-state';
import type { UiLanguage } from '../../../shared/api/localized';
import type { ApiError } from '../../../shared/api/result';
import { DEFAULT_COHORT, type CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { subscribeEngineEvents } from '../api/engine-events';
import type { ExtractSummaryChangedEvent } from '../../../shared/api/events';
import { hasBridge, settle, verhuis } from '../api/verhuis';
import { ErrorMessage, Notice } from '../components/error-message';
import { ErrorBoundary } from '../components/error-boundary';
import { installCopyGuard } from '../components/copy-guard';
import { exportText } from '../features/export/export-i18n';
import { forgetPolicy } from '../features/policy/use-policy';
import { I18nContext, translate, type I18n, type MessageKey } from '../i18n/i18n';
import { CohortView } from '../features/cohort/cohort-view';
import { ExportLogView } from '../features/export-log/export-log-view';
import { FicheView } from '../features/fiche/fiche-view';
import { ProfileView } from '../features/profile/profile-view';
import { CrosstabView, INITIAL_CROSSTAB, type CrosstabChoice } from '../features/crosstab/crosstab-view';
import { ImportWizard } from '../features/import/import-wizard';
import { INITIAL_MATRIX_SETTINGS, MatrixView } from '../features/matrix/matrix-view';
import type { MatrixViewSettings } from '../../../shared/api/methods/session-state';
import { localeOf } from '../../../shared/format/number-format';
import { OpenScreen, type DemoExtract } from '../features/open/open-screen';
import { OverviewView } from '../features/overview-view';
import { sameDefinition } from '../features/cohort/cohort-model';
import { AppHeader } from './app-header';
import { StatusBar } from './status-bar';
import { draftIdentity, useDraft } from './use-draft';
import { cohortLabel, type CohortIdentity } from '../features/cohort/cohort-identity';
import { CohortLabelContext } from '../features/cohort/cohort-badge';
import type { View } from './views';

type Screen = 'boot' | 'open' | 'import' | 'main';
type EngineState = 'idle' | 'opening' | 'ready' | 'unavailable';

const LOCK_NOTICE: Record<string, MessageKey> = {
  idle: 'lock.idle',
  suspend: 'lock.suspend',
  'lock-screen': 'lock.lockScreen',
  user: 'lock.user',
};

/** Whether the event corrects this summary (same extract, the fingerprint it replaces). */
const isCorrectionOf = (event: ExtractSummaryChangedEvent, summary: ExtractSummary) =>
  event.summary.extractId === summary.extractId && event.previousFingerprint === summary.fingerprint;

/**
 * The app frame and its state: which screen, the open extract, the current cohort.
 * Everything about data lives in the engine; this holds only what the screens show.
 */
export function App() {
  const [lang, setLang] = useState<UiLanguage>('nl');
  const [screen, setScreen] = useState<Screen>('boot');
  const [view, setView] = useState<View>('overview');
  const [summary, setSummary] = useState<ExtractSummary | null>(null);
  const [engine, setEngine] = useState<EngineState>('idle');
  const [version, setVersion] = useState<string | null>(null);
  const [demo, setDemo] = useState<DemoExtract | null>(null);
  const [cohort, setCohort] = useState<CohortDefinition>(DEFAULT_COHORT);
  const [identity, setIdentity] = useState<CohortIdentity | null>(null);
  const [matrixSettings, setMatrixSettings] = useState<MatrixViewSettings>(INITIAL_MATRIX_SETTINGS);
  const [crosstabChoice, setCrosstabChoice] = useState<CrosstabChoice>(INITIAL_CROSSTAB);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  // The fingerprint the engine's background check put in place of the cache's (null: none).
  const [correctedFingerprint, setCorrectedFingerprint] = useState<string | null>(null);
  // The draft belongs to the opened extract: a corrected fingerprint does not make it another one.
  const [draftSession, setDraftSession] = useState<string | null>(null);
  // The last correction, should its event arrive before the answer to extract.open.
  const lastCorrection = useRef<ExtractSummaryChangedEvent | null>(null);
  // The Chromium shell passes --extract FILE as ?extract= to pre-fill the path.
  const [openPath, setOpenPath] = useState(() => new URLSearchParams(window.location.search).get('extract') ?? '');
  const [bootError, setBootError] = useState<ApiError | null>(null);
  const [copyBlocked, setCopyBlocked] = useState(0);

  // The browser's copy of on-screen tables is cancelled (their counts are unprotected); say why, briefly.
  useEffect(() => installCopyGuard(document, () => setCopyBlocked(Date.now())), []);
  useEffect(() => {
    if (!copyBlocked) return undefined;
    const timer = setTimeout(() => setCopyBlocked(0), 6000);
    return () => clearTimeout(timer);
  }, [copyBlocked]);

  const setLanguage = useCallback((next: UiLanguage) => {
    setLang(next);
    // Remembered by the engine's app settings (no localStorage in the renderer).
    void settle(() => verhuis().app.setLanguage({ language: next }));
  }, []);

  const label = useMemo(() => cohortLabel(identity, cohort, lang), [identity, cohort, lang]);
  const i18n = useMemo<I18n>(() => ({ lang, setLanguage, t: (key, params) => translate(lang, key, params) }), [lang, setLanguage]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = lang === 'nl' ? 'Verhuisverkenner' : 'Verhuisverkenner (Relocation explorer)';
  }, [lang]);

  const dropSession = useCallback(() => {
    forgetPolicy();
    clearGridStates(); // filter values can be data: forgotten with the extract
    setSummary(null);
    setDraftSession(null);
    setCorrectedFingerprint(null);
    lastCorrection.current = null;
    setCohort(DEFAULT_COHORT);
    setIdentity(null);
    setMatrixSettings(INITIAL_MATRIX_SETTINGS);
    setView('overview');
  }, []);

  // Autosave of the working state into the extract's workspace, restored after a crash.
  const draft = useDraft(
    summary ? draftSession : null,
    { cohort, identity, matrix: matrixSettings },
    useCallback((d) => {
      setCohort(d.cohort);
      setIdentity(draftIdentity(d));
      if (d.matrix) setMatrixSettings(d.matrix);
    }, []),
  );

  const refreshInfo = useCallback(async () => {
    const info = await settle(() => verhuis().app.info({}));
    if (!info.ok) {
      setEngine('unavailable');
      return null;
    }
    setEngine(info.value.engine);
    setVersion(info.value.version);
    setDemo(info.value.demoExtractPath ? { path: info.value.demoExtractPath, passphrase: info.value.demoPassphrase } : null);
    return info.value;
  }, []);

  // Boot: language from the settings; straight to the main view when the host already opened an extract.
  useEffect(() => {
    if (!hasBridge()) return;
    let live = true;
    void (async () => {
      const settings = await settle(() => verhuis().app.settings({}));
      if (live && settings.ok) setLang(settings.value.language);
      const info = await refreshInfo();
      if (!live) return;
      if (info === null) {
        const failed = await settle(() => verhuis().app.info({}));
        if (!failed.ok) setBootError(failed.error);
        setScreen('open');
        return;
      }
      if (info.engine === 'ready') {
        const s = await settle(() => verhuis().extract.summary({}));
        if (!live) return;
        if (s.ok) {
          setSummary(s.value);
          setDraftSession(s.value.fingerprint);
          setScreen('main');
          return;
        }
      }
      setScreen('open');
    })();
    return () => {
      live = false;
    };
  }, [refreshInfo]);

  // The engine locks after idle time or on suspend: drop everything and return to the Open screen.
  useEffect(
    () =>
      subscribeEngineEvents((event) => {
        if (event.type === 'locked') {
          dropSession();
          setNotice(LOCK_NOTICE[event.reason] ?? 'lock.user');
          setEngine('idle');
          setScreen('open');
        } else if (event.type === 'progress' && event.task === 'open') {
          setEngine('opening');
        } else if (event.type === 'extract-summary-changed') {
          // After an open from the index cache the engine found the file's SHA-256 differs from
          // the cache's: it rebuilds the index and the new fingerprint applies (overview, recipes,
          // exports). Views showing results are remounted below, so they count again.
          lastCorrection.current = event;
          setSummary((current) => (current && isCorrectionOf(event, current) ? event.summary : current));
          setCorrectedFingerprint(event.summary.fingerprint);
        }
      }),
    [dropSession],
  );

  // After an extract opens, focus goes to the main view's heading, not back to the page.
  const mainRef = useRef<HTMLElement>(null);
  const [focusMain, setFocusMain] = useState(false);
  useEffect(() => {
    if (!focusMain || screen !== 'main') return;
    const frame = requestAnimationFrame(() => {
      if (focusFirstHeading(mainRef.current)) setFocusMain(false);
    });
    return () => cancelAnimationFrame(frame);
  });

  const onOpened = (s: ExtractSummary) => {
    setFocusMain(true);
    // The user's policy lives in the workspace of the extract: ask again.
    forgetPolicy();
    const correction = lastCorrection.current;
    lastCorrection.current = null;
    const corrected = correction && isCorrectionOf(correction, s) ? correction.summary : null;
    setSummary(corrected ?? s);
    setDraftSession(s.fingerprint);
    setCorrectedFingerprint(corrected ? corrected.fingerprint : null);
    setNotice(null);
    setOpenPath('');
    setScreen('main');
    setView('overview');
    void refreshInfo();
  };

  const closeExtract = async () => {
    await settle(() => verhuis().extract.close({}));
    dropSession();
    setScreen('open');
    void refreshInfo();
  };

  if (!hasBridge()) {
    return (
      <I18nContext.Provider value={i18n}>
        <main className="open-screen">
          <section className="card open-screen__card" data-testid="no-bridge">
            <h1 className="card__title">Verhuisverkenner</h1>
            <p>{i18n.t('boot.noBridge')}</p>
          </section>
        </main>
      </I18nContext.Provider>
    );
  }

  return (
    <I18nContext.Provider value={i18n}>
      <CohortLabelContext.Provider value={label}>
      <div className="app" data-screen={screen}>
        <a className="skip-link" href="#main-content">{i18n.t('common.skip')}</a>
        <AppHeader summary={screen === 'main' ? summary : null} view={screen === 'main' ? view : null} onView={setView} onClose={() => void closeExtract()} />
        <div className="app__content" id="main-content">
          {bootError && <ErrorMessage error={bootError} onDismiss={() => setBootError(null)} />}
          {copyBlocked > 0 && (
            <div className="copy-guard-toast">
              <Notice kind="warning" testId="copy-blocked">{exportText(lang, 'copyGuard.blocked')}</Notice>
            </div>
          )}
          {screen === 'boot' && <p className="boot" role="status">{i18n.t('common.loading')}</p>}
          {screen === 'open' && (
            <OpenScreen
              key={openPath}
              demo={demo}
              initialPath={openPath}
              notice={notice ? i18n.t(notice) : null}
              onOpened={onOpened}
              onFailed={() => void refreshInfo()}
              onImport={() => setScreen('import')}
            />
          )}
          {screen === 'import' && (
            <ImportWizard
              onCancel={() => setScreen('open')}
              onOpenNew={(path) => {
                setOpenPath(path);
                setScreen('open');
              }}
            />
          )}
          {screen === 'main' && summary && draft.restoredAt && (
            <div className="draft-notice" data-testid="draft-restored">
              <Notice kind="info">
                <span>
                  {i18n.t('draft.restored', {
                    when: new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(draft.restoredAt)),
                  })}
                </span>{' '}
                <button type="button" className="button button--ghost" onClick={draft.dismiss} aria-label={i18n.t('common.dismiss')} data-testid="draft-restored-dismiss">
                  ×
                </button>
              </Notice>
            </div>
          )}
          {screen === 'main' && summary && correctedFingerprint === summary.fingerprint && (
            <div className="draft-notice fingerprint-notice" data-testid="fingerprint-corrected">
              <Notice kind="warning">
                <span>
                  {i18n.t('fingerprint.corrected')} <code data-testid="fingerprint-corrected-value">{correctedFingerprint}</code>
                </span>{' '}
                <button type="button" className="button button--ghost" onClick={() => setCorrectedFingerprint(null)} aria-label={i18n.t('common.dismiss')} data-testid="fingerprint-corrected-dismiss">
                  ×
                </button>
              </Notice>
            </div>
          )}
          {screen === 'main' && summary && (
            <main className="main-view" data-testid="main-view" data-view={view} ref={mainRef}>
              {/* Keyed on the fingerprint too: after a correction the view counts again on the rebuilt index. */}
              <ErrorBoundary key={`${view}|${summary.fingerprint}`} part={`view.${view}`}>
                {view === 'overview' && <OverviewView summary={summary} />}
                {view === 'cohort' && (
                  <CohortView
                    cohort={cohort}
                    identity={identity}
                    onChange={(def, next) => {
                      // Keep the same object when nothing changed (e.g. after saving): no needless recount.
                      setCohort((prev) => (sameDefinition(prev, def) ? prev : def));
                      if (next !== undefined) setIdentity(next);
                    }}
                  />
                )}
                {view === 'matrix' && <MatrixView cohort={cohort} referenceDate={summary.referenceDate} settings={matrixSettings} onSettingsChange={setMatrixSettings} />}
                {view === 'profile' && <ProfileView cohort={cohort} />}
                {view === 'crosstab' && <CrosstabView cohort={cohort} choice={crosstabChoice} onChoice={setCrosstabChoice} />}
                {view === 'fiche' && <FicheView cohort={cohort} />}
                {view === 'exportLog' && <ExportLogView />}
              </ErrorBoundary>
            </main>
          )}
        </div>
        <StatusBar engine={engine} persons={screen === 'main' ? (summary?.persons ?? null) : null} version={version} />
      </div>
      </CohortLabelContext.Provider>
    </I18nContext.Provider>
  );
}
