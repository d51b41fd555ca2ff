import { it } from 'vitest';
import path from 'node:path';
import { makeTestEngine, RESOURCES_DIR } from '../support/test-engine';
import { protectedTables } from '../../electron/engine/export/release';
import { protectAgainstLedger } from '../../electron/engine/ledger/protect-against-ledger';
import { getHighs } from '../../electron/engine/ledger/highs-instance';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';

it('empty ledger on the demo', async () => {
  const t = makeTestEngine();
  await t.value('extract.open', { path: path.join(RESOURCES_DIR, 'demo/demo-extract.db'), passphrase: 'demo-verhuisverkenner' } as never);
  const s = t.engine.state.session!;
  for (const cohort of [CohortDefinition.parse({ status: ['REFUGEE'], decisionYears: [2016] })]) {
    for (const level of ['municipality'] as const) {
      for (const kind of ['state'] as const) {
        const a = protectedTables(s, cohort, { kind: 'matrix', definition: MatrixDefinition.parse({ kind, level }) }, DEFAULT_POLICY, 'nl');
        const t0 = performance.now();
        const r = protectAgainstLedger(await getHighs(), [], { counts: a.counts, personCells: a.personCells, protected: a.tables.map((x) => x.table), hierarchy: a.hierarchy }, DEFAULT_POLICY);
        const before = a.tables[0].table.counts;
        const after = r.tables[0].counts;
        const sum = (c: typeof before) => c.primary + c.class + c.secondary + c.linked;
        console.log(kind, level, sum(before), '->', sum(after), `${(100 * (sum(after) / sum(before) - 1)).toFixed(1)}%`, Math.round(performance.now() - t0), 'ms');
      }
    }
  }
  t.dispose();
}, 900000);
