import type { ExtractSummary } from '../../../shared/api/methods/extract';
import type { UiLanguage } from '../../../shared/api/localized';
import { formatDate } from '../../../shared/format/number-format';
import { useI18n } from '../i18n/i18n';
import { VIEWS, VIEW_LABEL, type View } from './views';

interface Props {
  summary: ExtractSummary | null;
  view: View | null;
  onView: (view: View) => void;
  onClose: () => void;
}

const LANGUAGES: readonly UiLanguage[] = ['nl', 'en'];

/** Product name, the open extract, navigation and the language switch. */
export function AppHeader({ summary, view, onView, onClose }: Props) {
  const { t, lang, setLanguage } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">⇄</span>
        <span className="app-header__name">Verhuisverkenner</span>
      </div>
      {summary && (
        <div className="app-header__extract" data-testid="header-extract">
          <span className="app-header__file" title={summary.extractId}>{summary.fileName}</span>
          <span className="app-header__refdate">{t('header.referenceDate', { date: formatDate(summary.referenceDate, lang) })}</span>
        </div>
      )}
      {summary && view && (
        <nav className="app-nav" aria-label={t('nav.label')}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={v === view ? 'app-nav__item app-nav__item--active' : 'app-nav__item'}
              aria-current={v === view ? 'page' : undefined}
              onClick={() => onView(v)}
              data-testid={`nav-${v}`}
            >
              {t(VIEW_LABEL[v])}
            </button>
          ))}
        </nav>
      )}
      <div className="app-header__tools">
        <div className="lang-switch" role="group" aria-label={t('header.language')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              className={l === lang ? 'lang-switch__item lang-switch__item--active' : 'lang-switch__item'}
              aria-pressed={l === lang}
              lang={l}
              onClick={() => setLanguage(l)}
              data-testid={`lang-${l}`}
            >
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        {summary && (
          <button type="button" className="button button--header" onClick={onClose} data-testid="close-extract">
            {t('header.close')}
          </button>
        )}
      </div>
    </header>
  );
}
