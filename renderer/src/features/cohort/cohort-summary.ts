import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { UiLanguage } from '../../../../shared/api/localized';
import { formatDate } from '../../../../shared/format/number-format';
import { nationalityLabel } from '../../../../shared/format/nationality-name';
import { translate, type MessageKey } from '../../i18n/i18n';

/**
 * A saved cohort in one short line, for the library: "Erkend vluchteling · 2016 · Syrië (SYR) ·
 * Vrouw · 25-34". Only the fields that restrict it; long lists are shortened.
 */
export function cohortSummary(def: CohortDefinition, lang: UiLanguage): string {
  const t = (key: string) => translate(lang, key as MessageKey);
  const list = (xs: readonly string[], label: (x: string) => string) => (xs.length > 3 ? `${xs.slice(0, 3).map(label).join(', ')} +${xs.length - 3}` : xs.map(label).join(', '));
  const parts: string[] = [];
  if (def.status.length) parts.push(list(def.status, (s) => t(`status.${s}`)));
  if (def.decisionYears.length) parts.push(list([...def.decisionYears].sort().map(String), (y) => y));
  if (def.decisionDate) parts.push(`${def.decisionDate.from ? formatDate(def.decisionDate.from, lang) : '…'} – ${def.decisionDate.to ? formatDate(def.decisionDate.to, lang) : '…'}`);
  if (def.nationalities.length) parts.push(list(def.nationalities, (n) => nationalityLabel(n, lang)));
  if (def.sexes.length) parts.push(list(def.sexes, (s) => t(`sex.${s}`)));
  if (def.ageBands.length) parts.push(list(def.ageBands, (b) => b));
  if (def.ageRange) parts.push(`${def.ageRange.min}–${def.ageRange.max} ${t('cohort.years')}`);
  if (def.applicationYears.length) parts.push(`${t('cohort.applicationYears')}: ${list(def.applicationYears.map(String), (y) => y)}`);
  const more = [def.geoAtDecision, def.geoAtReference, def.trajectoryStarted, def.attestationObtained].filter((v) => v !== null).length + (def.kbiTargetStatus.length ? 1 : 0) + (def.nt2Reached.length ? 1 : 0);
  if (more) parts.push(translate(lang, 'library.moreFilters', { n: more }));
  return parts.length ? parts.join(' · ') : translate(lang, 'library.everyone');
}
