import type { MatrixDefinition, MatrixKind } from './matrix-definition';

/**
 * What the rows, the columns and the diagonal of a matrix mean, per definition: the corner
 * label of a table, the name of the diagonal ("stayers" only where the diagonal counts
 * persons who stayed) and of its share of the row, with a one-line definition wherever that
 * share is shown (export legend, matrix view). One place, so screen and file say the same.
 */
export type LabelLanguage = 'nl' | 'fr' | 'en';

type PerKind = Record<MatrixKind, Record<LabelLanguage, string>>;

const CORNER: PerKind = {
  state: { nl: 'Bij beslissing \\ op einddatum', fr: 'À la décision \\ à la date de fin', en: 'At decision \\ at end date' },
  'first-move': {
    nl: 'Vóór \\ na de eerste verhuizing (gemeente)',
    fr: 'Avant \\ après le premier déménagement (commune)',
    en: 'Before \\ after the first move (municipality)',
  },
  'first-area-move': {
    nl: 'Gebied van beslissing \\ na de eerste verhuizing eruit',
    fr: 'Zone de décision \\ après le premier déménagement hors de la zone',
    en: 'Area of decision \\ after the first move out',
  },
  'all-moves': { nl: 'Van \\ naar (elke verhuizing)', fr: 'De \\ vers (chaque déménagement)', en: 'From \\ to (every move)' },
};

const CORNER_ON_DATE: Record<LabelLanguage, string> = {
  nl: 'Op herkomstdatum \\ op einddatum',
  fr: "À la date d'origine \\ à la date de fin",
  en: 'On origin date \\ at end date',
};

const DIAGONAL: PerKind = {
  state: { nl: 'Blijvers', fr: 'Restés', en: 'Stayers' },
  'first-move': { nl: 'Op de diagonaal', fr: 'Sur la diagonale', en: 'On the diagonal' },
  'first-area-move': { nl: 'Blijvers (nooit uit het gebied verhuisd)', fr: 'Restés (jamais partis de la zone)', en: 'Stayers (never moved out of the area)' },
  'all-moves': { nl: 'Verhuizingen binnen het gebied', fr: 'Déménagements dans la zone', en: 'Moves within the area' },
};

const SHARE: PerKind = {
  state: { nl: 'Retentie', fr: 'Rétention', en: 'Retention' },
  'first-move': { nl: 'Aandeel op de diagonaal', fr: 'Part sur la diagonale', en: 'Share on the diagonal' },
  'first-area-move': { nl: 'Retentie', fr: 'Rétention', en: 'Retention' },
  'all-moves': { nl: 'Aandeel verhuizingen binnen het gebied', fr: 'Part des déménagements dans la zone', en: 'Share of moves within the area' },
};

const SHARE_DEFINITION: PerKind = {
  state: {
    nl: 'Retentie = blijvers / personen in de rij: het aandeel van wie bij het begin in het gebied woonde en er op de einddatum nog woont.',
    fr: "Rétention = restés / personnes de la ligne : la part de ceux qui habitaient la zone au départ et y habitent encore à la date de fin.",
    en: 'Retention = stayers / persons in the row: the share of those living in the area at the start who still live there on the end date.',
  },
  'first-move': {
    nl: 'Aandeel op de diagonaal = personen op de diagonaal / personen in de rij. Op de diagonaal staat wie niet verhuisde én, boven het gemeenteniveau, wie als eerste verhuizing binnen het gebied verhuisde: geen retentie.',
    fr: "Part sur la diagonale = personnes sur la diagonale / personnes de la ligne. Sur la diagonale : qui n'a pas déménagé et, au-dessus du niveau communal, qui a d'abord déménagé dans la zone : pas une rétention.",
    en: 'Share on the diagonal = persons on the diagonal / persons in the row. The diagonal holds who did not move and, above municipality level, whose first move stayed in the area: not a retention.',
  },
  'first-area-move': {
    nl: 'Retentie = personen die nooit uit het gebied van beslissing verhuisden / personen in de rij (verhuizingen binnen het gebied tellen niet als vertrek).',
    fr: "Rétention = personnes jamais parties de la zone de décision / personnes de la ligne (les déménagements dans la zone ne comptent pas comme départ).",
    en: 'Retention = persons who never moved out of the area of decision / persons in the row (moves within the area are not a departure).',
  },
  'all-moves': {
    nl: 'Aandeel verhuizingen binnen het gebied = verhuizingen binnen het gebied / alle verhuizingen vanuit het gebied. Het is een aandeel van verhuizingen, niet van personen.',
    fr: 'Part des déménagements dans la zone = déménagements dans la zone / tous les déménagements au départ de la zone. C’est une part de déménagements, pas de personnes.',
    en: 'Share of moves within the area = moves within the area / all moves from the area. It is a share of moves, not of persons.',
  },
};

/** The corner cell: what the rows and the columns are. */
export function cornerLabel(def: Pick<MatrixDefinition, 'kind' | 'originDate'>, lang: LabelLanguage): string {
  if (def.kind === 'state' && def.originDate) return CORNER_ON_DATE[lang];
  return CORNER[def.kind][lang];
}

export const diagonalLabel = (kind: MatrixKind, lang: LabelLanguage): string => DIAGONAL[kind][lang];
export const diagonalShareLabel = (kind: MatrixKind, lang: LabelLanguage): string => SHARE[kind][lang];
export const diagonalShareDefinition = (kind: MatrixKind, lang: LabelLanguage): string => SHARE_DEFINITION[kind][lang];
