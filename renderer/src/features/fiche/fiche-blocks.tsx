import type { Fiche } from '../../../../shared/api/methods/matrix';
import type { Area } from '../../../../shared/geo/area-level';
import { AGE_BANDS } from '../../../../shared/cohort/cohort-definition';
import { formatCount, formatPercent } from '../../../../shared/format/number-format';
import { nationalityLabel } from '../../../../shared/format/nationality-name';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { type MatrixTextKey, useMatrixText } from '../matrix/matrix-i18n';
import { areaName } from '../matrix/area-order';

const TOP = 10;

const ageRank = (key: string): number => {
  const i = (AGE_BANDS as readonly string[]).indexOf(key);
  return i < 0 ? AGE_BANDS.length : i;
};

interface Row {
  key: string;
  label: string;
  persons: number;
}

/** Largest first, the tail summed into one "other" row so the block stays short. */
export function topRows(rows: Row[], top: number, otherLabel: string): Row[] {
  const sorted = [...rows].sort((a, b) => b.persons - a.persons || a.label.localeCompare(b.label));
  if (sorted.length <= top) return sorted;
  const rest = sorted.slice(top - 1).reduce((s, r) => s + r.persons, 0);
  return [...sorted.slice(0, top - 1), { key: '__other', label: otherLabel, persons: rest }];
}

function Block({ title, rows, testId }: { title: string; rows: Row[]; testId: string }) {
  const { lang, mt } = useMatrixText();
  const total = rows.reduce((s, r) => s + r.persons, 0);
  return (
    <section className="fiche-block" data-testid={testId}>
      <h3>{title}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col"> </th>
            <th scope="col" className="num">{mt('fiche.persons')}</th>
            <th scope="col" className="num">{mt('fiche.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td className="num">{formatCount(r.persons, lang)}</td>
              <td className="num">
                <span className="share-bar" style={{ width: `${total > 0 ? Math.round((32 * r.persons) / total) : 0}px` }} />
                {formatPercent(total > 0 ? r.persons / total : NaN, lang, 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The origins, destinations and composition tables of a fiche. */
export function FicheBlocks({ fiche }: { fiche: Fiche }) {
  const { mt } = useMatrixText();
  const { t, lang } = useI18n();
  const other = mt('fiche.other');
  const areaRows = (list: { area: Area; persons: number }[]): Row[] =>
    topRows(list.map((x) => ({ key: x.area.code, label: areaName(x.area, 'nl', lang), persons: x.persons })), TOP, other);
  const labelled = (prefix: string) => (list: { key: string; persons: number }[]): Row[] =>
    topRows(
      list.map((x) => {
        const k = `${prefix}.${x.key}` as MessageKey;
        const text = prefix ? t(k) : x.key;
        return { key: x.key, label: text === k ? x.key : text, persons: x.persons };
      }),
      TOP,
      other,
    );
  const c = fiche.composition;
  // Age bands read youngest to oldest, as in the published notes, not by size.
  const byAge = (rows: Row[]): Row[] => [...rows].sort((a, b) => ageRank(a.key) - ageRank(b.key));
  const blocks: [MatrixTextKey, Row[], string][] = [
    ['fiche.origins', areaRows(fiche.originsOfResidents), 'fiche-origins'],
    ['fiche.destinations', areaRows(fiche.destinationsOfDecided), 'fiche-destinations'],
    ['fiche.nationality', topRows(c.nationality.map((x) => ({ key: x.key, label: nationalityLabel(x.key, lang), persons: x.persons })), TOP, other), 'fiche-nationality'],
    ['fiche.ageBand', byAge(labelled('')(c.ageBand)), 'fiche-age'],
    ['fiche.sex', labelled('sex')(c.sex), 'fiche-sex'],
    ['fiche.status', labelled('status')(c.status), 'fiche-status'],
    ['fiche.kbiTargetStatus', labelled('kbi')(c.kbiTargetStatus), 'fiche-kbi'],
  ];
  return (
    <>
      <div className="fiche-grid">
        {blocks.map(([title, rows, id]) => (
          <Block key={id} title={mt(title)} rows={rows} testId={id} />
        ))}
      </div>
    </>
  );
}
