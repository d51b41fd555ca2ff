import type { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import { matrixDateProblem } from '../../../shared/matrix/matrix-date-checks';
import { AppError } from '../core/app-error';

/**
 * Refuses a matrix whose dates make no sense before counting anything: a destination before
 * the origin, a reversed period, a date after the reference date. The UI checks the same
 * (shared/matrix/matrix-date-checks.ts); the CLI and exports rely on this check.
 */
export function assertMatrixDates(def: MatrixDefinition, referenceDate: string): void {
  const problem = matrixDateProblem(def, referenceDate);
  if (problem) throw new AppError(problem.code, problem.params);
}
