import type { CrosstabResult } from '../../../../shared/api/methods/crosstab';
import { measureValue, type CrosstabMeasure } from '../../../../shared/crosstab/crosstab-measures';
import type { ProtectedCounts } from '../../../../shared/disclosure/protection';
import { formatCount, formatPercent } from '../../../../shared/format/number-format';
import { protectedClass } from '../profile/protected-cell';
import { useProfileText } from '../profile/profile-i18n';

interface Props {
  result: CrosstabResult;
  layer: number;
  measure: CrosstabMeasure;
  /** This layer after disclosure control, or null while it is computed. */
  protectedTable: ProtectedCounts | null;
}

/** One layer of the cross-tab with its totals; cells that will be protected on export are hatched and marked. */
export function CrosstabTable({ result, layer, measure, protectedTable }: Props) {
  const { lang, pt } = useProfileText();
  const t = result.layers[layer].table;
  const label = (c: { nl: string; en: string }) => (lang === 'en' ? c.en : c.nl);
  const show = (r: number, c: number) => {
    const v = measureValue(t, r, c, measure);
    return measure === 'counts' ? formatCount(v, lang) : Number.isNaN(v) ? '–' : formatPercent(v, lang);
  };
  const p = protectedTable && protectedTable.rows === t.rows && protectedTable.cols === t.cols ? protectedTable : null;
  return (
    <div className="crosstab-scroll" data-copy-guard="">
      <table className="crosstab-table" data-testid="crosstab-table" data-rows={t.rows} data-cols={t.cols} data-marked={p ? 'true' : 'false'}>
        <thead>
          <tr>
            <th scope="col">{`${label(result.labels.rows)} \\ ${label(result.labels.cols)}`}</th>
            {result.colCategories.map((c) => (
              <th scope="col" key={c.code} className="num" data-code={c.code}>
                {label(c)}
              </th>
            ))}
            <th scope="col" className="num total">{pt('crosstab.total')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rowCategories.map((rc, r) => (
            <tr key={rc.code} data-code={rc.code}>
              <th scope="row">{label(rc)}</th>
              {result.colCategories.map((cc, c) => (
                <td key={cc.code} className={`num${protectedClass(p?.cellStatus[r * t.cols + c])}`} data-count={t.counts[r * t.cols + c]} data-status={p?.cellStatus[r * t.cols + c] ?? ''}>
                  {show(r, c)}
                </td>
              ))}
              <td className={`num total${protectedClass(p?.rowStatus[r])}`} data-status={p?.rowStatus[r] ?? ''}>{show(r, t.cols)}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{pt('crosstab.total')}</th>
            {result.colCategories.map((cc, c) => (
              <td key={cc.code} className={`num total${protectedClass(p?.colStatus[c])}`} data-status={p?.colStatus[c] ?? ''}>{show(t.rows, c)}</td>
            ))}
            <td className={`num total${protectedClass(p?.totalStatus)}`} data-status={p?.totalStatus ?? ''}>{show(t.rows, t.cols)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
