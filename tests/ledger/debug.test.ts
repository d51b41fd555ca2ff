import { it } from 'vitest';
import { exportSession } from '../export/export-session';
import { protectedTables } from '../../electron/engine/export/release';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { protectAgainstLedger } from '../../electron/engine/ledger/protect-against-ledger';
import { ledgerTableOf } from '../../electron/engine/ledger/ledger-table';
import { getHighs } from '../../electron/engine/ledger/highs-instance';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';

it('debug', async () => {
  const s = exportSession();
  const cohort = CohortDefinition.parse({ status: ['REFUGEE', 'SUBSIDIARY'] });
  const ledger = [];
  let seq = 1;
  for (const level of ['region', 'province'] as const) {
    const def = MatrixDefinition.parse({ kind: 'state', level });
    const a = protectedTables(s, cohort, { kind: 'matrix', definition: def }, DEFAULT_POLICY, 'nl');
    const t0 = performance.now();
    try {
      const r = protectAgainstLedger(await getHighs(), ledger, { counts: a.counts, personCells: a.personCells, protected: a.tables.map((t) => t.table), hierarchy: a.hierarchy }, DEFAULT_POLICY);
      console.log(level, 'before', a.tables[0].table.counts, 'after', r.tables[0].counts, r.rounds, r.stats, Math.round(performance.now() - t0), 'ms');
      ledger.push(ledgerTableOf(r.tables[0], a.personCells[0], seq++, 0, 2, a.hierarchy[0]));
    } catch (e) {
      console.log(level, 'refused', (e as Error).message, Math.round(performance.now() - t0));
    }
  }
}, 600000);
