import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../shared/api/result';
import { formatCount, formatDuration } from '../../../../shared/format/number-format';
import { settle, verhuis } from '../../api/verhuis';
import { useProgress } from '../../api/use-progress';
import { ErrorMessage, Notice } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { ImportReport } from './import-report';
import { afterFailureNotice, rowsPerSecond } from './import-outcome';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength, type StrengthLevel } from './passphrase-strength';

interface Props {
  onCancel: () => void;
  /** After success: go to the Open screen with the new file's path filled in. */
  onOpenNew: (path: string) => void;
}

interface Done {
  targetPath: string;
  rows: number;
  rowsPerSecond: number;
  tables: { name: string; rows: number }[];
  ms: number;
}

const STRENGTH_KEY: Record<StrengthLevel, MessageKey> = {
  empty: 'strength.empty',
  tooShort: 'strength.tooShort',
  weak: 'strength.weak',
  fair: 'strength.fair',
  strong: 'strength.strong',
};

/** "Nieuw extract uit CSV": folder of CSV files → new encrypted extract, streamed with progress. */
export function ImportWizard({ onCancel, onOpenNew }: Props) {
  const { t, lang } = useI18n();
  const [sourceDir, setSourceDir] = useState('');
  const [targetPath, setTargetPath] = useState('');
  const [pass1, setPass1] = useState('');
  const [pass2, setPass2] = useState('');
  const [format, setFormat] = useState<'sqlcipher4' | 'sqlcipher3'>('sqlcipher4');
  const [problem, setProblem] = useState<'source' | 'target' | 'short' | 'mismatch' | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const progress = useProgress('import', pending);
  const sourceRef = useRef<HTMLInputElement>(null);
  const targetRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const strength = passphraseStrength(pass1);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // The outcome (error with its report, or success) appears below the form: bring it into view.
  useEffect(() => {
    if (error || done) outcomeRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [error, done]);

  const pickFolder = async () => {
    const r = await settle(() => verhuis().dialog.openFolder({ title: t('import.sourceTitle') }));
    if (r.ok && r.value.path) setSourceDir(r.value.path);
    else sourceRef.current?.focus();
  };
  const pickTarget = async () => {
    const r = await settle(() =>
      verhuis().dialog.saveFile({ title: t('import.targetTitle'), defaultName: 'extract.db', filters: [{ name: t('open.fileFilter'), extensions: ['db'] }] }),
    );
    if (r.ok && r.value.path) setTargetPath(r.value.path);
    else targetRef.current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    setError(null);
    setDone(null);
    if (sourceDir.trim() === '') return fail('source', sourceRef);
    if (targetPath.trim() === '') return fail('target', targetRef);
    if ([...pass1].length < MIN_PASSPHRASE_LENGTH) return fail('short', passRef);
    if (pass1 !== pass2) return fail('mismatch', passRef);
    setProblem(null);
    const request = { sourceDir: sourceDir.trim(), targetPath: targetPath.trim(), passphrase: pass1, cipher: { preset: format } };
    // Never keep the new passphrase in the form once it is on its way.
    setPass1('');
    setPass2('');
    setPending(true);
    const started = performance.now();
    const r = await settle(() => verhuis().import.fromCsv(request));
    setPending(false);
    if (r.ok) setDone({ ...r.value, ms: performance.now() - started });
    else setError(r.error);
  };

  function fail(which: NonNullable<typeof problem>, ref: React.RefObject<HTMLInputElement | null>) {
    setProblem(which);
    ref.current?.focus();
  }

  return (
    <main className="open-screen" data-testid="import-wizard">
      <section className="card open-screen__card open-screen__card--wide" aria-labelledby="import-title">
        <h1 id="import-title" className="card__title">{t('import.title')}</h1>
        <p className="card__lead">{t('import.lead')}</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="import-source">{t('import.source')}</label>
            <div className="input-row">
              <input id="import-source" ref={sourceRef} className="input input--grow" value={sourceDir} onChange={(e) => setSourceDir(e.target.value)} autoComplete="off" spellCheck={false} disabled={pending} aria-invalid={problem === 'source'} />
              <button type="button" className="button" onClick={pickFolder} disabled={pending}>{t('common.browse')}</button>
            </div>
            <p className="field__hint">{t('import.sourceHint')}</p>
            {problem === 'source' && <p className="field__error">{t('import.sourceMissing')}</p>}
          </div>
          <div className="field">
            <label className="field__label" htmlFor="import-target">{t('import.target')}</label>
            <div className="input-row">
              <input id="import-target" ref={targetRef} className="input input--grow" value={targetPath} onChange={(e) => setTargetPath(e.target.value)} autoComplete="off" spellCheck={false} disabled={pending} aria-invalid={problem === 'target'} />
              <button type="button" className="button" onClick={pickTarget} disabled={pending}>{t('common.browse')}</button>
            </div>
            <p className="field__hint">{t('import.targetHint')}</p>
            {problem === 'target' && <p className="field__error">{t('import.targetMissing')}</p>}
          </div>
          <div className="form-grid form-grid--2">
            <div className="field">
              <label className="field__label" htmlFor="import-pass1">{t('import.passphrase')}</label>
              <input id="import-pass1" ref={passRef} className="input" type="password" value={pass1} onChange={(e) => setPass1(e.target.value)} autoComplete="off" disabled={pending} aria-describedby="import-strength" aria-invalid={problem === 'short'} />
              <div id="import-strength" className={`strength strength--${strength}`} data-testid="passphrase-strength" data-level={strength}>
                <span className="strength__bar" aria-hidden="true"><span /></span>
                <span>{t(STRENGTH_KEY[strength], { min: MIN_PASSPHRASE_LENGTH })}</span>
              </div>
            </div>
            <div className="field">
              <label className="field__label" htmlFor="import-pass2">{t('import.passphraseRepeat')}</label>
              <input id="import-pass2" className="input" type="password" value={pass2} onChange={(e) => setPass2(e.target.value)} autoComplete="off" disabled={pending} aria-invalid={problem === 'mismatch'} />
              {pass2 !== '' && pass1 !== pass2 && <p className="field__hint">{t('import.passphraseDiffers')}</p>}
            </div>
          </div>
          {problem === 'short' && <p className="field__error">{t('strength.tooShort', { min: MIN_PASSPHRASE_LENGTH })}</p>}
          {problem === 'mismatch' && <p className="field__error">{t('import.passphraseMismatch')}</p>}
          <p className="field__hint">{t('import.passphraseWarning')}</p>
          <details className="advanced">
            <summary>{t('open.advanced')}</summary>
            <fieldset className="radio-row">
              <legend>{t('import.format')}</legend>
              {(['sqlcipher4', 'sqlcipher3'] as const).map((f) => (
                <label key={f} className="check">
                  <input type="radio" name="import-format" checked={format === f} onChange={() => setFormat(f)} disabled={pending} />
                  <span>{t(f === 'sqlcipher4' ? 'cipher.sqlcipher4' : 'cipher.sqlcipher3')}</span>
                </label>
              ))}
            </fieldset>
          </details>
          {pending && <ProgressBar progress={progress} label={t('import.running')} testId="import-progress" />}
          <div ref={outcomeRef} />
          {error && (
            <>
              <ErrorMessage error={error} testId="import-error" />
              <Notice kind="info" testId="import-nothing-left">{t(afterFailureNotice(error.code))}</Notice>
              {error.code === 'IMPORT_INVALID' && <ImportReport />}
            </>
          )}
          {done && (
            <Notice kind="success" testId="import-done">
              <p>{t('import.done', { rows: formatCount(done.rows, lang), tables: formatCount(done.tables.length, lang), time: formatDuration(done.ms, lang), rate: formatCount(rowsPerSecond(done.rows, done.ms), lang) })}</p>
              <p className="field__hint">{done.targetPath}</p>
              <button type="button" className="button button--primary" onClick={() => onOpenNew(done.targetPath)}>{t('import.openNew')}</button>
            </Notice>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={pending} data-testid="import-submit">{t('import.submit')}</button>
            <button type="button" className="button button--ghost" onClick={onCancel} disabled={pending}>{t('import.back')}</button>
          </div>
        </form>
      </section>
    </main>
  );
}
