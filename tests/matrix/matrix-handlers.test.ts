import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { hash32 } from '../../electron/engine/matrix/matrix-counts';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { makeFixtureSession } from '../support/matrix-fixture';

let t: TestEngine;
beforeAll(() => {
  t = makeTestEngine();
  t.engine.state.session = makeFixtureSession({ seed: 5, persons: 1500, referenceDate: '2025-06-30' });
});
afterAll(() => t.dispose());

describe('matrix methods', () => {
  it('computes a region state matrix with special rows and columns kept', async () => {
    const m = await t.value('matrix.compute', { cohort: { status: ['REFUGEE', 'SUBSIDIARY'] }, definition: { kind: 'state', level: 'region' } });
    expect(m.rows.map((a) => a.code)).toEqual(['02000', '04000', '03000', 'ABROAD', 'RADIATED', 'DECEASED', 'UNKNOWN']);
    expect(m.counts).toHaveLength(49);
    expect(m.total).toBe(m.cohortSize);
    expect(m.rowTotals.reduce((a, b) => a + b, 0)).toBe(m.total);
    const deceasedCol = m.colTotals[5];
    expect(deceasedCol).toBeGreaterThan(0);
    expect('keys' in m).toBe(false);
    expect('persons' in m).toBe(false);
  });

  it('counts persons whose merged post-2019 municipality cannot be shown in the 2014 vintage', async () => {
    const m2014 = await t.value('matrix.compute', { cohort: {}, definition: { kind: 'state', level: 'municipality', vintage: '2014' } });
    const m2019 = await t.value('matrix.compute', { cohort: {}, definition: { kind: 'state', level: 'municipality', vintage: '2019' } });
    expect(m2014.unmappedPersons).toBeGreaterThan(0);
    expect(m2014.colTotals.at(-1)!).toBeGreaterThan(m2019.colTotals.at(-1)!); // more Unknown in 2014
  });

  it('all-moves counts each move and reports distinct movers beside', async () => {
    const m = await t.value('matrix.compute', { cohort: {}, definition: { kind: 'all-moves', level: 'municipality' } });
    expect(m.total).toBeGreaterThan(m.distinctPersons);
    // Within-municipality changes are not moves: the municipality diagonal is empty except special → same special (never).
    const n = m.cols.length;
    for (let i = 0; i < n; i++) expect(m.counts[i * n + i]).toBe(0);
  });

  it('gives cell and margin keys that depend only on the persons in them (export path only)', () => {
    const session = t.engine.state.session!;
    for (const kind of ['state', 'first-move'] as const) {
      const def = MatrixDefinition.parse({ kind, level: 'region' });
      const keysOf = (sexes: ('M' | 'F' | 'X')[]) => computeMatrix(session, CohortDefinition.parse({ sexes }), def, undefined, { persons: true }).keys!;
      const everyone = keysOf([]);
      const split = [keysOf(['M']), keysOf(['F', 'X'])];
      const add = (a: number, b: number) => (a + b) >>> 0;
      everyone.cells.forEach((key, cell) => expect(add(split[0].cells[cell], split[1].cells[cell])).toBe(key));
      everyone.rowTotals.forEach((key, r) => expect(add(split[0].rowTotals[r], split[1].rowTotals[r])).toBe(key));
      everyone.colTotals.forEach((key, c) => expect(add(split[0].colTotals[c], split[1].colTotals[c])).toBe(key));
      expect(add(split[0].total, split[1].total)).toBe(everyone.total);
      expect(everyone.total).not.toBe(0);
      // The matrix on screen does not compute them.
      expect(computeMatrix(session, CohortDefinition.parse({}), def).keys).toBeUndefined();
    }
    expect(hash32(1)).not.toBe(hash32(2));
  });

  it('builds the fiche of an area consistent with the state matrix', async () => {
    const m = await t.value('matrix.compute', { cohort: {}, definition: { kind: 'state', level: 'region' } });
    const f = await t.value('matrix.fiche', { cohort: {}, level: 'region', vintage: '2019', areaCode: '02000' });
    expect(f.livingThere).toBe(m.colTotals[0]);
    expect(f.decidedThere).toBe(m.rowTotals[0]);
    expect(f.netGain).toBe(m.colTotals[0] - m.rowTotals[0]);
    expect(f.originsOfResidents.reduce((s, o) => s + o.persons, 0)).toBe(f.livingThere);
    expect(f.composition.sex.reduce((s, o) => s + o.persons, 0)).toBe(f.livingThere);
    const bad = await t.call('matrix.fiche', { cohort: {}, level: 'region', vintage: '2019', areaCode: '99999' });
    expect(bad.ok).toBe(false);
  });
});
