import type { ProgressEvent } from '../../../shared/api/events';
import { formatCount, formatPercent } from '../../../shared/format/number-format';
import { useI18n } from '../i18n/i18n';

interface Props {
  /** The latest progress event, or null when waiting for the first one. */
  progress: ProgressEvent | null;
  /** What is being done, shown above the bar ("Extract openen…"). */
  label: string;
  testId?: string;
}

/**
 * A progress bar for long engine work (open, import, matrix, export). Determinate when
 * the engine knows the fraction, indeterminate otherwise. Reusable by every view.
 */
export function ProgressBar({ progress, label, testId = 'progress' }: Props) {
  const { t, lang } = useI18n();
  const fraction = progress?.fraction ?? null;
  const details: string[] = [];
  if (fraction !== null) details.push(formatPercent(fraction, lang, 0));
  if (progress?.rows !== undefined) details.push(t('progress.rows', { rows: formatCount(progress.rows, lang) }));
  if (progress?.rowsPerSecond !== undefined) details.push(t('progress.rate', { rate: formatCount(progress.rowsPerSecond, lang) }));
  if (progress?.stage) details.push(progress.stage);
  return (
    <div className="progress" data-testid={testId} role="status" aria-live="polite">
      <div className="progress__label">
        <span>{label}</span>
        <span className="progress__details">{details.join(' · ')}</span>
      </div>
      <div
        className={fraction === null ? 'progress__track progress__track--indeterminate' : 'progress__track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <div className="progress__fill" style={fraction === null ? undefined : { width: `${Math.round(fraction * 1000) / 10}%` }} />
      </div>
    </div>
  );
}
