import { createContext, useContext } from 'react';
import { formatCount } from '../../../../shared/format/number-format';
import { useI18n } from '../../i18n/i18n';
import { type CohortLabel, cohortWords } from './cohort-identity';

/** The working cohort's label, provided by the app to every view that shows or exports it. */
export const CohortLabelContext = createContext<CohortLabel | null>(null);
export const useCohortLabel = (): CohortLabel | null => useContext(CohortLabelContext);

const TITLE = { nl: 'Cohort', en: 'Cohort' } as const;

/**
 * One line that says which cohort a view shows: its name (or "naamloos"), "gewijzigd" when
 * it differs from the saved or imported definition, "recept, niet bewaard" for a recipe that
 * was read but not saved, the size when known, and the summary of its filters.
 */
export function CohortBadge({ persons, testId = 'cohort-badge' }: { persons?: number | null; testId?: string }) {
  const label = useCohortLabel();
  const { lang } = useI18n();
  if (!label) return null;
  const w = cohortWords(lang);
  return (
    <p className="cohort-badge" data-testid={testId} data-named={label.named} data-modified={label.modified} data-source={label.source ?? ''}>
      <span className="cohort-badge__title">{TITLE[lang]}:</span>{' '}
      <strong className={label.named ? 'cohort-badge__name' : 'cohort-badge__name cohort-badge__name--unnamed'} data-testid={`${testId}-name`}>
        {label.named ? `“${label.name}”` : label.name}
      </strong>
      {label.source === 'recipe' && <span className="cohort-badge__flag cohort-badge__flag--recipe">{w.recipe}</span>}
      {label.modified && <span className="cohort-badge__flag" data-testid={`${testId}-modified`}>{w.modified}</span>}
      {persons !== undefined && persons !== null && <span className="cohort-badge__n">n = {formatCount(persons, lang)}</span>}
      <span className="cohort-badge__summary" data-testid={`${testId}-summary`} title={label.summary}>{label.summary}</span>
    </p>
  );
}
