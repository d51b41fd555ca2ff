import { useCallback, useEffect, useState } from 'react';
import type { ImportIssue } from '../../../../shared/api/methods/import';
import type { ApiError } from '../../../../shared/api/result';
import { formatCount } from '../../../../shared/format/number-format';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage } from '../../components/error-message';
import { pick, useI18n } from '../../i18n/i18n';

const PAGE = 50;

/** The validation report of a failed import, one page at a time (file, line, column, message). */
export function ImportReport() {
  const { t, lang } = useI18n();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ issues: ImportIssue[]; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async (at: number) => {
    const r = await settle(() => verhuis().import.report({ offset: at, limit: PAGE }));
    if (r.ok) {
      setPage({ issues: r.value.issues, total: r.value.total });
      setOffset(at);
      setError(null);
    } else setError(r.error);
  }, []);

  useEffect(() => {
    void load(0);
  }, [load]);

  if (error) return <ErrorMessage error={error} />;
  if (!page) return <p className="field__hint">{t('common.loading')}</p>;
  const last = Math.min(offset + page.issues.length, page.total);
  return (
    <section className="import-report" data-testid="import-report" aria-labelledby="import-report-title">
      <h3 id="import-report-title" className="card__subtitle">{t('import.reportTitle')}</h3>
      <p className="field__hint">
        {t('import.reportRange', { from: formatCount(page.total === 0 ? 0 : offset + 1, lang), to: formatCount(last, lang), total: formatCount(page.total, lang) })}
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('import.colFile')}</th>
              <th scope="col" className="num">{t('import.colLine')}</th>
              <th scope="col">{t('import.colColumn')}</th>
              <th scope="col">{t('import.colMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {page.issues.map((issue, i) => (
              <tr key={`${offset + i}`}>
                <td>{issue.file}</td>
                <td className="num">{formatCount(issue.line, lang)}</td>
                <td><code>{issue.column}</code></td>
                <td>{pick(issue.message, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button type="button" className="button" onClick={() => void load(Math.max(0, offset - PAGE))} disabled={offset === 0}>
          {t('common.previous')}
        </button>
        <button type="button" className="button" onClick={() => void load(offset + PAGE)} disabled={last >= page.total} data-testid="import-report-next">
          {t('common.next')}
        </button>
      </div>
    </section>
  );
}
