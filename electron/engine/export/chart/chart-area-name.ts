import type { Area } from '../../../../shared/geo/area-level';
import type { OutputLanguage } from '../output-document';

/** The special rows in an English image (the reference data names them in Dutch and French only). */
const SPECIAL_EN: Record<string, string> = { ABROAD: 'Abroad', RADIATED: 'Removed ex officio', DECEASED: 'Deceased', UNKNOWN: 'Unknown' };

/** An area's name on a chart: without its code (the tables carry it), in the export's language. */
export function chartAreaName(a: Area, lang: OutputLanguage): string {
  if (lang === 'en' && a.special && SPECIAL_EN[a.code]) return SPECIAL_EN[a.code];
  return lang === 'fr' ? a.nameFr || a.nameNl : a.nameNl || a.nameFr;
}
