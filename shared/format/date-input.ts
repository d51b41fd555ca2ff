/**
 * Dates as a Flemish analyst types them: dd/mm/jjjj whatever the operating system's locale
 * (a native <input type="date"> follows the OS and shows mm/dd/yyyy on an English system).
 * Also accepted when typed: d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy and ISO yyyy-mm-dd. The
 * definitions sent to the engine always carry ISO yyyy-mm-dd.
 */

export type DateInputProblem = 'format' | 'calendar' | 'range';

export type DateInputResult = { kind: 'empty' } | { kind: 'ok'; iso: string } | { kind: 'invalid'; problem: DateInputProblem };

/** Decision dates, moves and reference dates of the study all fall well inside this span. */
export const DATE_INPUT_MIN = '1900-01-01';
export const DATE_INPUT_MAX = '2099-12-31';

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** True when day/month/year is a real calendar date (31/04 and 29/02 outside leap years are not). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** What the analyst typed → an ISO date, nothing (empty field) or the reason it is not a date. */
export function parseDateInput(text: string, min = DATE_INPUT_MIN, max = DATE_INPUT_MAX): DateInputResult {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  let parts: [number, number, number] | null = null;
  const dayFirst = DAY_FIRST.exec(trimmed);
  if (dayFirst) parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  const iso = ISO.exec(trimmed);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  if (!parts) return { kind: 'invalid', problem: 'format' };
  const [year, month, day] = parts;
  if (!isCalendarDate(year, month, day)) return { kind: 'invalid', problem: 'calendar' };
  const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (value < min || value > max) return { kind: 'invalid', problem: 'range' };
  return { kind: 'ok', iso: value };
}

/** An ISO date as the field shows it: "2016-12-31" → "31/12/2016"; null or a non-date → "". */
export function formatDateInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return '';
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** An ISO date moved by whole days ("2016-12-31" + 1 → "2017-01-01"), for the arrow keys. */
export function shiftIsoDate(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  const d = new Date(t);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
