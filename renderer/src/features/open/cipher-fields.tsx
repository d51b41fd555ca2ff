import { useId } from 'react';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { CIPHER_ALGORITHMS, PAGE_SIZES, SQLCIPHER3_FORM, DEFAULT_CIPHER_FORM, type CipherForm, type CipherFormField } from './cipher-form';

interface Props {
  form: CipherForm;
  onChange: (form: CipherForm) => void;
  invalidField: CipherFormField | null;
  disabled?: boolean;
  /** Which presets to offer (import offers no "auto": a new file needs one definite format). */
  presets?: readonly CipherForm['preset'][];
}

const PRESET_LABEL: Record<CipherForm['preset'], MessageKey> = {
  auto: 'cipher.auto',
  sqlcipher4: 'cipher.sqlcipher4',
  sqlcipher3: 'cipher.sqlcipher3',
  custom: 'cipher.custom',
};

/** The cipher settings under "Geavanceerd": presets, and SQLCipher's own parameters for odd files. */
export function CipherFields({ form, onChange, invalidField, disabled, presets = ['auto', 'sqlcipher4', 'sqlcipher3', 'custom'] }: Props) {
  const { t } = useI18n();
  const id = useId();
  const set = <K extends keyof CipherForm>(key: K, value: CipherForm[K]) => onChange({ ...form, [key]: value });
  return (
    <div className="cipher-fields" data-testid="cipher-fields">
      <fieldset className="radio-row">
        <legend>{t('cipher.preset')}</legend>
        {presets.map((p) => (
          <label key={p} className="check">
            <input type="radio" name={`${id}-preset`} value={p} checked={form.preset === p} onChange={() => set('preset', p)} disabled={disabled} />
            <span>{t(PRESET_LABEL[p])}</span>
          </label>
        ))}
      </fieldset>
      <p className="field__hint">{t(form.preset === 'auto' ? 'cipher.autoHint' : form.preset === 'custom' ? 'cipher.customHint' : 'cipher.presetHint')}</p>
      {form.preset === 'custom' && (
        <div className="form-grid form-grid--3">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-kdf`}>{t('cipher.kdfIter')}</label>
            <input
              id={`${id}-kdf`}
              className="input"
              inputMode="numeric"
              value={form.kdfIter}
              onChange={(e) => set('kdfIter', e.target.value)}
              aria-invalid={invalidField === 'kdfIter'}
              disabled={disabled}
            />
            {invalidField === 'kdfIter' && <p className="field__error">{t('cipher.kdfIterInvalid')}</p>}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-page`}>{t('cipher.pageSize')}</label>
            <select id={`${id}-page`} className="input" value={form.pageSize} onChange={(e) => set('pageSize', e.target.value)} disabled={disabled}>
              {PAGE_SIZES.map((s) => (
                <option key={s} value={String(s)}>{s}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-header`}>{t('cipher.plaintextHeader')}</label>
            <input
              id={`${id}-header`}
              className="input"
              inputMode="numeric"
              value={form.plaintextHeaderSize}
              onChange={(e) => set('plaintextHeaderSize', e.target.value)}
              aria-invalid={invalidField === 'plaintextHeaderSize'}
              disabled={disabled}
            />
            {invalidField === 'plaintextHeaderSize' && <p className="field__error">{t('cipher.headerInvalid')}</p>}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-hmac`}>{t('cipher.hmacAlgorithm')}</label>
            <select
              id={`${id}-hmac`}
              className="input"
              value={form.hmacAlgorithm}
              onChange={(e) => set('hmacAlgorithm', e.target.value as CipherForm['hmacAlgorithm'])}
              disabled={disabled}
            >
              {CIPHER_ALGORITHMS.map((a) => (
                <option key={a} value={a}>{`HMAC-${a}`}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-kdfalg`}>{t('cipher.kdfAlgorithm')}</label>
            <select
              id={`${id}-kdfalg`}
              className="input"
              value={form.kdfAlgorithm}
              onChange={(e) => set('kdfAlgorithm', e.target.value as CipherForm['kdfAlgorithm'])}
              disabled={disabled}
            >
              {CIPHER_ALGORITHMS.map((a) => (
                <option key={a} value={a}>{`PBKDF2-HMAC-${a}`}</option>
              ))}
            </select>
          </div>
          <div className="field field--check">
            <label className="check">
              <input type="checkbox" checked={form.hmacUse} onChange={(e) => set('hmacUse', e.target.checked)} disabled={disabled} />
              <span>{t('cipher.hmacUse')}</span>
            </label>
          </div>
          <div className="field field--span">
            <button type="button" className="button button--link" onClick={() => onChange({ ...form, ...SQLCIPHER3_FORM })} disabled={disabled}>
              {t('cipher.fill3')}
            </button>
            <button type="button" className="button button--link" onClick={() => onChange({ ...DEFAULT_CIPHER_FORM, preset: 'custom' })} disabled={disabled}>
              {t('cipher.fill4')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
