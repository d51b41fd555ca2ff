import { ALPHA3_TO_ALPHA2 } from '../geo/countries';
import { SPECIAL_AREAS } from '../geo/area-level';

/**
 * The code lists that strings of an extract and of a cohort must come from. Nationality:
 * ISO 3166-1 alpha-3 (plus XKX) and the register's own codes. Areas: 5-digit NIS codes and
 * the special rows and columns. Anything else is refused where it enters (open, import, recipes),
 * so no free text rides along in a code field.
 */
export const REGISTER_NATIONALITY_CODES = ['STATELESS', 'UNKNOWN'] as const;

export const isNationalityCode = (s: string): boolean => ALPHA3_TO_ALPHA2.has(s) || (REGISTER_NATIONALITY_CODES as readonly string[]).includes(s);

export const isAreaCode = (s: string): boolean => /^\d{5}$/.test(s) || (SPECIAL_AREAS as readonly string[]).includes(s);

/** A real calendar date written YYYY-MM-DD. */
export const isIsoDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * An extract id: letters, digits and . _ : / - after a letter or digit, at most 128 characters.
 * It is printed in every output's metadata, so it must never start a spreadsheet formula.
 */
export const isExtractId = (s: string): boolean => /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/.test(s);
