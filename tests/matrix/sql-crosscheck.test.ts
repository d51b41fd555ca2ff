import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { makeFixtureSession, makeSyntheticSession } from '../support/matrix-fixture';
import { installReferenceTables, sqlAllMovePersons } from './sql-reference';
import { crossCheckCases, engineMatrix, referenceMatrix } from './crosscheck-cases';

/**
 * Every cell of the columnar engine's matrices equals the same matrix computed with plain
 * SQL from docs/matrix-definitions.md, for every kind, level and vintage with seeded random
 * cohorts, follow-up windows, explicit dates and periods: on the hand-made fixture and on
 * the demo generator's messy register.
 */
const DATASETS: [string, () => OpenSession][] = [
  ['fixture', () => makeFixtureSession({ seed: 11, persons: 2500, referenceDate: '2025-06-30' })],
  ['generator', () => makeSyntheticSession({ seed: 20180127, persons: 3000, referenceDate: '2025-06-30' })],
];

describe.each(DATASETS)('columnar matrices equal an independent SQL computation (%s)', (name, make) => {
  let session: OpenSession;
  beforeAll(() => {
    session = make();
    installReferenceTables(session.db);
  });
  afterAll(() => session.close());

  const cases = crossCheckCases(name === 'fixture' ? 20180127 : 4242, 2);
  it.each(cases)('case $i: $definition.kind $definition.level $definition.vintage', (c) => {
    const ours = engineMatrix(session, c);
    const ref = referenceMatrix(session, c);
    expect(ours.cells).toEqual(ref.cells);
    expect(ours.cohortSize).toBe(ref.cohortSize);
    expect(ours.distinctPersons).toBe(ref.distinctPersons);
    expect(ours.excludedPersons).toBe(ref.excludedPersons);
  });

  // The export path counts all-moves person by person, with distinct persons per cell: the same moves.
  it.each(cases.filter((c) => c.definition.kind === 'all-moves'))('case $i, export path: moves and distinct persons per cell', (c) => {
    const m = computeMatrix(session, c.cohort, c.definition, undefined, { persons: true });
    const n = m.cols.length;
    const moves = new Map<string, number>();
    const persons = new Map<string, number>();
    m.counts.forEach((v, k) => {
      const key = `${m.rows[Math.floor(k / n)].code}|${m.cols[k % n].code}`;
      if (v) moves.set(key, v);
      if (m.persons!.cells[k]) persons.set(key, m.persons!.cells[k]);
    });
    expect(moves).toEqual(referenceMatrix(session, c).cells);
    const ref = sqlAllMovePersons(session.db, c.cohort, c.definition, session.summary.referenceDate);
    expect(persons).toEqual(ref.cells);
    expect(m.persons!.total).toBe(ref.total);
  });

  it('covers non-trivial matrices (not all empty)', () => {
    const all = computeMatrix(session, CohortDefinition.parse({}), MatrixDefinition.parse({ kind: 'all-moves', level: 'region' }));
    expect(all.total).toBeGreaterThan(1000);
    expect(all.distinctPersons).toBeGreaterThan(500);
  });
});
