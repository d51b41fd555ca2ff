import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import type { ProtectedCounts } from '../../shared/disclosure/protection';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import { protectedTables, releasableTables, type Subject } from '../../electron/engine/export/release';
import { makeTestEngine, RESOURCES_DIR, type TestEngine } from '../support/test-engine';

/**
 * Issue 10's promise for the first release of a workspace: with nothing released before, a
 * table is protected as it was before the ledger, apart from the coarser tables a fine matrix
 * implies, and that costs at most 10 % more withheld cells on the demo extract.
 */
const DEMO = path.join(RESOURCES_DIR, 'demo', 'demo-extract.db');
let t: TestEngine;

beforeAll(async () => {
  delete process.env.VERHUIS_POLICY_FILE;
  t = makeTestEngine();
  await t.value('extract.open', { path: DEMO, passphrase: 'demo-verhuisverkenner' } as never);
});
afterAll(() => t?.dispose());

const withheld = (p: ProtectedCounts) => {
  let n = 0;
  for (const v of p.cells) if (v === null) n++;
  for (const v of p.rowTotals) if (v === null) n++;
  for (const v of p.colTotals) if (v === null) n++;
  return n + (p.total === null ? 1 : 0);
};

describe('the first release of a workspace', () => {
  it('withholds at most 10 % more cells than the same table protected on its own', async () => {
    const session = t.engine.state.session!;
    const cohorts = [CohortDefinition.parse({ status: ['REFUGEE', 'SUBSIDIARY'], decisionYears: [2016] }), CohortDefinition.parse({ status: ['REFUGEE'], decisionYears: [2017], nationalities: ['SYR'] })];
    let alone = 0;
    let first = 0;
    for (const cohort of cohorts) {
      for (const [kind, level] of [
        ['state', 'municipality'],
        ['state', 'arrondissement'],
        ['first-move', 'arrondissement'],
        ['state', 'province'],
      ] as const) {
        const subject: Subject = { kind: 'matrix', definition: MatrixDefinition.parse({ kind, level, vintage: '2019' }) };
        const a = withheld(protectedTables(session, cohort, subject, DEFAULT_POLICY, 'nl').tables[0].table);
        const { built } = await releasableTables(session, cohort, subject, DEFAULT_POLICY, 'nl');
        const f = withheld(built.tables[0].table);
        // Never less: the table's own protection is where the first release starts.
        expect(f, `${kind} ${level}`).toBeGreaterThanOrEqual(a);
        alone += a;
        first += f;
      }
    }
    expect(alone).toBeGreaterThan(100);
    expect(first / alone).toBeLessThanOrEqual(1.1);
  }, 600_000);
});
