import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/result';
import { publishedCount, type QualityReport } from '../../../../shared/quality/quality-report';
import { QUALITY_RULES } from '../../../../shared/quality/quality-rules';
import { formatCount, formatDuration } from '../../../../shared/format/number-format';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage } from '../../components/error-message';
import { QualityExport } from './quality-export';
import { useQualityText } from './quality-i18n';

/**
 * The data-quality report of the open extract on the overview: one row per check with persons,
 * records and the matrix rule that applies (with its section of docs/matrix-definitions.md).
 * Counts below the threshold are shown as "< T", as every output prints them.
 */
export function QualityPanel({ extractId }: { extractId: string }) {
  const { lang, qt } = useQualityText();
  const [report, setReport] = useState<QualityReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    setReport(null);
    setError(null);
    void settle(() => verhuis().quality.report({})).then((r) => {
      if (!live) return;
      if (r.ok) setReport(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [extractId]);

  const shown = (n: number | null, t: number) => {
    if (n === null) return '';
    const p = publishedCount(n, t);
    return typeof p === 'string' ? p : formatCount(p, lang);
  };

  return (
    // Open after an extract is opened; the analyst may fold it away to give the browse grid room.
    <details className="card quality" open data-testid="quality-panel">
      <summary className="quality__title">
        {qt('quality.title')}
        {report && <span className="quality__found"> — {qt('quality.found', { n: report.items.filter((i) => i.persons > 0).length, all: report.items.length })}</span>}
      </summary>
      {!report && !error && <p className="field__hint" role="status">{qt('quality.loading')}</p>}
      <ErrorMessage error={error} testId="quality-error" />
      {report && (
        <>
          <p className="field__hint">
            {qt('quality.intro', { max: report.threshold - 1, t: report.threshold })}{' '}
            {qt('quality.total', { persons: formatCount(report.persons, lang), records: formatCount(report.residenceRecords, lang), ms: formatDuration(report.computeMs, lang) })}
          </p>
          {/* Focusable so the keyboard can scroll the checks. */}
          <div className="quality__scroll" tabIndex={0} role="region" aria-label={qt('quality.title')}>
          <table className="data-table quality__table" data-testid="quality-table">
            <thead>
              <tr>
                <th scope="col">{qt('quality.check')}</th>
                <th scope="col" className="num">{qt('quality.persons')}</th>
                <th scope="col" className="num">{qt('quality.records')}</th>
                <th scope="col">{qt('quality.rule')}</th>
              </tr>
            </thead>
            <tbody>
              {/* Checks that found something first; the export keeps the report's order. */}
              {[...report.items].sort((a, b) => Number(b.persons > 0) - Number(a.persons > 0)).map((i) => {
                const rule = QUALITY_RULES[i.check];
                return (
                  <tr key={i.check} data-check={i.check} className={i.persons > 0 ? 'quality__row--found' : undefined}>
                    <th scope="row">{rule.label[lang]}</th>
                    <td className="num" data-testid={`quality-${i.check}-persons`}>{shown(i.persons, report.threshold)}</td>
                    <td className="num">{shown(i.records, report.threshold)}</td>
                    <td>
                      {rule.rule[lang]} <span className="quality__section">{rule.section}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
          <QualityExport />
        </>
      )}
    </details>
  );
}
