import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExtractSummary } from '../../../../shared/api/methods/extract';
import type { ApiError } from '../../../../shared/api/result';
import { settle, verhuis } from '../../api/verhuis';
import { useProgress } from '../../api/use-progress';
import { ErrorMessage, Notice } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { useI18n } from '../../i18n/i18n';
import { CipherFields } from './cipher-fields';
import { cipherFromForm, DEFAULT_CIPHER_FORM, type CipherForm, type CipherFormField } from './cipher-form';
import { RecentFiles } from './recent-files';

export interface DemoExtract {
  path: string;
  passphrase: string | null;
}

interface Props {
  demo: DemoExtract | null;
  /** Path to put in the field (after an import, or the last one used). */
  initialPath?: string;
  /** Why the previous session ended (idle lock), shown once. */
  notice?: string | null;
  onOpened: (summary: ExtractSummary) => void;
  /** After a failed attempt (the frame refreshes the engine state). */
  onFailed?: () => void;
  onImport: () => void;
}

/** Errors about the file put the focus on the path; errors about the key on the passphrase. */
const PATH_ERRORS = new Set(['FILE_NOT_FOUND', 'FILE_UNREADABLE', 'NOT_A_DATABASE', 'CORRUPT_FILE', 'NOT_AN_EXTRACT', 'FILE_LOCKED']);

/**
 * The "Extract openen" screen: path, passphrase (never stored, cleared after each
 * attempt), cipher settings under "Geavanceerd", recent files and the demo extract.
 */
export function OpenScreen({ demo, initialPath = '', notice, onOpened, onFailed, onImport }: Props) {
  const { t } = useI18n();
  const [path, setPath] = useState(initialPath);
  const [passphrase, setPassphrase] = useState('');
  const [cipher, setCipher] = useState<CipherForm>(DEFAULT_CIPHER_FORM);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [invalidCipher, setInvalidCipher] = useState<CipherFormField | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<'path' | 'passphrase' | null>(null);
  const [dialogHint, setDialogHint] = useState(false);
  const progress = useProgress('open', pending);
  const pathRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (initialPath ? passRef : pathRef).current?.focus();
  }, [initialPath]);

  const browse = async () => {
    const r = await settle(() => verhuis().dialog.openFile({ title: t('open.browseTitle'), filters: [{ name: t('open.fileFilter'), extensions: ['db', 'sqlite', 'sqlcipher', 'sqlite3'] }] }));
    if (r.ok && r.value.path) {
      setPath(r.value.path);
      passRef.current?.focus();
    } else {
      // No native dialog here (Chromium shell) or cancelled: the path field stays the way in.
      setDialogHint(!r.ok || r.value.path === null);
      pathRef.current?.focus();
    }
  };

  const useDemo = () => {
    if (!demo) return;
    setPath(demo.path);
    setPassphrase(demo.passphrase ?? '');
    setCipher(DEFAULT_CIPHER_FORM);
    setError(null);
    passRef.current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    setError(null);
    if (path.trim() === '') {
      setMissing('path');
      pathRef.current?.focus();
      return;
    }
    if (passphrase === '') {
      setMissing('passphrase');
      passRef.current?.focus();
      return;
    }
    setMissing(null);
    const c = cipherFromForm(cipher);
    if (!c.ok) {
      setAdvancedOpen(true);
      setInvalidCipher(c.field);
      return;
    }
    setInvalidCipher(null);
    const request = { path: path.trim(), passphrase, cipher: c.cipher };
    // The passphrase lives only in this request from here on: clear the field right away.
    setPassphrase('');
    setPending(true);
    const result = await settle(() => verhuis().extract.open(request));
    setPending(false);
    if (result.ok) {
      onOpened(result.value);
      return;
    }
    setError(result.error);
    onFailed?.();
    if (result.error.code === 'WRONG_PASSPHRASE') {
      setAdvancedOpen(true);
      passRef.current?.focus();
    } else if (PATH_ERRORS.has(result.error.code)) {
      pathRef.current?.focus();
    }
  };

  return (
    <main className="open-screen" data-testid="open-screen">
      <section className="card open-screen__card" aria-labelledby="open-title">
        <h1 id="open-title" className="card__title">{t('open.title')}</h1>
        <p className="card__lead">{t('open.lead')}</p>
        {notice && <Notice kind="info" testId="open-notice">{notice}</Notice>}
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor="open-path">{t('open.path')}</label>
            <div className="input-row">
              <input
                id="open-path"
                ref={pathRef}
                className="input input--grow"
                value={path}
                onChange={(e) => setPath(e.target.value)}
                placeholder={t('open.pathPlaceholder')}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={missing === 'path'}
                disabled={pending}
                data-testid="open-path"
              />
              <button type="button" className="button" onClick={browse} disabled={pending}>
                {t('common.browse')}
              </button>
            </div>
            {missing === 'path' && <p className="field__error">{t('open.pathMissing')}</p>}
            {dialogHint && <p className="field__hint">{t('open.dialogUnavailable')}</p>}
          </div>
          <div className="field">
            <label className="field__label" htmlFor="open-passphrase">{t('open.passphrase')}</label>
            <input
              id="open-passphrase"
              ref={passRef}
              className="input"
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={missing === 'passphrase'}
              aria-describedby="open-passphrase-hint"
              disabled={pending}
              data-testid="open-passphrase"
            />
            <p id="open-passphrase-hint" className="field__hint">{t('open.passphraseHint')}</p>
            {missing === 'passphrase' && <p className="field__error">{t('open.passphraseMissing')}</p>}
          </div>
          <details className="advanced" open={advancedOpen} onToggle={(e) => setAdvancedOpen((e.target as HTMLDetailsElement).open)}>
            <summary>{t('open.advanced')}</summary>
            <CipherFields form={cipher} onChange={setCipher} invalidField={invalidCipher} disabled={pending} />
          </details>
          <ErrorMessage error={error} onDismiss={() => setError(null)} testId="open-error" />
          {pending && <ProgressBar progress={progress} label={t('open.opening')} testId="open-progress" />}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={pending} data-testid="open-submit">
              {pending ? t('open.opening') : t('open.submit')}
            </button>
            {demo && (
              <button type="button" className="button" onClick={useDemo} disabled={pending} data-testid="open-demo">
                {t('open.demo')}
              </button>
            )}
            <span className="form-actions__spacer" />
            <button type="button" className="button button--ghost" onClick={onImport} disabled={pending} data-testid="open-import">
              {t('open.import')}
            </button>
          </div>
        </form>
      </section>
      <RecentFiles onPick={(p) => { setPath(p); setError(null); passRef.current?.focus(); }} disabled={pending} />
    </main>
  );
}
