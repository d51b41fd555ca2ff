import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { columnLabel } from './browse-labels';

interface Props {
  columns: readonly string[];
  hidden: ReadonlySet<string>;
  onChange: (hidden: Set<string>) => void;
}

/** Show or hide columns of the browse grid; at least one stays visible. */
export function ColumnChooser({ columns, hidden, onChange }: Props) {
  const { t, lang } = useI18n();
  const visibleCount = columns.length - hidden.size;
  const toggle = (name: string, show: boolean) => {
    const next = new Set(hidden);
    if (show) next.delete(name);
    else next.add(name);
    onChange(next);
  };
  const ref = useRef<HTMLDetailsElement>(null);
  // A popover closes on Escape (focus back on its button) and on a click elsewhere.
  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      const el = ref.current;
      if (el?.open && !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDetailsElement>) => {
    const el = ref.current;
    if (e.key !== 'Escape' || !el?.open) return;
    e.preventDefault();
    el.open = false;
    el.querySelector('summary')?.focus();
  };
  return (
    <details className="popover" data-testid="column-chooser" ref={ref} onKeyDown={onKeyDown}>
      <summary className="button">{t('browse.columns', { shown: visibleCount, total: columns.length })}</summary>
      <div className="popover__panel" role="group" aria-label={t('browse.columnsLabel')}>
        {columns.map((name) => {
          const shown = !hidden.has(name);
          return (
            <label key={name} className="check">
              <input type="checkbox" checked={shown} disabled={shown && visibleCount === 1} onChange={(e) => toggle(name, e.target.checked)} data-column={name} />
              <span title={name}>{columnLabel(name, lang)}</span>
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
