import type { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import type { Bitset } from '../cohort/bitset';
import type { ColumnarIndex } from '../cohort/columnar-index';
import { NO_DAY } from '../cohort/day-number';

/**
 * True when the follow-up window leaves persons out: it is set and it decides the end
 * (not overridden by a state matrix's destination date or an all-moves period).
 */
export function followUpExcludes(def: MatrixDefinition): boolean {
  if (!def.followUpMonths) return false;
  if (def.kind === 'state') return def.destinationDate === null;
  if (def.kind === 'all-moves') return def.period === null;
  return true;
}

/**
 * Of the persons a follow-up window leaves out, those without a decision date (they have no
 * window at all); the others are left out because their window ends after the reference date.
 */
export function excludedWithoutDecision(ix: ColumnarIndex, members: Bitset, def: MatrixDefinition): number {
  if (!followUpExcludes(def)) return 0;
  let n = 0;
  for (let w = 0; w < members.length; w++) {
    let v = members[w];
    while (v !== 0) {
      const t = v & -v;
      v ^= t;
      if (ix.decisionDay[(w << 5) + 31 - Math.clz32(t)] === NO_DAY) n++;
    }
  }
  return n;
}
