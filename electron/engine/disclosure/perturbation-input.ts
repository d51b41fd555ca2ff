import type { DisclosurePolicy } from '../../../shared/disclosure/policy';
import type { OpenSession } from '../core/open-session';
import type { PersonCells } from '../ledger/person-cells';
import { cellKeysFromPersonCells } from './cell-key';
import type { CountTable } from './count-table';
import { sessionPersonKeys } from './person-keys';

/**
 * What protectTable receives for a table with these PersonCells. Under perturbation the
 * table's keys are replaced by the cell keys of its persons over the workspace's secret
 * person keys (made on first use); under the other methods the table is left as it is, so
 * the person keys are never read or made for a suppressed or rounded release.
 */
export function protectionInput(session: OpenSession, policy: Pick<DisclosurePolicy, 'method'>): (t: CountTable, pc: PersonCells) => CountTable {
  if (policy.method !== 'perturbation') return (t) => t;
  const personKeys = sessionPersonKeys(session);
  return (t, pc) => ({ ...t, keys: cellKeysFromPersonCells(pc, t.rows, t.cols, personKeys) });
}
