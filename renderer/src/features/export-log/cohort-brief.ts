import type { UiLanguage } from '../../../../shared/api/localized';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import { translate, type MessageKey } from '../../i18n/i18n';

/** Fields shown in words; every other restriction is counted ("+2 filters"). */
const SHOWN = new Set(['version', 'status', 'decisionYears', 'nationalities', 'sexes', 'ageBands', 'ageRange']);

const years = (ys: number[]): string => {
  const s = [...ys].sort((a, b) => a - b);
  const contiguous = s.every((y, i) => i === 0 || y === s[i - 1] + 1);
  return contiguous && s.length > 2 ? `${s[0]}–${s[s.length - 1]}` : s.join(', ');
};

/**
 * The cohort of an export in one short line for the export log: status, decision years,
 * nationalities, sex and age, then how many other filters restrict it. The full definition
 * is in the audit entry (and the file's Metadata sheet).
 */
export function cohortBrief(c: CohortDefinition, lang: UiLanguage): string {
  const t = (key: string) => translate(lang, key as MessageKey);
  const parts: string[] = [];
  parts.push(c.status.length ? c.status.map((s) => t(`status.${s}`)).join(', ') : lang === 'en' ? 'everyone' : 'iedereen');
  if (c.decisionYears.length) parts.push(`${lang === 'en' ? 'decided' : 'beslist'} ${years(c.decisionYears)}`);
  if (c.nationalities.length) parts.push(c.nationalities.length > 4 ? `${c.nationalities.length} ${lang === 'en' ? 'nationalities' : 'nationaliteiten'}` : c.nationalities.join(', '));
  if (c.sexes.length) parts.push(c.sexes.map((s) => t(`sex.${s}`).toLowerCase()).join(', '));
  if (c.ageBands.length) parts.push(c.ageBands.join(', '));
  if (c.ageRange) parts.push(`${c.ageRange.min}–${c.ageRange.max} ${lang === 'en' ? 'years' : 'jaar'}`);
  let others = 0;
  for (const [k, v] of Object.entries(c)) {
    if (SHOWN.has(k) || v === null || (Array.isArray(v) && v.length === 0)) continue;
    others++;
  }
  if (others) parts.push(lang === 'en' ? `+${others} other filter${others > 1 ? 's' : ''}` : `+${others} andere filter${others > 1 ? 's' : ''}`);
  return parts.join(' · ');
}
