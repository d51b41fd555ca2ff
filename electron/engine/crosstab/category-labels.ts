import type { Category } from '../../../shared/crosstab/crosstab-definition';
import { OTHER_CODE, UNKNOWN_CODE } from '../../../shared/crosstab/crosstab-definition';

/** Labels of the fixed categories of the profile and cross-tab variables (NL, EN). */
const FIXED: Record<string, Record<string, [string, string]>> = {
  status: { REFUGEE: ['Erkend vluchteling', 'Recognised refugee'], SUBSIDIARY: ['Subsidiair beschermd', 'Subsidiary protection'], OTHER: ['Geen bescherming (andere)', 'No protection (other)'] },
  sex: { M: ['Man', 'Male'], F: ['Vrouw', 'Female'], X: ['X', 'X'] },
  kbiTarget: { OBLIGED: ['Verplicht', 'Obliged'], ENTITLED: ['Rechthebbend', 'Entitled'], EXEMPT: ['Vrijgesteld', 'Exempt'], NONE: ['Geen doelgroep', 'Not in target group'] },
  yesNo: { YES: ['Ja', 'Yes'], NO: ['Nee', 'No'] },
  nt2Level: { NONE: ['Geen niveau behaald', 'No level reached'] },
};

export const fixedCategory = (group: keyof typeof FIXED, code: string): Category => {
  const l = FIXED[group][code];
  return l ? { code, nl: l[0], en: l[1] } : { code, nl: code, en: code };
};

export const OTHER_CATEGORY: Category = { code: OTHER_CODE, nl: 'Andere', en: 'Other' };
export const UNKNOWN_CATEGORY: Category = { code: UNKNOWN_CODE, nl: 'Onbekend', en: 'Unknown' };

/** Variable names in outputs and sheet names. */
export const VARIABLE_LABELS: Record<string, [string, string]> = {
  status: ['Beschermingsstatus', 'Protection status'],
  nationality: ['Nationaliteit', 'Nationality'],
  sex: ['Geslacht', 'Sex'],
  ageBand: ['Leeftijd bij beslissing', 'Age at decision'],
  decisionYear: ['Jaar van beslissing', 'Year of decision'],
  applicationYear: ['Jaar van aanvraag', 'Year of application'],
  kbiTarget: ['Doelgroep inburgering', 'Civic-integration target'],
  trajectoryStarted: ['Traject gestart', 'Trajectory started'],
  attestationObtained: ['Traject voltooid (attest)', 'Trajectory completed (certificate)'],
  nt2Level: ['Hoogste NT2-niveau', 'Highest NT2 level'],
  area: ['Gebied', 'Area'],
};

const LEVEL_LABELS: Record<string, [string, string]> = {
  municipality: ['Gemeente', 'Municipality'],
  arrondissement: ['Arrondissement', 'Arrondissement'],
  province: ['Provincie', 'Province'],
  region: ['Gewest', 'Region'],
};

/** "Gewest bij beslissing (2019)" / "Region at decision (2019)". */
export function areaVariableLabel(level: string, at: 'decision' | 'reference' | 'date', date: string | null, vintage: string, lang: 'nl' | 'en'): string {
  const l = LEVEL_LABELS[level][lang === 'nl' ? 0 : 1];
  const when =
    at === 'decision' ? (lang === 'nl' ? 'bij beslissing' : 'at decision') : at === 'reference' ? (lang === 'nl' ? 'op referentiedatum' : 'on reference date') : `${lang === 'nl' ? 'op' : 'on'} ${date}`;
  return `${l} ${when} (${vintage})`;
}
