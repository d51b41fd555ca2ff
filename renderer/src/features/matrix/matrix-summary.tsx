import type { MatrixResult } from '../../../../shared/matrix/matrix-definition';
import { formatCount, formatDate, formatDuration } from '../../../../shared/format/number-format';
import { Notice } from '../../components/error-message';
import { useMatrixNotes } from './matrix-notes-i18n';
import { datesUsed, exclusionsOf } from './matrix-summary-text';

/**
 * Under the controls: the dates the matrix used, its counts, who the follow-up window left
 * out and why, and a plain "empty" when nobody is counted (so zeros never pass for data).
 */
export function MatrixSummary({ result }: { result: MatrixResult }) {
  const { lang, nt } = useMatrixNotes();
  const moves = result.definition.kind === 'all-moves';
  const ex = exclusionsOf(result);
  const c = (n: number) => formatCount(n, lang);
  return (
    <div className="matrix-summary" data-testid="matrix-summary">
      <p className="matrix-summary__line">
        <span data-testid="matrix-dates-used">{datesUsed(result.definition, result.referenceDate, lang)}</span>
        {' · '}
        {nt(moves ? 'countsMoves' : 'counts', {
          cohort: c(result.cohortSize),
          persons: c(result.distinctPersons),
          total: c(result.total),
          ms: formatDuration(result.computeMs, lang),
        })}
      </p>
      {ex && (
        <Notice kind="warning" testId="matrix-excluded">
          <p>
            <strong>{nt('excluded.title', { n: c(ex.total), cohort: c(result.cohortSize), m: ex.months })}</strong>
          </p>
          <ul className="matrix-summary__reasons">
            {ex.windowOpen > 0 && (
              <li data-testid="matrix-excluded-open" data-count={ex.windowOpen}>
                {nt('excluded.open', { n: c(ex.windowOpen), reference: formatDate(result.referenceDate, lang), cutoff: formatDate(ex.cutoff, lang) })}
              </li>
            )}
            {ex.noDecision > 0 && (
              <li data-testid="matrix-excluded-no-decision" data-count={ex.noDecision}>
                {nt('excluded.noDecision', { n: c(ex.noDecision) })}
              </li>
            )}
          </ul>
          <p>{nt('excluded.advice')}</p>
        </Notice>
      )}
      {result.total === 0 && result.cohortSize > 0 && (
        <p className="field__hint matrix-summary__empty" data-testid="matrix-empty">
          {nt('empty.matrix')}
        </p>
      )}
    </div>
  );
}
