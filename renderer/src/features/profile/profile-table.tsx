import type { Category } from '../../../../shared/crosstab/crosstab-definition';
import type { ProtectedCounts } from '../../../../shared/disclosure/protection';
import { formatCount, formatPercent } from '../../../../shared/format/number-format';
import { protectedClass } from './protected-cell';
import { useProfileText } from './profile-i18n';

interface Props {
  tableKey: string;
  title: string;
  categories: Category[];
  counts: number[];
  /** The same table after disclosure control (one row), or null while it is computed. */
  protectedTable: ProtectedCounts | null;
}

/** One profile table: category, persons, share, and a bar per category (widths relative to the largest). */
export function ProfileTable({ tableKey, title, categories, counts, protectedTable, }: Props) {
  const { lang, pt } = useProfileText();
  const total = counts.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...counts);
  return (
    <section className="profile-table" data-testid={`profile-${tableKey}`}>
      <h3 className="profile-table__title">{title}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{pt('profile.category')}</th>
            <th scope="col" className="num">{pt('profile.persons')}</th>
            <th scope="col" className="num">{pt('profile.share')}</th>
            <th scope="col" aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {categories.map((c, i) => (
            <tr key={c.code} data-code={c.code}>
              <th scope="row">{lang === 'en' ? c.en : c.nl}</th>
              <td className={`num${protectedClass(protectedTable?.cellStatus[i])}`} data-count={counts[i]} data-status={protectedTable?.cellStatus[i] ?? ''}>
                {formatCount(counts[i], lang)}
              </td>
              <td className="num" data-share={total ? counts[i] / total : ''}>{total ? formatPercent(counts[i] / total, lang) : '–'}</td>
              <td className="profile-bar-cell" aria-hidden="true">
                <span className="profile-bar" style={{ width: `${(100 * counts[i]) / max}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{pt('crosstab.total')}</th>
            <td className={`num${protectedClass(protectedTable?.totalStatus)}`}>{formatCount(total, lang)}</td>
            <td className="num">{total ? formatPercent(1, lang) : '–'}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
