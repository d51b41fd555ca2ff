import type { MatrixDefinition } from '../../../../shared/matrix/matrix-definition';
import type { AreaLevel } from '../../../../shared/geo/area-level';
import type { UiLanguage } from '../../../../shared/api/localized';
import type { MatrixChartKind } from '../../../../shared/disclosure/chart-kind';
import { slug } from './save-path';

/** File names follow the UI language, every word of them (issue 12: "toestand-province" mixed two). */
const WORDS: Record<UiLanguage, { matrix: string; fiche: string; kind: Record<MatrixDefinition['kind'], string>; level: Record<AreaLevel, string> }> = {
  nl: {
    matrix: 'verhuismatrix',
    fiche: 'fiche',
    kind: { state: 'toestand', 'first-move': 'eerste-verhuizing', 'first-area-move': 'eerste-verhuizing-uit-gebied', 'all-moves': 'alle-verhuizingen' },
    level: { municipality: 'gemeente', arrondissement: 'arrondissement', province: 'provincie', region: 'gewest' },
  },
  en: {
    matrix: 'relocation-matrix',
    fiche: 'area-profile',
    kind: { state: 'state', 'first-move': 'first-move', 'first-area-move': 'first-area-move', 'all-moves': 'all-moves' },
    level: { municipality: 'municipality', arrondissement: 'arrondissement', province: 'province', region: 'region' },
  },
};

const today = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** "verhuismatrix-toestand-arrondissement-2019-2025-03-14.xlsx": what, at which level and vintage, made when. */
export function matrixFileName(definition: Pick<MatrixDefinition, 'kind' | 'level' | 'vintage'>, ext: 'xlsx' | 'csv', now = new Date(), lang: UiLanguage = 'nl'): string {
  const w = WORDS[lang];
  return `${w.matrix}-${w.kind[definition.kind]}-${w.level[definition.level]}-${definition.vintage}-${today(now)}.${ext}`;
}

/** "fiche-11002-antwerpen-2025-03-14.xlsx". */
export function ficheFileName(areaCode: string, areaName: string | null, ext: 'xlsx' | 'csv', now = new Date(), lang: UiLanguage = 'nl'): string {
  return `${WORDS[lang].fiche}-${slug(areaCode)}${areaName ? `-${slug(areaName)}` : ''}-${today(now)}.${ext}`;
}

/** "profiel-2025-03-14.xlsx", "kruistabel-nationality-area-2025-03-14.csv". */
export function crosstabFileName(base: string, ext: 'xlsx' | 'csv' | 'png' | 'svg', now = new Date()): string {
  return `${slug(base)}-${today(now)}.${ext}`;
}

const CHART: Record<UiLanguage, Record<MatrixChartKind, string>> = {
  nl: { heatmap: 'heatmap', 'net-bar': 'netto-migratie', sankey: 'sankey', map: 'kaart' },
  en: { heatmap: 'heatmap', 'net-bar': 'net-migration', sankey: 'sankey', map: 'map' },
};

/** "heatmap-toestand-arrondissement-2019-2025-03-14.png": which chart of which matrix, made when, in the UI language. */
export function chartFileName(definition: Pick<MatrixDefinition, 'kind' | 'level' | 'vintage'>, chart: MatrixChartKind, ext: 'png' | 'svg', now = new Date(), lang: UiLanguage = 'nl'): string {
  const w = WORDS[lang];
  return `${CHART[lang][chart]}-${w.kind[definition.kind]}-${w.level[definition.level]}-${definition.vintage}-${today(now)}.${ext}`;
}
