import { useEffect, useState, type FormEvent } from 'react';
import type { ActivePolicy, DisclosurePolicy } from '../../../../shared/disclosure/policy';
import type { ApiError } from '../../../../shared/api/result';
import { PERTURBATION_MAX_NOISE } from '../../../../shared/disclosure/protection';
import { ErrorMessage, Notice } from '../../components/error-message';
import { useExportText, type ExportTextKey } from '../export/export-i18n';
import type { Params } from '../../i18n/i18n';
import { tightenLimits, userChoices } from './policy-limits';
import { applyUserPolicy, usePolicy } from './use-policy';

/**
 * The disclosure policy in force and where it came from, with a form to make it stricter for
 * this extract. The form's controls cannot go below the administrator's values (or the defaults).
 */
export function PolicyPanel() {
  const { xt } = useExportText();
  const { policy: active, error } = usePolicy();
  return (
    <section className="card policy-panel" data-testid="policy-panel" aria-labelledby="policy-title">
      <h3 id="policy-title" className="card__subtitle">{xt('policy.title')}</h3>
      <ErrorMessage error={error} testId="policy-error" />
      {active && <PolicySummary active={active} />}
      {active && <TightenForm active={active} />}
    </section>
  );
}

type Xt = (key: ExportTextKey, params?: Params) => string;

/** The method in words, as the summary and the export log show it. */
export function methodLabel(p: Pick<DisclosurePolicy, 'method' | 'roundingBase'>, xt: Xt): string {
  if (p.method === 'rounding') return xt('policy.rounding', { base: p.roundingBase });
  if (p.method === 'perturbation') return xt('policy.perturbation', { d: PERTURBATION_MAX_NOISE });
  return xt('policy.suppression');
}

