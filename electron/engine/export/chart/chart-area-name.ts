import { SPECIAL_AREA_NAME_EN, type Area } from '../../../../shared/geo/area-level';
import type { OutputLanguage } from '../output-document';

const SPECIAL_EN: Record<string, string> = SPECIAL_AREA_NAME_EN;

/** An area's name in an output: in the export's language (the exits in English too), without its code. */
export function chartAreaName(a: Area, lang: OutputLanguage): string {
  if (lang === 'en' && a.special && SPECIAL_EN[a.code]) return SPECIAL_EN[a.code];
  return lang === 'fr' ? a.nameFr || a.nameNl : a.nameNl || a.nameFr;
}
