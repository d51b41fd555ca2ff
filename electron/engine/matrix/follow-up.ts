import { addMonths } from '../cohort/day-number';

/** decision day + months, memoised (few distinct decision days). */
export function followUpEnd(months: number): (day: number) => number {
  const memo = new Map<number, number>();
  return (day: number): number => {
    let end = memo.get(day);
    if (end === undefined) memo.set(day, (end = addMonths(day, months)));
    return end;
  };
}

/**
 * End of the follow-up window per decision day, as a table over the range of decision
 * days (one addMonths per day of the range instead of a lookup per person or move):
 * ends[day - lo] is day + months, or `closed` when that is after the reference day
 * (such persons are left out of the matrix).
 */
export interface FollowUpTable {
  lo: number;
  ends: Int32Array;
}

/** The table covering every decision day in `days` except `none` (no decision). */
export function followUpTable(days: Int32Array, none: number, months: number, referenceDay: number, closed: number): FollowUpTable {
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    if (d === none) continue;
    if (hi < lo) lo = hi = d;
    else if (d < lo) lo = d;
    else if (d > hi) hi = d;
  }
  const ends = new Int32Array(Math.max(0, hi - lo + 1));
  for (let d = lo; d <= hi; d++) {
    const end = addMonths(d, months);
    ends[d - lo] = end > referenceDay ? closed : end;
  }
  return { lo, ends };
}
