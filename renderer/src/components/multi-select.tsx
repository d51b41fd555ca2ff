import { useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { matchesSearch } from './search-match';

export interface MultiOption {
  value: string;
  label: string;
  /** Extra text the search also looks at (e.g. the NIS code or French name). */
  keywords?: string;
}

interface Props {
  label: string;
  options: readonly MultiOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  testId?: string;
  disabled?: boolean;
  emptyMeaning?: string;
}

/**
 * A searchable list of checkboxes with the selection shown as removable chips: for
 * long lists (nationalities, 581 municipalities) where a plain <select multiple> is
 * hard to use with a keyboard.
 */
export function MultiSelect({ label, options, selected, onChange, testId, disabled, emptyMeaning }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const visible = useMemo(() => options.filter((o) => matchesSearch(query, o.label, o.value, o.keywords)), [options, query]);
  const labelOf = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);

  const toggle = (value: string, on: boolean) => {
    if (on) onChange([...selected.filter((v) => v !== value), value]);
    else onChange(selected.filter((v) => v !== value));
  };

  return (
    <div className="multi-select" data-testid={testId}>
      <label className="field__label" htmlFor={`${id}-search`}>
        {label}
      </label>
      <div className="multi-select__chips" aria-live="polite">
        {selected.length === 0 && emptyMeaning && <span className="field__hint">{emptyMeaning}</span>}
        {selected.map((v) => (
          <button
            key={v}
            type="button"
            className="chip"
            onClick={() => toggle(v, false)}
            disabled={disabled}
            aria-label={t('multi.remove', { item: labelOf.get(v) ?? v })}
          >
            {labelOf.get(v) ?? v} <span aria-hidden="true">×</span>
          </button>
        ))}
        {selected.length > 1 && (
          <button type="button" className="button button--link" onClick={() => onChange([])} disabled={disabled}>
            {t('multi.clear')}
          </button>
        )}
      </div>
      <input
        id={`${id}-search`}
        className="input"
        type="search"
        placeholder={t('multi.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        // Enter in the search box ticks the only match, instead of submitting a form.
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (visible.length === 1 && visible[0]) toggle(visible[0].value, !selectedSet.has(visible[0].value));
          }
        }}
        disabled={disabled}
        autoComplete="off"
      />
      <div className="multi-select__list" role="group" aria-label={label}>
        {visible.length === 0 && <p className="field__hint">{t('multi.noMatch')}</p>}
        {visible.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              checked={selectedSet.has(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              disabled={disabled}
              data-value={o.value}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
