import { isNationalityCode } from '../../../shared/extract/codes';
/**
 * Parsing of CSV cells into the stored form: dates as ISO YYYY-MM-DD (from ISO or the
 * Belgian dd/mm/yyyy), integers, and the code formats of the extract.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** ISO date text, or null when the text is not a real calendar date in either format. */
export function parseDate(text: string): string | null {
  // Fast path for the common case, a valid ISO date: no regular expression, no new string.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y = digits(text, 0, 4);
    const mo = digits(text, 5, 2);
    const d = digits(text, 8, 2);
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return text;
  }
  let y: number, mo: number, d: number;
  let m = ISO.exec(text);
  if (m) {
    y = +m[1];
    mo = +m[2];
    d = +m[3];
  } else if ((m = DMY.exec(text))) {
    d = +m[1];
    mo = +m[2];
    y = +m[3];
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return `${y}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}

/** The number written by `len` ASCII digits at `at`, or -1. */
function digits(s: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

const INT = /^-?\d{1,9}$/;
export const parseInteger = (text: string): number | null => (INT.test(text) ? Number(text) : null);

/** Nationality: ISO 3166-1 alpha-3, or STATELESS / UNKNOWN. */
/** ISO 3166-1 alpha-3 (assigned codes) or the register's own codes. */
export const isNationality = (text: string): boolean => isNationalityCode(text);
/** Country of residence abroad: ISO 3166-1 alpha-3 (alpha-2 tolerated). */
export const isCountry = (text: string): boolean => /^[A-Z]{2,3}$/.test(text) || text === 'UNKNOWN';
export const isNisFormat = (text: string): boolean => /^\d{5}$/.test(text);
