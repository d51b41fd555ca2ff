import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useExportText } from './export-i18n';
import { baseName, isAbsolutePath, withExtension } from './save-path';

interface Props {
  /** Pre-filled path: the last folder typed plus a suggested name. */
  initial: string;
  ext: 'xlsx' | 'csv' | 'json' | 'png' | 'svg';
  busy?: boolean;
  onSubmit: (path: string) => void;
  onCancel: () => void;
  testId?: string;
}

/** The path field shown where the host has no save dialog (the Chromium shell). */
export function SavePathPrompt({ initial, ext, busy = false, onSubmit, onCancel, testId = 'save-path' }: Props) {
  const { xt } = useExportText();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    // Select the file name, keep the folder: the usual edit is a new name.
    const start = Math.max(el.value.lastIndexOf('/'), el.value.lastIndexOf('\\')) + 1;
    el.setSelectionRange(start, el.value.length);
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isAbsolutePath(value)) {
      setInvalid(true);
      ref.current?.focus();
      return;
    }
    onSubmit(withExtension(value, ext));
  };
  const id = `${testId}-input`;
  return (
    <form className="save-path" onSubmit={submit} data-testid={testId}>
      <label className="field__label" htmlFor={id}>{xt('save.label')}</label>
      <div className="input-row">
        <input
          id={id}
          ref={ref}
          className="input input--grow"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setInvalid(false);
          }}
          onKeyDown={(e) => e.key === 'Escape' && onCancel()}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid}
          disabled={busy}
          data-testid={id}
        />
        <button type="submit" className="button button--primary" disabled={busy || value.trim() === ''} data-testid={`${testId}-submit`}>
          {xt('save.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>×</button>
      </div>
      {invalid ? (
        <p className="field__error" role="alert">{xt('save.notAbsolute', { name: baseName(value) || `export.${ext}` })}</p>
      ) : (
        <p className="field__hint">{xt('save.hint')}</p>
      )}
    </form>
  );
}
