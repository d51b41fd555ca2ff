import type { MatrixChoice } from './matrix-controls';

/** True when both ends of the all-moves period are filled in and the start is after the end. */
export const periodReversed = (c: Pick<MatrixChoice, 'periodFrom' | 'periodTo'>): boolean =>
  c.periodFrom !== null && c.periodTo !== null && c.periodFrom > c.periodTo;

/**
 * The dates of the analyst's choice that apply to its kind, as the matrix definition takes
 * them: origin/destination dates for a state matrix only, the period for all moves only and
 * only once both ends are filled in and in order (a half-filled period changes nothing).
 */
export function choiceDates(c: MatrixChoice): { originDate: string | null; destinationDate: string | null; period: { from: string; to: string } | null } {
  const state = c.kind === 'state';
  const period = c.kind === 'all-moves' && c.periodFrom !== null && c.periodTo !== null && !periodReversed(c) ? { from: c.periodFrom, to: c.periodTo } : null;
  return { originDate: state ? c.originDate : null, destinationDate: state ? c.destinationDate : null, period };
}
