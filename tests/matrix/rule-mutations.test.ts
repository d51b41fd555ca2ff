import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { RULE_MUTATIONS, type RuleMutation } from '../../electron/engine/matrix/rule-mutations';
import { makeFixtureSession, makeSyntheticSession } from '../support/matrix-fixture';
import { installReferenceTables, type SqlMatrix } from './sql-reference';
import { crossCheckCases, engineMatrix, referenceMatrix, type CrossCheckCase } from './crosscheck-cases';

/**
 * The cross-check exercises every rule of docs/matrix-definitions.md: for each rule, an
 * engine that reads it wrongly (a test-only mutation, rule-mutations.ts) gets at least one
 * cell of the cross-check suite wrong. Same datasets and cases as sql-crosscheck.test.ts.
 */
interface Dataset {
  session: OpenSession;
  cases: CrossCheckCase[];
  reference: SqlMatrix[];
}
const datasets: Dataset[] = [];

beforeAll(() => {
  const made: [OpenSession, number][] = [
    [makeFixtureSession({ seed: 11, persons: 2500, referenceDate: '2025-06-30' }), 20180127],
    [makeSyntheticSession({ seed: 20180127, persons: 3000, referenceDate: '2025-06-30' }), 4242],
  ];
  for (const [session, seed] of made) {
    installReferenceTables(session.db);
    const cases = crossCheckCases(seed, 2);
    datasets.push({ session, cases, reference: cases.map((c) => referenceMatrix(session, c)) });
  }
}, 120_000);
afterAll(() => datasets.forEach((d) => d.session.close()));

/** Cases (over both datasets, or one) where the engine with `mutation` differs from the SQL reference. */
function casesCaught(mutation: RuleMutation | undefined, only?: number): number {
  let caught = 0;
  for (const { session, cases, reference } of only === undefined ? datasets : [datasets[only]]) {
    cases.forEach((c, k) => {
      const ours = engineMatrix(session, c, mutation);
      const ref = reference[k];
      const same =
        ours.cells.size === ref.cells.size &&
        [...ours.cells].every(([cell, n]) => ref.cells.get(cell) === n) &&
        ours.distinctPersons === ref.distinctPersons &&
        ours.excludedPersons === ref.excludedPersons;
      if (!same) caught++;
    });
  }
  return caught;
}

describe('every matrix rule is exercised by the SQL cross-check', () => {
  it('the engine as it is agrees with the reference on every case', () => {
    expect(casesCaught(undefined)).toBe(0);
  });

  it.each(Object.entries(RULE_MUTATIONS))('a wrong reading of the rule (%s, %s) changes at least one matrix of the suite', (mutation) => {
    expect(casesCaught(mutation as RuleMutation)).toBeGreaterThan(0);
  });

  // The generator's messiness alone exercises every rule but one: a DECEASED record followed by
  // another record without a death date is too rare in 3,000 persons (deaths are ~0.3% of grants).
  it.each(Object.keys(RULE_MUTATIONS).filter((m) => m !== 'death-date-only'))('on the generator data alone, %s changes a matrix', (mutation) => {
    expect(casesCaught(mutation as RuleMutation, 1)).toBeGreaterThan(0);
  });
});
