import { useCallback, useEffect, useState } from 'react';
import type { AuditRecord, AuditVerdict } from '../../../../shared/disclosure/audit-entry';
import type { ApiError } from '../../../../shared/api/result';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage } from '../../components/error-message';
import { useExportText } from '../export/export-i18n';
import { PolicyPanel } from '../policy/policy-panel';
import { AuditTable } from './audit-table';

/**
 * The export audit log ("Uitvoerlogboek") of the open extract: every file and clipboard copy that
 * left the app, with the verdict of the hash chain, and the disclosure policy in force.
 */
export function ExportLogView() {
  const { xt } = useExportText();
  const [records, setRecords] = useState<AuditRecord[] | null>(null);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setBusy(true);
    setError(null);
    const [list, check] = await Promise.all([settle(() => verhuis().audit.list({})), settle(() => verhuis().audit.verify({}))]);
    setBusy(false);
    if (list.ok) setRecords(list.value.records);
    else setError(list.error);
    if (check.ok) setVerdict(check.value);
    else setError(check.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="export-log" data-testid="export-log-view" aria-labelledby="export-log-title">
      <div className="card">
        <h2 id="export-log-title" className="view-title">{xt('log.title')}</h2>
        <p className="card__lead">{xt('log.lead')}</p>
        <div className="input-row">
          <button type="button" className="button button--primary" onClick={() => void load()} disabled={busy} data-testid="audit-verify">
            {xt('log.verify')}
          </button>
          <button type="button" className="button" onClick={() => void load()} disabled={busy}>
            {xt('log.refresh')}
          </button>
        </div>
        {verdict && <VerdictMessage verdict={verdict} />}
        <ErrorMessage error={error} testId="export-log-error" />
        {records && records.length === 0 && <p className="field__hint" data-testid="export-log-empty">{xt('log.empty')}</p>}
        {records && records.length > 0 && <AuditTable records={records} />}
      </div>
      <PolicyPanel />
    </section>
  );
}

function VerdictMessage({ verdict }: { verdict: AuditVerdict }) {
  const { xt } = useExportText();
  if (verdict.ok)
    return (
      <div className="message message--success" role="status" data-testid="audit-verdict" data-ok="true">
        <div className="message__body">
          <p className="message__text">✓ {xt('log.verifyOk', { n: verdict.entries })}</p>
        </div>
      </div>
    );
  return (
    <div className="message message--error" role="alert" data-testid="audit-verdict" data-ok="false" data-broken-at={verdict.brokenAt ?? ''}>
      <div className="message__body">
        <p className="message__text">
          ✗ {xt('log.verifyBroken', { n: verdict.brokenAt ?? '?', problem: verdict.problem ? xt(`log.problem.${verdict.problem}`) : '?' })}
        </p>
      </div>
    </div>
  );
}
