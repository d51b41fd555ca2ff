import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition, AGE_BANDS, type CohortDefinitionInput } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition, type MatrixDefinitionInput } from '../../shared/matrix/matrix-definition';
import type { AreaLevel, Vintage } from '../../shared/geo/area-level';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { makeFixtureSession } from '../support/matrix-fixture';
import { mulberry32 } from '../support/seeded-random';
import { installReferenceTables, sqlMatrix } from './sql-reference';

/**
 * Every cell of the columnar engine's matrices equals the same matrix computed with plain
 * SQL on the extract, for 60 seeded random cohorts and definitions.
 */
let session: OpenSession;
const REFERENCE_DATE = '2025-06-30';

beforeAll(() => {
  session = makeFixtureSession({ seed: 11, persons: 2500, referenceDate: REFERENCE_DATE });
  installReferenceTables(session.db);
});
afterAll(() => session.close());

const rnd = mulberry32(20180127);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const some = <T>(xs: readonly T[], max = 3): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(xs)))];
const LEVELS: AreaLevel[] = ['municipality', 'arrondissement', 'province', 'region'];
const VINTAGES: Vintage[] = ['2014', '2019', '2025'];
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

function randomCohort(): CohortDefinition {
  const c: CohortDefinitionInput = {};
  const maybe = () => rnd() < 0.2;
  if (rnd() < 0.6) c.status = some(['REFUGEE', 'SUBSIDIARY', 'OTHER'] as const, 2);
  if (maybe()) c.decisionYears = some(YEARS);
  if (maybe()) c.decisionDate = { from: pick(['2015-03-01', '2016-06-15', null]), to: pick(['2019-12-31', '2022-01-31', null]) };
  if (maybe()) c.applicationYears = some(YEARS, 4);
  if (maybe()) c.nationalities = some(['SYR', 'AFG', 'IRQ', 'ERI', 'STATELESS', 'NOR']);
  if (maybe()) c.sexes = some(['M', 'F', 'X'] as const, 2);
  if (maybe()) c.ageBands = some(AGE_BANDS);
  if (rnd() < 0.1) c.ageRange = { min: 10 + Math.floor(rnd() * 20), max: 30 + Math.floor(rnd() * 40) };
  if (maybe()) c.kbiTargetStatus = some(['OBLIGED', 'ENTITLED', 'EXEMPT', 'NONE'] as const, 2);
  if (rnd() < 0.1) c.trajectoryStarted = rnd() < 0.5;
  if (rnd() < 0.1) c.attestationObtained = rnd() < 0.5;
  if (rnd() < 0.1) c.nt2Reached = some(['NONE', 'A1', 'A2', 'B1', 'B2'] as const, 2);
  if (rnd() < 0.15) c.geoAtDecision = { level: 'region', vintage: pick(VINTAGES), codes: some(['02000', '03000', '04000', 'UNKNOWN']) };
  if (rnd() < 0.1) c.geoAtReference = { level: 'province', vintage: pick(VINTAGES), codes: some(['10000', '40000', '04000', '50000', 'ABROAD', 'DECEASED']) };
  return CohortDefinition.parse(c);
}

function randomDefinition(i: number): MatrixDefinition {
  const kind = (['state', 'first-move', 'all-moves'] as const)[i % 3];
  const d: MatrixDefinitionInput = { kind, level: pick(LEVELS), vintage: pick(VINTAGES) };
  if (kind === 'state') {
    if (rnd() < 0.25) d.originDate = pick(['2016-01-01', '2019-01-01', '2020-02-29']);
    if (rnd() < 0.25) d.destinationDate = pick(['2018-01-27', '2024-12-31', '2025-01-01']);
  }
  if (rnd() < 0.35) d.followUpMonths = pick([1, 12, 24, 60]);
  if (kind === 'all-moves' && rnd() < 0.4) d.period = pick([{ from: '2016-01-01', to: '2018-12-31' }, { from: '2019-01-01', to: '2025-06-30' }]);
  return MatrixDefinition.parse(d);
}

describe('columnar matrices equal an independent SQL computation', () => {
  const cases = Array.from({ length: 60 }, (_, i) => ({ i, cohort: randomCohort(), definition: randomDefinition(i) }));
  it.each(cases)('case $i', ({ cohort, definition }) => {
    const ours = computeMatrix(session, cohort, definition);
    const ref = sqlMatrix(session.db, cohort, definition, REFERENCE_DATE);
    const cells = new Map<string, number>();
    const n = ours.cols.length;
    ours.counts.forEach((v, k) => {
      if (v) cells.set(`${ours.rows[Math.floor(k / n)].code}|${ours.cols[k % n].code}`, v);
    });
    expect(cells).toEqual(ref.cells);
    expect(ours.cohortSize).toBe(ref.cohortSize);
    expect(ours.distinctPersons).toBe(ref.distinctPersons);
    expect(ours.excludedPersons).toBe(ref.excludedPersons);
  });

  it('covers non-trivial matrices (not all empty)', () => {
    const all = computeMatrix(session, CohortDefinition.parse({}), MatrixDefinition.parse({ kind: 'all-moves', level: 'region' }));
    expect(all.total).toBeGreaterThan(1000);
    expect(all.distinctPersons).toBeGreaterThan(500);
  });
});
