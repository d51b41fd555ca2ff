import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition, type MatrixDefinitionInput } from '../../shared/matrix/matrix-definition';
import type { AreaLevel, Vintage } from '../../shared/geo/area-level';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { newBitset, setBit } from '../../electron/engine/cohort/bitset';
import { evaluateCohort } from '../../electron/engine/cohort/evaluate-cohort';
import { sessionIndex } from '../../electron/engine/cohort/session-index';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { hash32 } from '../../electron/engine/matrix/count-types';
import { matrixCounts } from '../../electron/engine/matrix/matrix-counts';
import { makeFixtureSession } from '../support/matrix-fixture';
import { mulberry32 } from '../support/seeded-random';

/**
 * Rounding keys of all-moves matrices (export path) are keyed on the DISTINCT persons of a
 * cell or margin, and the matrix on screen (cell-ordered fast path) counts exactly what
 * the export path counts.
 */
let session: OpenSession;
beforeAll(() => {
  session = makeFixtureSession({ seed: 41, persons: 1200, referenceDate: '2025-06-30' });
});
afterAll(() => session.close());

const rnd = mulberry32(4_2025);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const LEVELS: AreaLevel[] = ['municipality', 'arrondissement', 'province', 'region'];
const VINTAGES: Vintage[] = ['2014', '2019', '2025'];

function randomDefinition(levels: AreaLevel[]): MatrixDefinition {
  const d: MatrixDefinitionInput = { kind: 'all-moves', level: pick(levels), vintage: pick(VINTAGES) };
  const r = rnd();
  if (r < 0.3) d.followUpMonths = pick([1, 12, 24, 60]);
  else if (r < 0.6) d.period = pick([{ from: '2016-01-01', to: '2018-12-31' }, { from: '2019-01-01', to: '2025-06-30' }, { from: '2010-01-01', to: '2025-06-30' }]);
  return MatrixDefinition.parse(d);
}

const cohorts = [{}, { status: ['REFUGEE', 'SUBSIDIARY'] }, { sexes: ['F'], nationalities: ['SYR', 'AFG'] }, { decisionYears: [2016, 2017, 2018] }] as const;

describe('all-moves on screen and on the export path', () => {
  const cases = Array.from({ length: 24 }, (_, i) => ({ i, cohort: CohortDefinition.parse(pick(cohorts)), definition: randomDefinition(LEVELS) }));
  it.each(cases)('case $i: same counts, movers, exclusions and unmapped movers', ({ cohort, definition }) => {
    const screen = computeMatrix(session, cohort, definition);
    const exported = computeMatrix(session, cohort, definition, undefined, { persons: true });
    expect(screen.counts).toEqual(exported.counts);
    expect(screen.distinctPersons).toBe(exported.distinctPersons);
    expect(screen.excludedPersons).toBe(exported.excludedPersons);
    expect(screen.unmappedPersons).toBe(exported.unmappedPersons);
  });

  it('the comparison is not trivial (exclusions and unmapped movers occur)', () => {
    const months = computeMatrix(session, CohortDefinition.parse({}), MatrixDefinition.parse({ kind: 'all-moves', level: 'region', followUpMonths: 60 }));
    const v2014 = computeMatrix(session, CohortDefinition.parse({}), MatrixDefinition.parse({ kind: 'all-moves', level: 'region', vintage: '2014' }));
    expect(months.excludedPersons).toBeGreaterThan(0);
    expect(months.total).toBeGreaterThan(0);
    expect(v2014.unmappedPersons).toBeGreaterThan(0);
  });
});

describe('person keys of all-moves matrices', () => {
  const cases = Array.from({ length: 6 }, (_, i) => ({ i, definition: randomDefinition(['arrondissement', 'province', 'region']) }));
  it.each(cases)('case $i: every cell and margin key is the sum over its distinct persons, computed person by person', ({ definition }) => {
    const ix = sessionIndex(session);
    const members = evaluateCohort(ix, CohortDefinition.parse({}));
    const m = computeMatrix(session, CohortDefinition.parse({}), definition, undefined, { persons: true });
    const n = m.cols.length;
    const cells = new Uint32Array(n * n);
    const rows = new Uint32Array(n);
    const cols = new Uint32Array(n);
    let total = 0;
    // Independent path: the screen matrix of each person alone says which cells, rows and columns the person is in.
    for (let p = 0; p < ix.persons; p++) {
      if (!((members[p >>> 5] >>> (p & 31)) & 1)) continue;
      const one = newBitset(ix.persons);
      setBit(one, p);
      const alone = matrixCounts(ix, one, definition).counts;
      const h = hash32(p);
      const inRow = new Set<number>();
      const inCol = new Set<number>();
      alone.forEach((v, k) => {
        if (!v) return;
        cells[k] += h;
        inRow.add(Math.floor(k / n));
        inCol.add(k % n);
      });
      for (const r of inRow) rows[r] += h;
      for (const c of inCol) cols[c] += h;
      if (inRow.size) total = (total + h) >>> 0;
    }
    const keys = m.keys!;
    expect(Array.from(keys.cells)).toEqual(Array.from(cells));
    expect(Array.from(keys.rowTotals)).toEqual(Array.from(rows));
    expect(Array.from(keys.colTotals)).toEqual(Array.from(cols));
    expect(keys.total).toBe(total);
    expect(m.total).toBeGreaterThan(m.persons!.total); // some persons move more than once
  });

  it('keys of a cohort split by sex add up (mod 2^32) to the keys of the whole cohort', () => {
    const def = MatrixDefinition.parse({ kind: 'all-moves', level: 'province' });
    const keysOf = (sexes: ('M' | 'F' | 'X')[]) => computeMatrix(session, CohortDefinition.parse({ sexes }), def, undefined, { persons: true }).keys!;
    const everyone = keysOf([]);
    const parts = [keysOf(['M']), keysOf(['F']), keysOf(['X'])];
    const sum = (pick: (k: typeof everyone) => ArrayLike<number>, i: number) => parts.reduce((s, k) => (s + pick(k)[i]) >>> 0, 0);
    everyone.cells.forEach((key, k) => expect(sum((x) => x.cells, k)).toBe(key));
    everyone.rowTotals.forEach((key, r) => expect(sum((x) => x.rowTotals, r)).toBe(key));
    everyone.colTotals.forEach((key, c) => expect(sum((x) => x.colTotals, c)).toBe(key));
    expect(parts.reduce((s, k) => (s + k.total) >>> 0, 0)).toBe(everyone.total);
    expect(everyone.cells.some((k) => k !== 0)).toBe(true);
  });
});
