import { z } from 'zod';
import { Area, AreaLevel, Vintage } from '../geo/area-level';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

/**
 * What a relocation matrix counts.
 * - state: residence at the decision (or originDate) × residence on the reference date
 *   (or destinationDate, or decision + followUpMonths). One count per person.
 * - first-move: origin and destination of each person's first move after the decision day
 *   (up to decision + followUpMonths if set, else up to the reference date). Persons who did
 *   not move are counted on the diagonal, in the cell of their residence at the decision.
 *   The move is a municipality move; at a higher level it may land on the diagonal.
 * - first-area-move: the same, but the first move that changes the area at the matrix's
 *   level ("first move out of the province of decision"); at municipality level it equals
 *   first-move. Persons who only moved within the area stay on the diagonal.
 * - all-moves: every move in the period, each move counted; distinct movers reported beside.
 *   Without a period: moves after the decision day up to the reference date (or up to
 *   decision + followUpMonths).
 * With followUpMonths, persons whose window ends after the reference date are left out and
 * counted in excludedPersons, so recent cohorts stay comparable.
 * A move is a change of the residence trail (docs/matrix-definitions.md) between
 * municipalities after both ends are mapped to the same vintage; exits (abroad, ex-officio
 * removal, death), gaps and unknowns are their own rows and columns. State and move
 * matrices read the same trail, so they agree on who is Unknown on a day.
 */
export const MatrixKind = z.enum(['state', 'first-move', 'first-area-move', 'all-moves']);
export type MatrixKind = z.infer<typeof MatrixKind>;

export const MatrixDefinition = z
  .object({
    kind: MatrixKind,
    level: AreaLevel,
    vintage: Vintage.default('2019'),
    /** state: origin on this date instead of the decision date. */
    originDate: IsoDate.nullable().default(null),
    /** state: destination on this date instead of the reference date. */
    destinationDate: IsoDate.nullable().default(null),
    /** Fixed follow-up window in months after the decision (state: destination date; first-move: window). */
    followUpMonths: z.number().int().min(1).max(240).nullable().default(null),
    /** all-moves: the period; defaults to decision date … reference date. */
    period: z.object({ from: IsoDate, to: IsoDate }).nullable().default(null),
  })
  .strict();
export type MatrixDefinition = z.output<typeof MatrixDefinition>;
export type MatrixDefinitionInput = z.input<typeof MatrixDefinition>;

/** A computed relocation matrix. Counts are row-major: counts[r * cols.length + c]. */
export const MatrixResult = z.object({
  definition: MatrixDefinition,
  rows: z.array(Area),
  cols: z.array(Area),
  counts: z.array(z.number().int().nonnegative()),
  rowTotals: z.array(z.number().int().nonnegative()),
  colTotals: z.array(z.number().int().nonnegative()),
  total: z.number().int().nonnegative(),
  /** Distinct persons in the cohort. */
  cohortSize: z.number().int().nonnegative(),
  /** Distinct persons counted in the matrix (all-moves: distinct movers). */
  distinctPersons: z.number().int().nonnegative(),
  /**
   * Cohort members left out because their follow-up window (decision + followUpMonths) ends
   * after the reference date, or because they have no decision date while the matrix needs one.
   */
  excludedPersons: z.number().int().nonnegative().optional(),
  /** Of excludedPersons, those left out because they have no decision date (the rest: window still open). */
  excludedNoDecision: z.number().int().nonnegative().optional(),
  /**
   * Persons counted with an end whose recorded NIS code has no municipality in the vintage
   * (e.g. a municipality merged in 2019 asked in the 2014 vintage): counted as Unknown.
   */
  unmappedPersons: z.number().int().nonnegative().optional(),
  referenceDate: IsoDate,
  computeMs: z.number().nonnegative(),
});
export type MatrixResult = z.infer<typeof MatrixResult>;