function PolicySummary({ active }: { active: ActivePolicy }) {
  const { xt } = useExportText();
  const p = active.policy;
  const yesNo = (b: boolean) => (b ? xt('policy.allowed') : xt('policy.forbidden'));
  const rows: [string, string, string][] = [
    ['threshold', xt('policy.threshold'), `T = ${p.threshold} — ${xt('policy.thresholdValue', { t: p.threshold })}`],
    ['method', xt('policy.method'), methodLabel(p, xt)],
    ['zeros', xt('policy.zeros'), p.zerosUnsafe ? xt('policy.zerosUnsafe') : xt('policy.zerosSafe')],
    ['csv', xt('policy.csv'), yesNo(p.allowCsv)],
    ['export', xt('policy.export'), yesNo(p.allowExport)],
    ['idle', xt('policy.idle'), xt('policy.idleValue', { m: p.idleLockMinutes })],
    [
      'source',
      xt('policy.source'),
      [active.adminFile ? xt('policy.sourceAdmin', { file: active.adminFile }) : xt('policy.sourceDefault'), active.user && Object.keys(active.user).length > 0 ? xt('policy.sourceUser') : null]
        .filter(Boolean)
        .join('; '),
    ],
  ];
  return (
    <>
      {active.adminError && (
        <div className="message message--error" role="alert" data-testid="policy-admin-error">
          <div className="message__body">{xt('policy.adminError', { issue: active.adminError })}</div>
        </div>
      )}
      <dl className="policy-summary">
        {rows.map(([key, label, value]) => (
          <div key={key} className="policy-summary__row" data-testid={`policy-${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function TightenForm({ active }: { active: ActivePolicy }) {
  const { xt } = useExportText();
  const limits = tightenLimits(active);
  const [form, setForm] = useState<DisclosurePolicy>(active.policy);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // A new answer from the engine (saved, or another screen changed it) resets the form to it.
  useEffect(() => setForm(active.policy), [active]);
  const set = <K extends keyof DisclosurePolicy>(key: K, value: DisclosurePolicy[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await applyUserPolicy(userChoices(active, form));
    setBusy(false);
    if (r.ok) setSaved(true);
    else setError(r.error);
  };
  return (
    <form className="policy-form" onSubmit={submit} aria-label={xt('policy.tighten')} data-testid="policy-form">
      <p className="field__hint policy-form__lead">{xt('policy.tightenLead')}</p>
      <div className="policy-form__grid">
        <label className="field">
          <span className="field__label">{xt('policy.threshold')}</span>
          <input
            type="number"
            className="input input--narrow"
            min={limits.minThreshold}
            max={1000}
            step={1}
            value={Number.isFinite(form.threshold) ? form.threshold : ''}
            onChange={(e) => set('threshold', e.target.valueAsNumber)}
            onBlur={() => set('threshold', Math.max(limits.minThreshold, Number.isFinite(form.threshold) ? form.threshold : limits.minThreshold))}
            data-testid="policy-threshold-input"
          />
          <span className="field__hint">{xt('policy.floor', { v: limits.minThreshold })}</span>
        </label>
        <label className="field">
          <span className="field__label">{xt('policy.method')}</span>
          <select className="input" value={form.method} disabled={limits.methodLocked} onChange={(e) => set('method', e.target.value as DisclosurePolicy['method'])} data-testid="policy-method-input">
            <option value="suppression">{xt('policy.suppression').split(' (')[0]}</option>
            <option value="rounding">{xt('policy.rounding', { base: form.roundingBase })}</option>
            <option value="perturbation">{xt('policy.perturbation', { d: PERTURBATION_MAX_NOISE }).split(' (')[0]}</option>
          </select>
          {limits.methodLocked && <span className="field__hint">{xt('policy.methodLocked')}</span>}
          {form.method === 'perturbation' && (
            <span className="field__hint" data-testid="policy-perturbation-hint">
              {xt('policy.perturbationHint', { d: PERTURBATION_MAX_NOISE })} {form.zerosUnsafe ? xt('policy.perturbationZeros') : ''}
            </span>
          )}
        </label>
        {form.method === 'rounding' && (
          <label className="field">
            <span className="field__label">{xt('policy.rounding', { base: '' }).trim()}</span>
            <select className="input input--narrow" value={form.roundingBase} onChange={(e) => set('roundingBase', Number(e.target.value) as 3 | 5)}>
              {limits.roundingBases.map((b) => (
                <option key={b} value={b}>{b}</option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span className="field__label">{xt('policy.zeros')}</span>
          <span className="input-row">
            <input type="checkbox" checked={form.zerosUnsafe} disabled={limits.zerosLocked} onChange={(e) => set('zerosUnsafe', e.target.checked)} data-testid="policy-zeros-input" />
            {xt('policy.zerosUnsafe')}
          </span>
        </label>
        <label className="field">
          <span className="field__label">{xt('policy.csv')}</span>
          <span className="input-row">
            <input type="checkbox" checked={form.allowCsv} disabled={limits.csvLocked} onChange={(e) => set('allowCsv', e.target.checked)} data-testid="policy-csv-input" />
            {xt('policy.allowed')}
          </span>
        </label>
        <label className="field">
          <span className="field__label">{xt('policy.idleField')}</span>
          <input
            type="number"
            className="input input--narrow"
            min={1}
            max={limits.maxIdleMinutes}
            step={1}
            value={Number.isFinite(form.idleLockMinutes) ? form.idleLockMinutes : ''}
            onChange={(e) => set('idleLockMinutes', e.target.valueAsNumber)}
            data-testid="policy-idle-input"
          />
          <span className="field__hint">{xt('policy.max', { v: limits.maxIdleMinutes })}</span>
        </label>
      </div>
      <div className="input-row">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="policy-save">{xt('policy.save')}</button>
      </div>
      {saved && <Notice kind="success" testId="policy-saved">{xt('policy.saved')}</Notice>}
      <ErrorMessage error={error} onDismiss={() => setError(null)} testId="policy-save-error" />
    </form>
  );
}
