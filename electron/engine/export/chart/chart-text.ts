import type { OutputLanguage } from '../output-document';

/** Words on the engine's charts, in the output language. */
export const CHART_TEXT = {
  nl: {
    protectedCell: '[c] vertrouwelijk: niet gepubliceerd',
    rounded: (base: number) => `Waarden willekeurig afgerond op een veelvoud van ${base}`,
    scale: 'Personen',
    logScale: 'Personen (logaritmische schaal)',
    net: 'Netto migratie (instroom − uitstroom)',
    noAreas: 'Geen gebieden met instroom en uitstroom',
    leftOut: (n: number) => `${n} gebieden niet getoond (alleen de grootste winsten en verliezen).`,
    level: { municipality: 'gemeente', arrondissement: 'arrondissement', province: 'provincie', region: 'gewest' },
    kind: { state: 'toestand', 'first-move': 'eerste verhuizing', 'first-area-move': 'eerste verhuizing uit het gebied', 'all-moves': 'alle verhuizingen' },
    vintage: 'indeling',
    profile: 'Profiel van het cohort (aantal personen)',
  },
  fr: {
    protectedCell: '[c] confidentiel : non publié',
    rounded: (base: number) => `Valeurs arrondies aléatoirement à un multiple de ${base}`,
    scale: 'Personnes',
    logScale: 'Personnes (échelle logarithmique)',
    net: 'Solde migratoire (entrées − sorties)',
    noAreas: 'Aucune zone avec entrées et sorties',
    leftOut: (n: number) => `${n} zones non affichées (seuls les plus grands gains et pertes).`,
    level: { municipality: 'commune', arrondissement: 'arrondissement', province: 'province', region: 'région' },
    kind: { state: 'état', 'first-move': 'premier déménagement', 'first-area-move': 'premier déménagement hors de la zone', 'all-moves': 'tous les déménagements' },
    vintage: 'découpage',
    profile: 'Profil de la cohorte (nombre de personnes)',
  },
  en: {
    protectedCell: '[c] confidential: not published',
    rounded: (base: number) => `Values randomly rounded to a multiple of ${base}`,
    scale: 'Persons',
    logScale: 'Persons (log scale)',
    net: 'Net migration (in − out)',
    noAreas: 'No areas with both in- and outflow',
    leftOut: (n: number) => `${n} areas not shown (only the largest gains and losses).`,
    level: { municipality: 'municipality', arrondissement: 'arrondissement', province: 'province', region: 'region' },
    kind: { state: 'state', 'first-move': 'first move', 'first-area-move': 'first move out of the area', 'all-moves': 'all moves' },
    vintage: 'boundaries',
    profile: 'Cohort profile (number of persons)',
  },
} as const satisfies Record<OutputLanguage, unknown>;
