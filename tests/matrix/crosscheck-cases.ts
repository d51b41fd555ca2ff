import { CohortDefinition, AGE_BANDS, type CohortDefinitionInput } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition, MatrixKind, type MatrixDefinitionInput } from '../../shared/matrix/matrix-definition';
import type { AreaLevel, Vintage } from '../../shared/geo/area-level';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import type { RuleMutation } from '../../electron/engine/matrix/rule-mutations';
import { mulberry32 } from '../support/seeded-random';
import { sqlMatrix } from './sql-reference';

/**
 * The cases of the SQL cross-check: every definition kind at every level in every vintage,
 * each with a seeded random cohort and, at random, a follow-up window, explicit origin and
 * destination dates (state) or a period (all-moves).
 */
export interface CrossCheckCase {
  i: number;
  cohort: CohortDefinition;
  definition: MatrixDefinition;
}

const LEVELS: AreaLevel[] = ['municipality', 'arrondissement', 'province', 'region'];
const VINTAGES: Vintage[] = ['2014', '2019', '2025'];
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];

export function crossCheckCases(seed: number, rounds = 1): CrossCheckCase[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const some = <T>(xs: readonly T[], max = 3): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(xs)))];

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

  function definition(kind: MatrixKind, level: AreaLevel, vintage: Vintage): MatrixDefinition {
    const d: MatrixDefinitionInput = { kind, level, vintage };
    if (kind === 'state') {
      if (rnd() < 0.3) d.originDate = pick(['2016-01-01', '2017-03-15', '2019-01-01', '2020-02-29']);
      const later = ['2018-01-27', '2019-06-30', '2024-12-31', '2025-01-01'].filter((x) => !d.originDate || x >= d.originDate);
      if (rnd() < 0.3) d.destinationDate = pick(later);
    }
    if (rnd() < 0.35) d.followUpMonths = pick([1, 6, 12, 24, 60]);
    if (kind === 'all-moves' && rnd() < 0.4) d.period = pick([{ from: '2015-01-01', to: '2016-12-31' }, { from: '2016-01-01', to: '2018-12-31' }, { from: '2019-01-01', to: '2025-06-30' }]);
    return MatrixDefinition.parse(d);
  }

  const cases: CrossCheckCase[] = [];
  for (let round = 0; round < rounds; round++)
    for (const kind of MatrixKind.options)
      for (const level of LEVELS)
        for (const vintage of VINTAGES) cases.push({ i: cases.length, cohort: randomCohort(), definition: definition(kind, level, vintage) });
  return cases;
}

/** The engine's matrix as "origin|destination" → count (non-zero cells only), plus its person counts. */
export function engineMatrix(session: OpenSession, c: CrossCheckCase, mutation?: RuleMutation) {
  const ours = computeMatrix(session, c.cohort, c.definition, undefined, mutation ? { mutation } : {});
  const cells = new Map<string, number>();
  const n = ours.cols.length;
  ours.counts.forEach((v, k) => {
    if (v) cells.set(`${ours.rows[Math.floor(k / n)].code}|${ours.cols[k % n].code}`, v);
  });
  return { cells, cohortSize: ours.cohortSize, distinctPersons: ours.distinctPersons, excludedPersons: ours.excludedPersons ?? 0 };
}

export const referenceMatrix = (session: OpenSession, c: CrossCheckCase) => sqlMatrix(session.db, c.cohort, c.definition, session.summary.referenceDate);
