import type { MessageKey } from '../i18n/i18n';

/** The main views, in the order of the navigation. */
export const VIEWS = ['overview', 'cohort', 'profile', 'crosstab', 'matrix', 'fiche', 'exportLog'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_LABEL: Record<View, MessageKey> = {
  overview: 'nav.overview',
  cohort: 'nav.cohort',
  profile: 'nav.profile',
  crosstab: 'nav.crosstab',
  matrix: 'nav.matrix',
  fiche: 'nav.fiche',
  exportLog: 'nav.exportLog',
};
