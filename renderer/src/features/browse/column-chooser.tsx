import { useI18n } from '../../i18n/i18n';

interface Props {
  columns: readonly string[];
  hidden: ReadonlySet<string>;
  onChange: (hidden: Set<string>) => void;
}

/** Show or hide columns of the browse grid; at least one stays visible. */
export function ColumnChooser({ columns, hidden, onChange }: Props) {
  const { t } = useI18n();
  const visibleCount = columns.length - hidden.size;
  const toggle = (name: string, show: boolean) => {
    const next = new Set(hidden);
    if (show) next.delete(name);
    else next.add(name);
    onChange(next);
  };
  return (
    <details className="popover" data-testid="column-chooser">
      <summary className="button">{t('browse.columns', { shown: visibleCount, total: columns.length })}</summary>
      <div className="popover__panel" role="group" aria-label={t('browse.columnsLabel')}>
        {columns.map((name) => {
          const shown = !hidden.has(name);
          return (
            <label key={name} className="check">
              <input type="checkbox" checked={shown} disabled={shown && visibleCount === 1} onChange={(e) => toggle(name, e.target.checked)} data-column={name} />
              <span><code>{name}</code></span>
            </label>
          );
        })}
        <button type="button" className="button button--link" onClick={() => onChange(new Set())} disabled={hidden.size === 0}>
          {t('browse.showAll')}
        </button>
      </div>
    </details>
  );
}
