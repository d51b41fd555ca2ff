import type { CellFlags, ProtectReason } from './grid-rows';
import { countFlags } from './grid-rows';
import { type MatrixTextKey, useMatrixText } from './matrix-i18n';
import { formatCount } from '../../../../shared/format/number-format';
import type { ApiError } from '../../../../shared/api/result';
import type { DisclosureMethod } from '../../../../shared/disclosure/policy';
import { ErrorMessage } from '../../components/error-message';
import { useMatrixNotes } from './matrix-notes-i18n';

/** "primair: minder dan 10 personen" → "primair": the legend's short form (the rest is the tooltip). */
const shortLabel = (text: string): string => {
  const colon = text.indexOf(':');
  return colon > 0 ? text.slice(0, colon) : text;
};

/** The mark beside a protected cell; the legend explains each. */
export const PROTECT_SYMBOL: Record<ProtectReason, string> = { primary: '*', secondary: '†', class: '‡', rounded: '≈', linked: '§' };

const ORDER: ProtectReason[] = ['primary', 'secondary', 'class', 'linked', 'rounded'];
const KEY: Record<ProtectReason, MatrixTextKey> = {
  primary: 'disclosure.primary',
  secondary: 'disclosure.secondary',
  class: 'disclosure.class',
  rounded: 'disclosure.rounded',
  linked: 'disclosure.linked',
};

interface Props {
  flags: CellFlags | null;
  /** The policy's threshold (persons), shown in the primary rule. */
  threshold: number;
  method: DisclosureMethod;
  roundingBase: number | null;
  /** False while the preview is pending or failed: the legend says cells are not marked. */
  available: boolean;
  error: ApiError | null;
  /** Audit numbers of the earlier releases that linked cells conflict with. */
  linkedReleases?: number[];
}

/** Explains the hatched cells of the matrix table: what each mark means and how many there are. */
export function DisclosureLegend({ flags, threshold, method, roundingBase, available, error, linkedReleases = [] }: Props) {
  const { lang, mt } = useMatrixText();
  const { nt } = useMatrixNotes();
  const counts = countFlags(flags);
  // Suppressed cells only: rounded cells are published (rounded), not left empty.
  const total = counts.primary + counts.secondary + counts.class + counts.linked;
  return (
    <aside className="disclosure-legend" data-testid="disclosure-legend" aria-label={mt('disclosure.legendTitle')}>
      <strong>{mt('disclosure.legendTitle')}</strong>
      {error ? (
        <ErrorMessage error={error} testId="disclosure-error" />
      ) : !available ? (
        <span className="disclosure-legend__note">{mt('disclosure.unavailable')}</span>
      ) : (
        <>
          {/* One compact line; the full wording of each item is its tooltip and in "Uitleg". */}
          <span
            className="disclosure-legend__note"
            data-testid="disclosure-method"
            title={method === 'rounding' ? mt('disclosure.methodRounding', { t: threshold, base: roundingBase ?? '' }) : mt('disclosure.methodSuppression', { t: threshold })}
          >
            {method === 'rounding' ? nt('legend.rounding', { t: threshold, base: roundingBase ?? '' }) : nt('legend.suppression', { t: threshold })}
          </span>
          <ul className="disclosure-legend__items">
            {ORDER.filter((r) => (method === 'rounding' ? r === 'rounded' || counts[r] > 0 : r !== 'rounded' || counts.rounded > 0)).map((reason) => (
              <li key={reason} data-reason={reason} data-count={counts[reason]} title={mt(KEY[reason], { t: threshold, releases: linkedReleases.map((n) => `#${n}`).join(', ') })}>
                <span className={`disclosure-legend__swatch cell--protected cell--protected-${reason}`} aria-hidden="true" />
                <span>
                  {PROTECT_SYMBOL[reason]} {shortLabel(mt(KEY[reason], { t: threshold, releases: '' }))} ({formatCount(counts[reason], lang)})
                </span>
              </li>
            ))}
          </ul>
          {/* "[c]" only where cells are left empty: under rounding nothing is. */}
          <span className="disclosure-legend__note" data-testid="disclosure-count" title={total > 0 ? mt('disclosure.note') : undefined}>
            {method === 'rounding' && total === 0 ? nt('legend.roundedNote') : nt('legend.suppressed', { n: formatCount(total, lang) })}
          </span>
        </>
      )}
    </aside>
  );
}
