import { textDictionary } from '../../i18n/text-dictionary';
import type { UiLanguage } from '../../../../shared/api/localized';
import { formatCount } from '../../../../shared/format/number-format';

/** Texts of the fiche's title, cohort line, empty state and net change. */
const nl = {
  'fiche.title.municipality': 'Gemeentefiche',
  'fiche.title.arrondissement': 'Arrondissementsfiche',
  'fiche.empty': 'Niemand van dit cohort woonde hier bij de beslissing of woont hier op de referentiedatum. Kies een ander gebied of verruim het cohort.',
  'fiche.net': 'Netto verschil',
  'fiche.netMore': '{n} meer',
  'fiche.netFewer': '{n} minder',
  'fiche.netSame': 'evenveel',
  'fiche.netHint': 'woont er nu, tegenover bij de beslissing',
} as const;

export type FicheTextKey = keyof typeof nl;

const en: Record<FicheTextKey, string> = {
  'fiche.title.municipality': 'Municipality profile',
  'fiche.title.arrondissement': 'Arrondissement profile',
  'fiche.empty': 'Nobody of this cohort lived here at the decision or lives here on the reference date. Choose another area or widen the cohort.',
  'fiche.net': 'Net change',
  'fiche.netMore': '{n} more',
  'fiche.netFewer': '{n} fewer',
  'fiche.netSame': 'no change',
  'fiche.netHint': 'living there now, against at the decision',
};

export const FICHE_TEXTS = { nl, en };

const dictionary = textDictionary(FICHE_TEXTS, 'ft');
export const ficheText = dictionary.text;

/** "12 meer", "12 minder", "evenveel": the net gain in words, not "−12". */
export const netPhrase = (net: number, lang: UiLanguage): string =>
  net > 0 ? ficheText(lang, 'fiche.netMore', { n: formatCount(net, lang) }) : net < 0 ? ficheText(lang, 'fiche.netFewer', { n: formatCount(-net, lang) }) : ficheText(lang, 'fiche.netSame');

export const useFicheText = dictionary.useText;
