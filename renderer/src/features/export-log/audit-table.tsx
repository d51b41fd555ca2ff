import type { AuditRecord } from '../../../../shared/disclosure/audit-entry';
import { formatCount, localeOf } from '../../../../shared/format/number-format';
import { useExportText } from '../export/export-i18n';
import { methodLabel } from '../policy/policy-panel';
import { useMatrixText, type MatrixTextKey } from '../matrix/matrix-i18n';
import { cohortBrief } from './cohort-brief';

/** One row per output (and one per release that failed after it was recorded), newest first. The SHA-256 is shown whole (monospace) so it can be compared with the file's. */
export function AuditTable({ records }: { records: AuditRecord[] }) {
  const { lang, xt } = useExportText();
  const { mt } = useMatrixText();
  const time = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(localeOf(lang), { dateStyle: 'short', timeStyle: 'medium' });
  };
  const table = (r: AuditRecord): string => {
    const t = r.entry.table;
    if (t.kind === 'fiche') return xt('log.fiche', { area: t.areaCode, level: t.level, vintage: t.vintage });
    if (t.kind === 'profile') return xt('log.profile');
    if (t.kind === 'crosstab') return xt('log.crosstab', { rows: t.definition.rows.var, cols: t.definition.cols.var, layers: t.definition.layers ? ` × ${t.definition.layers.var}` : '' });
    if (t.kind === 'recipe') return xt('log.recipe', { name: t.name });
    if (t.kind === 'quality') return xt('log.quality');
    const d = t.definition;
    const what = xt('log.matrix', { kind: mt(`matrix.kind.${d.kind}` as MatrixTextKey).split(' (')[0]!, level: mt(`level.${d.level}` as MatrixTextKey).toLowerCase(), vintage: d.vintage });
    // What the file held besides counts: a percentage measure, or a chart of the table.
    const extra = r.entry.chart ? xt(`log.chart.${r.entry.chart}`) : r.entry.measure && r.entry.measure !== 'counts' ? xt(`log.measure.${r.entry.measure}`) : null;
    return extra ? `${what} — ${extra}` : what;
  };
  return (
    <div className="audit-table-wrap">
      <table className="audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{xt('log.seq')}</th>
            <th scope="col">{xt('log.time')}</th>
            <th scope="col">{xt('log.user')}</th>
            <th scope="col">{xt('log.output')}</th>
            <th scope="col">{xt('log.file')}</th>
            <th scope="col">{xt('log.cohort')}</th>
            <th scope="col">{xt('log.sha')}</th>
            <th scope="col">{xt('log.table')}</th>
            <th scope="col">{xt('log.counts')}</th>
            <th scope="col">{xt('log.policy')}</th>
            <th scope="col">{xt('log.against')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => {
            const c = r.entry.counts.protected;
            const p = r.entry.policy;
            return (
              <tr key={r.seq} data-seq={r.seq} data-sha256={r.entry.sha256} data-file={r.entry.fileName ?? ''} data-status={r.entry.status ?? 'released'}>
                <td className="num">{r.seq}</td>
                <td>{time(r.entry.time)}</td>
                <td>{r.entry.user}</td>
                <td>{r.entry.output === 'clipboard' ? xt('log.clipboard') : r.entry.output === 'recipe' ? 'JSON' : r.entry.output.toUpperCase()}{r.entry.channel === 'cli' ? ' (CLI)' : ''}</td>
                <td className="audit-table__file" data-path={r.entry.path ?? ''}>
                  {r.entry.path ?? r.entry.fileName ?? '—'}
                  {r.entry.status === 'failed' ? ` (${xt('log.failed', { seq: r.entry.releaseSeq ?? '?' })})` : ''}
                </td>
                <td className="audit-table__cohort" data-testid="audit-cohort">{cohortBrief(r.entry.cohort, lang)}</td>
                <td className="audit-table__sha" title={r.entry.sha256}>{r.entry.sha256}</td>
                <td>{table(r)}</td>
                <td className="num">
                  {[c.primary, c.secondary, c.class, c.linked ?? 0, c.rounded, c.perturbed ?? 0].map((n) => formatCount(n, lang)).join(' / ')}
                </td>
                <td>{xt('log.policyValue', { t: p.threshold, method: methodLabel(p, xt).split(' (')[0]! })}</td>
                <td data-testid="audit-against">{r.entry.protectedAgainst?.length ? r.entry.protectedAgainst.map((n) => `#${n}`).join(', ') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
