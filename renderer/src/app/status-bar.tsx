import { formatCount } from '../../../shared/format/number-format';
import { useI18n, type MessageKey } from '../i18n/i18n';

interface Props {
  engine: 'idle' | 'opening' | 'ready' | 'unavailable';
  persons: number | null;
  version: string | null;
}

const ENGINE_LABEL: Record<Props['engine'], MessageKey> = {
  idle: 'status.idle',
  opening: 'status.opening',
  ready: 'status.ready',
  unavailable: 'status.unavailable',
};

/** Engine state, persons in the open extract and the app version. */
export function StatusBar({ engine, persons, version }: Props) {
  const { t, lang } = useI18n();
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className={`status-bar__engine status-bar__engine--${engine}`} data-testid="status-engine" data-state={engine}>
        <span className="status-dot" aria-hidden="true" />
        {t('status.engine')}: {t(ENGINE_LABEL[engine])}
      </span>
      {persons !== null && <span data-testid="status-persons">{t('status.persons', { n: formatCount(persons, lang) })}</span>}
      <span className="status-bar__spacer" />
      <span className="status-bar__offline">{t('status.offline')}</span>
      {version && <span data-testid="status-version">Verhuisverkenner {version}</span>}
    </footer>
  );
}
