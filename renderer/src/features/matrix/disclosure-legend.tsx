import type { CellFlags, ProtectReason } from './grid-rows';
import { countFlags } from './grid-rows';
import { type MatrixTextKey, useMatrixText } from './matrix-i18n';
import { formatCount } from '../../../../shared/format/number-format';
import type { ApiError } from '../../../../shared/api/result';
import type { DisclosureMethod } from '../../../../shared/disclosure/policy';
import type { ProtectedCounts } from '../../../../shared/disclosure/protection';
import { ErrorMessage } from '../../components/error-message';
import { useMatrixNotes } from './matrix-notes-i18n';

/** "primair: minder dan 10 personen" → "primair": the legend's short form (the rest is the tooltip). */
const shortLabel = (text: string): string => {
  const colon = text.indexOf(':');
  return colon > 0 ? text.slice(0, colon) : text;
};

/** The mark beside a protected cell; the legend explains each. */
export const PROTECT_SYMBOL: Record<ProtectReason, string> = { primary: '*', secondary: '†', class: '‡', rounded: '≈', linked: '§', perturbed: '±' };

const ORDER: ProtectReason[] = ['primary', 'secondary', 'class', 'linked', 'rounded', 'perturbed'];
const KEY: Record<ProtectReason, MatrixTextKey> = {
  primary: 'disclosure.primary',
  secondary: 'disclosure.secondary',
  class: 'disclosure.class',
  rounded: 'disclosure.rounded',
  linked: 'disclosure.linked',
  perturbed: 'disclosure.perturbed',
};

/** The reasons the legend lists: those of the method in force, and any other that occurs. */
const listed = (method: DisclosureMethod, reason: ProtectReason, count: number): boolean =>
  count > 0 || (reason === 'rounded' ? method === 'rounding' : reason === 'perturbed' ? method === 'perturbation' : reason === 'linked' ? false : method === 'suppression');

interface Props {
  flags: CellFlags | null;
  /** The policy's threshold (persons), shown in the primary rule. */
  threshold: number;
  method: DisclosureMethod;
  roundingBase: number | null;
  /** The ptable's D and variance of a perturbed table. */
  perturbation?: ProtectedCounts['perturbation'] | null;
  /** False while the preview is pending or failed: the legend says cells are not marked. */
  available: boolean;
  error: ApiError | null;
  /** Audit numbers of the earlier releases that linked cells conflict with. */
  linkedReleases?: number[];
}

/** Explains the hatched cells of the matrix table: what each mark means and how many there are. */
export function DisclosureLegend({ flags, threshold, method, roundingBase, perturbation, available, error, linkedReleases = [] }: Props) {
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
            title={method === 'rounding' ? mt('disclosure.methodRounding', { t: threshold, base: roundingBase ?? '' }) : method === 'perturbation' ? mt('disclosure.methodPerturbation', { d: perturbation?.maxNoise ?? '', v: formatCount(perturbation?.variance ?? 0, lang) }) : mt('disclosure.methodSuppression', { t: threshold })}
          >
            {method === 'rounding'
              ? nt('legend.rounding', { t: threshold, base: roundingBase ?? '' })
              : method === 'perturbation'
                ? mt('disclosure.methodPerturbation', { d: perturbation?.maxNoise ?? '', v: formatCount(perturbation?.variance ?? 0, lang) })
                : nt('legend.suppression', { t: threshold })}
          </span>
          <ul className="disclosure-legend__items">
            {ORDER.filter((r) => listed(method, r, counts[r])).map((reason) => (
              <li key={reason} data-reason={reason} data-count={counts[reason]} title={mt(KEY[reason], { t: threshold, d: perturbation?.maxNoise ?? '', releases: linkedReleases.map((n) => `#${n}`).join(', ') })}>
                <span className={`disclosure-legend__swatch cell--protected cell--protected-${reason}`} aria-hidden="true" />
                <span>
                  {PROTECT_SYMBOL[reason]} {shortLabel(mt(KEY[reason], { t: threshold, d: perturbation?.maxNoise ?? '', releases: '' }))} ({formatCount(counts[reason], lang)})
                </span>
              </li>
            ))}
          </ul>
          {/* "[c]" only where cells are left empty: under rounding and perturbation nothing is. */}
          <span className="disclosure-legend__note" data-testid="disclosure-count" title={total > 0 ? mt('disclosure.note') : undefined}>
            {method === 'perturbation' && total === 0 ? mt('disclosure.notePerturbation') : method === 'rounding' && total === 0 ? nt('legend.roundedNote') : nt('legend.suppressed', { n: formatCount(total, lang) })}
          </span>
        </>
      )}
    </aside>
  );
}
