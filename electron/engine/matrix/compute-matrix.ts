import type { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { MatrixDefinition, type MatrixResult } from '../../../shared/matrix/matrix-definition';
import type { EngineEvent } from '../../../shared/api/events';
import type { OpenSession } from '../core/open-session';
import { popcount } from '../cohort/bitset';
import { evaluateCohort } from '../cohort/evaluate-cohort';
import { sessionIndex } from '../cohort/session-index';
import { getGeography } from '../geo/geography';
import type { PersonCells } from '../ledger/person-cells';
import { matrixCounts, type CellPersons, type MatrixCountOptions, type PersonKeys } from './matrix-counts';

export type ComputedMatrix = MatrixResult & {
  /**
   * Computed with `{ persons: true }` (the disclosure/export path): per cell (row-major,
   * like counts), row and column margin and in total, an order-independent key of the
   * DISTINCT persons counted there (wrapping sum of a 32-bit hash of each person index).
   * The same persons get the same key in every table, so person-keyed random rounding
   * rounds them alike.
   */
  keys?: PersonKeys;
  /**
   * all-moves computed with `{ persons: true }`: distinct persons per cell, margin and in
   * total beside the move counts (disclosure control applies its threshold to these).
   * Absent for state and first-move matrices, where every count already is a person.
   */
  persons?: CellPersons;
  /** With `{ persons: true }`: which cell each person counts in (the release ledger's record). */
  personCells?: PersonCells;
};

/** The relocation matrix of a cohort: the one path used by the UI, the fiche and the CLI. */
export function computeMatrix(
  session: OpenSession,
  cohort: CohortDefinition,
  definitionInput: MatrixDefinition,
  emit?: (event: EngineEvent) => void,
  options: MatrixCountOptions = {},
): ComputedMatrix {
  const definition = MatrixDefinition.parse(definitionInput);
  const ix = sessionIndex(session, emit);
  const started = performance.now();
  const members = evaluateCohort(ix, cohort);
  const m = matrixCounts(ix, members, definition, options);
  const areas = getGeography().vintages[definition.vintage].areas[definition.level];
  const n = m.size;
  const rowTotals = new Array<number>(n).fill(0);
  const colTotals = new Array<number>(n).fill(0);
  let total = 0;
  for (let r = 0; r < n; r++) {
    const base = r * n;
    let rowSum = 0;
    for (let c = 0; c < n; c++) {
      const v = m.counts[base + c];
      if (v === 0) continue;
      rowSum += v;
      colTotals[c] += v;
    }
    rowTotals[r] = rowSum;
    total += rowSum;
  }
  return {
    definition,
    rows: areas,
    cols: areas,
    counts: m.counts,
    rowTotals,
    colTotals,
    total,
    cohortSize: popcount(members),
    distinctPersons: m.distinctPersons,
    excludedPersons: m.excludedPersons,
    unmappedPersons: m.unmappedPersons,
    referenceDate: session.summary.referenceDate,
    computeMs: performance.now() - started,
    ...(m.keys ? { keys: m.keys } : {}),
    ...(m.persons ? { persons: m.persons } : {}),
    ...(m.personCells ? { personCells: m.personCells } : {}),
  };
}
