import { cohortSummary } from '../../../shared/cohort/cohort-summary';
import type { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import type { OutputLanguage } from './output-document';

/**
 * The cohort's name and one-line summary as an export records them (Metadata sheet, audit
 * entry). The name comes from the analyst (saved name, "(gewijzigd)" when changed since; none
 * for an unnamed cohort); the summary is computed here from the definition that was released,
 * so it always describes the persons actually counted.
 */
export interface CohortIdentityRecord {
  cohortName: string;
  cohortSummary: string;
}

const UNNAMED = { nl: 'naamloos', en: 'unnamed' } as const;

export function cohortIdentity(cohort: CohortDefinition, name: string | null | undefined, language: OutputLanguage): CohortIdentityRecord {
  const lang = language === 'en' ? 'en' : 'nl';
  const trimmed = name?.trim();
  return { cohortName: trimmed ? trimmed : UNNAMED[lang], cohortSummary: cohortSummary(cohort, lang) };
}

const LABELS = {
  nl: { name: 'Cohortnaam', summary: 'Cohort (samenvatting)' },
  en: { name: 'Cohort name', summary: 'Cohort summary' },
} as const;

/** The Metadata rows, inserted before the cohort's own row(s) so a reader meets the name first. */
export function withCohortIdentityRows(
  rows: Array<[string, string | number]>,
  id: CohortIdentityRecord,
  language: OutputLanguage,
): Array<[string, string | number]> {
  const L = LABELS[language === 'en' ? 'en' : 'nl'];
  const added: Array<[string, string | number]> = [
    [L.name, id.cohortName],
    [L.summary, id.cohortSummary],
  ];
  const at = rows.findIndex(([label]) => label === 'Cohort');
  return at < 0 ? [...added, ...rows] : [...rows.slice(0, at), ...added, ...rows.slice(at)];
}
