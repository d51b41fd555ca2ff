/**
 * Dates as whole days since 1970-01-01 (UTC), so residence timelines fit in Int32Arrays.
 * NO_DAY marks a missing date; OPEN_END an open-ended residence.
 */
export const NO_DAY = -2147483648;
export const OPEN_END = 2147483647;
const MS_PER_DAY = 86_400_000;

export function isoToDay(iso: string): number {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Number.isFinite(t) ? Math.round(t / MS_PER_DAY) : NO_DAY;
}

export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayToYear(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/**
 * `months` after `day`; a day that does not exist in the target month is clamped to the
 * month's last day (31 January + 1 month = 28/29 February).
 */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY);
}
