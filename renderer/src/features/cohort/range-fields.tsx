import { useEffect, useId, useState } from 'react';
import { DateField } from '../../components/date-field';
import { useI18n } from '../../i18n/i18n';
import { parseAgeRange, parseDateRange } from './cohort-model';
import { useReportInvalid } from './field-validity';

/**
 * Two-input ranges keep what the analyst types locally and pass a value up only when
 * it is valid, so a half-typed range never reaches the count.
 */
export function AgeRangeField({ value, onChange }: { value: { min: number; max: number } | null; onChange: (v: { min: number; max: number } | null) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [min, setMin] = useState(value ? String(value.min) : '');
  const [max, setMax] = useState(value ? String(value.max) : '');
  const parsed = parseAgeRange(min, max);
  useReportInvalid(parsed === 'invalid');
  useEffect(() => {
    // A cohort loaded from the library replaces what was typed.
    const current = parseAgeRange(min, max);
    const same = value === null ? current === null : current !== null && current !== 'invalid' && current.min === value.min && current.max === value.max;
    if (!same) {
      setMin(value ? String(value.min) : '');
      setMax(value ? String(value.max) : '');
    }
  }, [value]);
  const update = (nextMin: string, nextMax: string) => {
    setMin(nextMin);
    setMax(nextMax);
    const p = parseAgeRange(nextMin, nextMax);
    if (p !== 'invalid') onChange(p);
  };
  return (
    <fieldset className="range-field">
      <legend>{t('cohort.ageRange')}</legend>
      <div className="input-row">
        <label htmlFor={`${id}-min`} className="field__label field__label--inline">{t('common.from')}</label>
        <input id={`${id}-min`} className="input input--narrow" inputMode="numeric" value={min} onChange={(e) => update(e.target.value, max)} aria-invalid={parsed === 'invalid'} />
        <label htmlFor={`${id}-max`} className="field__label field__label--inline">{t('common.to')}</label>
        <input id={`${id}-max`} className="input input--narrow" inputMode="numeric" value={max} onChange={(e) => update(min, e.target.value)} aria-invalid={parsed === 'invalid'} />
        <span className="field__hint">{t('cohort.years')}</span>
      </div>
      {parsed === 'invalid' && <p className="field__error" role="alert" data-testid="cohort-age-range-error">{t('cohort.ageRangeInvalid')}</p>}
    </fieldset>
  );
}

type DateRange = { from: string | null; to: string | null };

/**
 * A from–to range of dates typed as dd/mm/jjjj (components/date-field). Each end may stay
 * empty (open range); a start after the end is shown and not passed up.
 */
export function DateRangeField({ legend, value, onChange, testId }: { legend: string; value: DateRange | null; onChange: (v: DateRange | null) => void; testId?: string }) {
  const { t } = useI18n();
  const [from, setFrom] = useState<string | null>(value?.from ?? null);
  const [to, setTo] = useState<string | null>(value?.to ?? null);
  const parsed = parseDateRange(from ?? '', to ?? '');
  useReportInvalid(parsed === 'invalid');
  useEffect(() => {
    const current = parseDateRange(from ?? '', to ?? '');
    const same = value === null ? current === null : current !== null && current !== 'invalid' && current.from === value.from && current.to === value.to;
    if (!same) {
      setFrom(value?.from ?? null);
      setTo(value?.to ?? null);
    }
  }, [value]);
  const update = (f: string | null, tt: string | null) => {
    setFrom(f);
    setTo(tt);
    const p = parseDateRange(f ?? '', tt ?? '');
    if (p !== 'invalid') onChange(p);
  };
  const reversed = parsed === 'invalid';
  return (
    <fieldset className="range-field" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="input-row input-row--top">
        <DateField label={t('common.from')} value={from} onChange={(v) => update(v, to)} invalid={reversed} testId={testId ? `${testId}-from` : undefined} />
        <DateField label={t('common.toIncl')} value={to} onChange={(v) => update(from, v)} invalid={reversed} testId={testId ? `${testId}-to` : undefined} />
      </div>
      {reversed && <p className="field__error" role="alert">{t('cohort.dateRangeInvalid')}</p>}
    </fieldset>
  );
}
