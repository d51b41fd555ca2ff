import type { ApiError } from '../../../shared/api/result';
import { pick, useI18n } from '../i18n/i18n';

interface Props {
  error: ApiError | null;
  /** Extra advice from the screen, after the engine's own message. */
  hint?: string;
  onDismiss?: () => void;
  testId?: string;
}

/**
 * An engine error as the analyst sees it: the engine's message (which says what to do)
 * in the current language, the stable code small for support. Never a stack trace.
 */
export function ErrorMessage({ error, hint, onDismiss, testId = 'error-message' }: Props) {
  const { lang, t } = useI18n();
  if (!error) return null;
  const notYet = error.code === 'NOT_SUPPORTED';
  return (
    <div className={notYet ? 'message message--info' : 'message message--error'} role="alert" data-testid={testId} data-code={error.code}>
      <div className="message__body">
        <p className="message__text">{pick(error.message, lang)}</p>
        {notYet && <p className="message__hint">{t('error.notSupportedHint')}</p>}
        {hint && <p className="message__hint">{hint}</p>}
        <p className="message__code">{t('error.code', { code: error.code })}</p>
      </div>
      {onDismiss && (
        <button type="button" className="button button--ghost" onClick={onDismiss} aria-label={t('common.dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}

/** A short notice (success, warning) in the same style as errors. */
export function Notice({ kind, children, testId }: { kind: 'success' | 'warning' | 'info'; children: React.ReactNode; testId?: string }) {
  return (
    <div className={`message message--${kind}`} role={kind === 'warning' ? 'alert' : 'status'} data-testid={testId}>
      <div className="message__body">{children}</div>
    </div>
  );
}
