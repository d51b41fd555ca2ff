import type { MatrixDefinition } from '../../../../shared/matrix/matrix-definition';
import { slug } from './save-path';

const KIND: Record<MatrixDefinition['kind'], string> = { state: 'toestand', 'first-move': 'eerste-verhuizing', 'all-moves': 'alle-verhuizingen' };

const today = (now: Date): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** "verhuismatrix-toestand-arrondissement-2019-2025-03-14.xlsx": what, at which level and vintage, made when. */
export function matrixFileName(definition: Pick<MatrixDefinition, 'kind' | 'level' | 'vintage'>, ext: 'xlsx' | 'csv', now = new Date()): string {
  return `verhuismatrix-${KIND[definition.kind]}-${definition.level}-${definition.vintage}-${today(now)}.${ext}`;
}

/** "fiche-11002-antwerpen-2025-03-14.xlsx". */
export function ficheFileName(areaCode: string, areaName: string | null, ext: 'xlsx' | 'csv', now = new Date()): string {
  return `fiche-${slug(areaCode)}${areaName ? `-${slug(areaName)}` : ''}-${today(now)}.${ext}`;
}

/** "profiel-2025-03-14.xlsx", "kruistabel-nationality-area-2025-03-14.csv". */
export function crosstabFileName(base: string, ext: 'xlsx' | 'csv', now = new Date()): string {
  return `${slug(base)}-${today(now)}.${ext}`;
}
