import { alpha2Of } from '../../../shared/geo/countries';
import type { OutputLanguage } from './output-document';

/**
 * Sheet names and category labels of the fiche's composition tables in an export, so
 * that a workbook reads "Nationaliteit: Syrië (SYR)" rather than "nationality: SYR".
 */
type Labels = Record<OutputLanguage, string>;

const SHEETS: Record<string, Labels> = {
  nationality: { nl: 'Nationaliteit', fr: 'Nationalité', en: 'Nationality' },
  ageBand: { nl: 'Leeftijdsklasse', fr: "Classe d'âge", en: 'Age band' },
  sex: { nl: 'Geslacht', fr: 'Sexe', en: 'Sex' },
  status: { nl: 'Beschermingsstatus', fr: 'Statut de protection', en: 'Protection status' },
  kbiTargetStatus: { nl: 'Doelgroep inburgering', fr: 'Public cible intégration', en: 'Civic-integration target' },
};

const CATEGORIES: Record<string, Record<string, Labels>> = {
  sex: {
    M: { nl: 'Man', fr: 'Homme', en: 'Male' },
    F: { nl: 'Vrouw', fr: 'Femme', en: 'Female' },
    X: { nl: 'X', fr: 'X', en: 'X' },
  },
  status: {
    REFUGEE: { nl: 'Erkend vluchteling', fr: 'Réfugié reconnu', en: 'Recognised refugee' },
    SUBSIDIARY: { nl: 'Subsidiair beschermd', fr: 'Protection subsidiaire', en: 'Subsidiary protection' },
    OTHER: { nl: 'Geen bescherming (andere)', fr: 'Pas de protection (autre)', en: 'No protection (other)' },
  },
  kbiTargetStatus: {
    OBLIGED: { nl: 'Verplicht', fr: 'Obligé', en: 'Obliged' },
    ENTITLED: { nl: 'Rechthebbend', fr: 'Ayant droit', en: 'Entitled' },
    EXEMPT: { nl: 'Vrijgesteld', fr: 'Dispensé', en: 'Exempt' },
    NONE: { nl: 'Geen doelgroep', fr: 'Hors public cible', en: 'Not in target group' },
  },
  nationality: {
    STATELESS: { nl: 'staatloos', fr: 'apatride', en: 'stateless' },
    UNKNOWN: { nl: 'onbekend', fr: 'inconnu', en: 'unknown' },
  },
};

const LOCALE: Record<OutputLanguage, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-BE' };

export const compositionSheet = (key: string, lang: OutputLanguage): string => SHEETS[key]?.[lang] ?? key;

export function compositionCategory(key: string, category: string, lang: OutputLanguage): string {
  const fixed = CATEGORIES[key]?.[category]?.[lang];
  if (fixed) return fixed;
  if (key === 'nationality') {
    const alpha2 = alpha2Of(category);
    const name = alpha2 ? new Intl.DisplayNames([LOCALE[lang]], { type: 'region', fallback: 'none' }).of(alpha2) : undefined;
    return name ? `${name} (${category})` : category;
  }
  return category;
}
