import type { ExtractSummary } from '../../../shared/api/methods/extract';
import { formatCount, formatDate, formatDuration } from '../../../shared/format/number-format';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { BrowseView } from './browse/browse-view';
import { QualityPanel } from './quality/quality-panel';

const CIPHER_LABEL: Record<ExtractSummary['cipher'], MessageKey> = {
  sqlcipher4: 'cipher.sqlcipher4',
  sqlcipher3: 'cipher.sqlcipher3',
  custom: 'cipher.custom',
};

/** "Overzicht": what the open extract is, its data-quality report, then the browse grid. */
export function OverviewView({ summary }: { summary: ExtractSummary }) {
  const { t, lang } = useI18n();
  const facts: [MessageKey, string][] = [
    ['overview.persons', formatCount(summary.persons, lang)],
    ['overview.referenceDate', formatDate(summary.referenceDate, lang)],
    ['overview.source', summary.source],
    ['overview.extractId', summary.extractId],
    ['overview.vintage', summary.nisVintage === 'as_recorded' ? t('overview.asRecorded') : summary.nisVintage],
    ['overview.schema', summary.schemaVersion],
    ['overview.cipher', t(CIPHER_LABEL[summary.cipher])],
    ['overview.openTime', formatDuration(summary.openMs, lang)],
  ];
  return (
    <div className="overview" data-testid="overview-view">
      <section className="card overview__summary" aria-label={t('overview.title')}>
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label} className="facts__item">
              <dt>{t(label)}</dt>
              <dd title={value}>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="field__hint overview__fingerprint" title={summary.fingerprint}>
          {t('overview.fingerprint')}: <code>{summary.fingerprint.slice(0, 16)}…</code>
        </p>
      </section>
      <QualityPanel extractId={summary.fingerprint} />
      <BrowseView summary={summary} />
    </div>
  );
}
