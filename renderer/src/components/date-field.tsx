import { useEffect, useId, useState } from 'react';
import {
  DATE_INPUT_MAX,
  DATE_INPUT_MIN,
  formatDateInput,
  parseDateInput,
  shiftIsoDate,
  type DateInputResult,
} from '../../../shared/format/date-input';
import { useI18n } from '../i18n/i18n';

interface Props {
  label: string;
  /** ISO yyyy-mm-dd, or null for an empty field. */
  value: string | null;
  /** Called with ISO yyyy-mm-dd or null (emptied); never with a half-typed or impossible date. */
  onChange: (iso: string | null) => void;
  /** Label beside the input (date ranges) or above it (forms with stacked fields). */
  layout?: 'inline' | 'stacked';
  /** Marks the field invalid for a reason outside it (e.g. a range whose start is after its end). */
  invalid?: boolean;
  /** A short visible note under the field, e.g. what an empty field means. */
  hint?: string;
  min?: string;
  max?: string;
  testId?: string;
}

const sameValue = (parsed: DateInputResult, value: string | null): boolean =>
  parsed.kind === 'empty' ? value === null : parsed.kind === 'ok' && parsed.iso === value;

/**
 * A date typed as dd/mm/jjjj in every UI language and on every OS (a native date input
 * follows the OS locale and shows mm/dd/yyyy on an English system). Also takes d/m/yyyy and
 * yyyy-mm-dd; hands ISO dates up. Arrow up/down move a valid date by one day.
 */
export function DateField({ label, value, onChange, layout = 'inline', invalid = false, hint, min = DATE_INPUT_MIN, max = DATE_INPUT_MAX, testId }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(() => formatDateInput(value));
  // Format errors show once the analyst leaves the field, not while the year is half typed.
  const [left, setLeft] = useState(false);
  const parsed = parseDateInput(text, min, max);

  useEffect(() => {
    // A value set from outside (a cohort loaded from the library) replaces what was typed.
    if (!sameValue(parseDateInput(text, min, max), value)) {
      setText(formatDateInput(value));
      setLeft(false);
    }
  }, [value]);

  const edit = (next: string): void => {
    setText(next);
    setLeft(false);
    const p = parseDateInput(next, min, max);
    if (p.kind === 'ok' && p.iso !== value) onChange(p.iso);
    if (p.kind === 'empty' && value !== null) onChange(null);
  };
  const commit = (): void => {
    setLeft(true);
    if (parsed.kind === 'ok') setText(formatDateInput(parsed.iso));
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') commit();
    if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && parsed.kind === 'ok') {
      e.preventDefault();
      const next = shiftIsoDate(parsed.iso, e.key === 'ArrowUp' ? 1 : -1);
      if (next >= min && next <= max) edit(formatDateInput(next));
    }
  };

  const problem = parsed.kind === 'invalid' && (left || parsed.problem !== 'format') ? parsed.problem : null;
  const error =
    problem === 'range'
      ? t('date.invalid.range', { min: formatDateInput(min), max: formatDateInput(max) })
      : problem
        ? t(`date.invalid.${problem}`)
        : null;
  const inputId = `${id}-input`;
  const describedBy = [error ? `${id}-error` : `${id}-format`, hint && !error ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const labelClass = layout === 'inline' ? 'field__label field__label--inline' : 'field__label';

  return (
    <span className={`date-field date-field--${layout}`} data-testid={testId ? `${testId}-field` : undefined}>
      <span className="date-field__row">
        <label htmlFor={inputId} className={labelClass}>
          {label}
        </label>
        <input
          id={inputId}
          className="input date-field__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={10}
          placeholder={t('date.placeholder')}
          value={text}
          onChange={(e) => edit(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
          aria-invalid={error !== null || invalid}
          aria-describedby={describedBy}
          data-testid={testId}
          data-iso={parsed.kind === 'ok' ? parsed.iso : ''}
        />
      </span>
      <span id={`${id}-format`} className="sr-only">
        {t('date.format')}
      </span>
      {hint && !error && (
        <span id={`${id}-hint`} className="field__hint date-field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field__error date-field__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
