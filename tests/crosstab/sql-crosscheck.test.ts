import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, CohortDefinition, type CohortDefinitionInput } from '../../shared/cohort/cohort-definition';
import { CENTRUMSTEDEN_GROUP, CrosstabDefinition, type CrosstabVariableInput } from '../../shared/crosstab/crosstab-definition';
import type { AreaLevel, Vintage } from '../../shared/geo/area-level';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { evaluateCohort } from '../../electron/engine/cohort/evaluate-cohort';
import { sessionIndex } from '../../electron/engine/cohort/session-index';
import { computeCrosstab } from '../../electron/engine/crosstab/compute-crosstab';
import { makeFixtureSession } from '../support/matrix-fixture';
import { mulberry32 } from '../support/seeded-random';
import { installReferenceTables } from '../matrix/sql-reference';
import { sqlCrosstab } from './sql-crosstab';

/**
 * Every cell of 60 seeded random cross-tabs (variables, custom groups, layers, cohorts)
 * equals the same table counted with plain SQL on the extract.
 */
let session: OpenSession;
const REFERENCE_DATE = '2025-06-30';

beforeAll(() => {
  session = makeFixtureSession({ seed: 16, persons: 2500, referenceDate: REFERENCE_DATE });
  installReferenceTables(session.db);
});
afterAll(() => session.close());

const rnd = mulberry32(16_2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const some = <T>(xs: readonly T[], max = 3): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(xs)))];
const LEVELS: AreaLevel[] = ['municipality', 'arrondissement', 'province', 'region'];
const VINTAGES: Vintage[] = ['2014', '2019', '2025'];
const NATS = ['SYR', 'AFG', 'IRQ', 'ERI', 'SOM', 'PSE', 'GIN', 'STATELESS', 'UNKNOWN'];

function randomCohort(): CohortDefinition {
  const c: CohortDefinitionInput = {};
  if (rnd() < 0.6) c.status = some(['REFUGEE', 'SUBSIDIARY', 'OTHER'] as const, 2);
  if (rnd() < 0.2) c.decisionYears = some([2015, 2016, 2017, 2018, 2019, 2020, 2021], 4);
  if (rnd() < 0.2) c.nationalities = some(NATS, 4);
  if (rnd() < 0.2) c.sexes = some(['M', 'F'] as const, 1);
  if (rnd() < 0.15) c.ageBands = some(AGE_BANDS);
  if (rnd() < 0.1) c.trajectoryStarted = rnd() < 0.5;
  if (rnd() < 0.15) c.geoAtDecision = { level: 'region', vintage: pick(VINTAGES), codes: some(['02000', '03000', '04000']) };
  return CohortDefinition.parse(c);
}

function randomVariable(): CrosstabVariableInput {
  const r = rnd();
  if (r < 0.35) return { var: pick(['status', 'sex', 'decisionYear', 'applicationYear', 'kbiTarget', 'trajectoryStarted', 'attestationObtained', 'nt2Level'] as const) };
  if (r < 0.5) {
    const groups = rnd() < 0.5 ? [{ label: 'Midden-Oosten', codes: ['SYR', 'IRQ', 'PSE'] }, { label: 'Hoorn van Afrika', codes: ['ERI', 'SOM'] }] : [];
    return { var: 'nationality', top: rnd() < 0.6 ? 1 + Math.floor(rnd() * 4) : null, groups };
  }
  if (r < 0.62) {
    const bands = rnd() < 0.5 ? [] : pick([[{ min: 0, max: 17 }, { min: 18, max: 120 }], [{ min: 18, max: 29 }, { min: 30, max: 49 }, { min: 50, max: 64 }], [{ min: 5, max: 25 }, { min: 20, max: 40 }]]);
    return { var: 'ageBand', bands };
  }
  const at = pick(['decision', 'reference', 'date'] as const);
  const level = pick(LEVELS);
  const groups = level === 'municipality' && rnd() < 0.5 ? [CENTRUMSTEDEN_GROUP] : level === 'province' && rnd() < 0.3 ? [{ label: 'Oost+West', codes: ['30000', '40000'] }] : [];
  return { var: 'area', at, date: at === 'date' ? pick(['2017-01-01', '2020-02-29', '2023-06-30']) : null, level, vintage: pick(VINTAGES), groups };
}

describe('cross-tabs equal an independent SQL computation', () => {
  const cases = Array.from({ length: 60 }, (_, i) => ({
    i,
    cohort: randomCohort(),
    definition: CrosstabDefinition.parse({ rows: randomVariable(), cols: randomVariable(), layers: rnd() < 0.4 ? randomVariable() : null }),
  }));

  it.each(cases)('case $i', ({ cohort, definition }) => {
    const ix = sessionIndex(session);
    const members = evaluateCohort(ix, cohort);
    const x = computeCrosstab(ix, members, definition);
    const ours = new Map<string, number>();
    for (const layer of x.layers) {
      const t = layer.table;
      t.counts.forEach((n, k) => {
        if (n) ours.set(`${layer.category?.code ?? ''}|${x.rowCategories[Math.floor(k / t.cols)].code}|${x.colCategories[k % t.cols].code}`, n);
      });
    }
    const ref = sqlCrosstab(session.db, cohort, definition.rows, definition.cols, definition.layers, REFERENCE_DATE);
    expect(ours).toEqual(ref);
    expect(x.cohortSize).toBe([...ref.values()].reduce((a, b) => a + b, 0));
    // Margins add up within every layer.
    for (const { table: t } of x.layers) expect(t.rowTotals.reduce((a, b) => a + b, 0)).toBe(t.total);
  });

  it('covers non-trivial tables (groups and layers with people in them)', () => {
    const ix = sessionIndex(session);
    const all = CohortDefinition.parse({});
    const x = computeCrosstab(ix, evaluateCohort(ix, all), CrosstabDefinition.parse({
      rows: { var: 'area', at: 'decision', level: 'municipality', groups: [CENTRUMSTEDEN_GROUP] },
      cols: { var: 'nationality', top: 3, groups: [{ label: 'G', codes: ['ERI', 'SOM'] }] },
      layers: { var: 'sex' },
    }));
    expect(x.cohortSize).toBe(2500);
    expect(x.rowCategories.map((c) => c.code)).toEqual(['group:Centrumsteden', 'OTHER_GROUP']);
    expect(x.layers[0].table.rowTotals[0]).toBeGreaterThan(100);
    expect(x.colCategories[0].code).toBe('group:G');
  });
});
