import { useI18n } from '../../i18n/i18n';

/**
 * The export audit log. The contract has no export-log method yet (the disclosure and
 * export capability adds it); until then this view says so instead of showing nothing.
 */
export function ExportLogView() {
  const { t } = useI18n();
  return (
    <section className="card placeholder-view" data-testid="export-log-view" aria-labelledby="export-log-title">
      <h2 id="export-log-title" className="view-title">{t('exportLog.title')}</h2>
      <p>{t('exportLog.lead')}</p>
      <p className="field__hint">{t('exportLog.notYet')}</p>
    </section>
  );
}
