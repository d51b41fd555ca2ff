import type { UiLanguage } from '../../../../shared/api/localized';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import { cohortSummary } from '../../../../shared/cohort/cohort-summary';
import { sameDefinition } from './cohort-model';

/**
 * Where the working cohort came from: a saved cohort of the library, or a recipe file that
 * was read but not saved. `base` is the definition as loaded or saved: any difference from it
 * makes the cohort "gewijzigd", so a changed cohort never passes for the saved one.
 */
export interface CohortIdentity {
  name: string;
  source: 'saved' | 'recipe';
  base: CohortDefinition;
}

export interface CohortLabel {
  /** The name, or "naamloos" / "unnamed". */
  name: string;
  named: boolean;
  modified: boolean;
  source: CohortIdentity['source'] | null;
  summary: string;
}

const WORDS = {
  nl: { unnamed: 'naamloos', modified: 'gewijzigd', recipe: 'recept, niet bewaard' },
  en: { unnamed: 'unnamed', modified: 'modified', recipe: 'recipe, not saved' },
} as const;

export function cohortLabel(identity: CohortIdentity | null, current: CohortDefinition, lang: UiLanguage): CohortLabel {
  return {
    name: identity ? identity.name : WORDS[lang].unnamed,
    named: identity !== null,
    modified: identity !== null && !sameDefinition(identity.base, current),
    source: identity?.source ?? null,
    summary: cohortSummary(current, lang),
  };
}

/** The name as the Metadata sheet and the audit log record it: "naam (gewijzigd)", "naamloos". */
export function cohortNameForRecord(label: CohortLabel, lang: UiLanguage): string {
  const w = WORDS[lang];
  const notes = [label.source === 'recipe' ? w.recipe : null, label.modified ? w.modified : null].filter((n) => n !== null);
  return notes.length > 0 ? `${label.name} (${notes.join(', ')})` : label.name;
}

export const cohortWords = (lang: UiLanguage) => WORDS[lang];
