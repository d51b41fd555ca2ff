import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { CrosstabSubject } from '../../shared/crosstab/crosstab-definition';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import type { ProtectedCounts } from '../../shared/disclosure/protection';
import { protectedTables } from '../../electron/engine/export/release';
import { loadLedger } from '../../electron/engine/ledger/ledger-store';
import { ledgerTableOf } from '../../electron/engine/ledger/ledger-table';
import { PERTURBATION_BOUND } from '../../electron/engine/ledger/protect-against-ledger';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { makeTempDir } from '../support/make-extract';
import { exportSession } from '../export/export-session';
import { attackLedger } from './ledger-attacker';
import { personCellsOfRelease } from './release-cells';

/**
 * The layers of a cross-tab on screen are marked as the export will protect them, jointly:
 * with the table over all layers already released (the "total"), an attacker who takes every
 * value the screen leaves unmarked, in every layer, learns no marked cell to within T. The
 * same attacker over what the export then writes gives the same answer.
 */
let t: TestEngine;
let dir: string;
const saved = process.env.VERHUIS_POLICY_FILE;
const T = DEFAULT_POLICY.threshold;
const COHORT = CohortDefinition.parse({ status: ['REFUGEE', 'SUBSIDIARY'] });
const rows = { var: 'nationality' as const, top: 4 };
const cols = { var: 'area' as const, at: 'decision' as const, level: 'region' as const };
const TOTAL = CrosstabSubject.parse({ kind: 'crosstab', definition: { rows, cols } });
const LAYERED = CrosstabSubject.parse({ kind: 'crosstab', definition: { rows, cols, layers: { var: 'trajectoryStarted' } } });

beforeAll(() => {
  dir = makeTempDir('vv-layer-preview-');
  t = makeTestEngine();
});
beforeEach(() => {
  delete process.env.VERHUIS_POLICY_FILE; // no second policy file (a missing one blocks output)
  t.engine.state.session?.close();
  t.engine.state.session = exportSession(7, 2500);
});
afterAll(() => {
  t.dispose();
  if (saved === undefined) delete process.env.VERHUIS_POLICY_FILE;
  else process.env.VERHUIS_POLICY_FILE = saved;
});

/** The earlier releases plus `shown` (the layered tables) as an attacker holds them. */
function attackWith(shown: ProtectedCounts[]) {
  const session = t.engine.state.session!;
  const { cells } = personCellsOfRelease(session, COHORT, LAYERED);
  const earlier = loadLedger(session.workspace);
  const next = Math.max(0, ...earlier.map((l) => l.release)) + 1;
  return attackLedger([...earlier, ...shown.map((p, i) => ledgerTableOf(p, cells[i], next, i, PERTURBATION_BOUND))], T);
}

const suppressedCells = (tables: ProtectedCounts[]) => tables.reduce((n, p) => n + p.cells.filter((v) => v === null).length, 0);

describe('layers on screen, after the table over all layers was released', () => {
  it('no marked cell of a layer can be narrowed below T from the other layers and the total', async () => {
    await t.value('export.crosstab', { cohort: COHORT, subject: TOTAL, format: 'csv', path: path.join(dir, 'total.csv'), language: 'nl' });
    const { tables } = await t.value('crosstab.preview', { cohort: COHORT, subject: LAYERED });
    expect(tables).toHaveLength(2);
    // Something is protected in the layers, or the check proves nothing.
    expect(suppressedCells(tables)).toBeGreaterThan(0);
    const onScreen = await attackWith(tables);
    expect(onScreen.narrowCells).toEqual([]);
    expect(onScreen.pinnedSmallAtoms).toEqual([]);
    // The attack has teeth: layers protected each on its own, as if the total had not been released, give cells away.
    const alone = protectedTables(t.engine.state.session!, COHORT, LAYERED, DEFAULT_POLICY, 'nl').tables.map((x) => x.table);
    const unprotected = await attackWith(alone);
    expect(unprotected.narrowCells.length + unprotected.pinnedSmallAtoms.length).toBeGreaterThan(0);
  });

  it('the screen marks exactly the cells the export then protects', async () => {
    await t.value('export.crosstab', { cohort: COHORT, subject: TOTAL, format: 'csv', path: path.join(dir, 'total-2.csv'), language: 'nl' });
    const { tables } = await t.value('crosstab.preview', { cohort: COHORT, subject: LAYERED });
    const file = path.join(dir, 'layered.csv');
    await t.value('export.crosstab', { cohort: COHORT, subject: LAYERED, format: 'csv', path: file, language: 'nl' });
    const released = loadLedger(t.engine.state.session!.workspace).filter((l) => l.release === Math.max(...loadLedger(t.engine.state.session!.workspace).map((x) => x.release)));
    expect(released).toHaveLength(tables.length);
    released.forEach((l, i) => {
      const screen = ledgerTableOf(tables[i], { person: new Int32Array(0), cell: new Int32Array(0), weight: null }, 0, i, PERTURBATION_BOUND);
      // The same values published, the same ones withheld.
      expect(Array.from(screen.value, (v) => (Number.isNaN(v) ? null : v))).toEqual(Array.from(l.value, (v) => (Number.isNaN(v) ? null : v)));
    });
  });
});
