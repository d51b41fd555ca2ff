import { PROFILE_TABLES, profileVariable, type Category, type ProfileOptions, type ProfileTableKey } from '../../../shared/crosstab/crosstab-definition';
import type { Bitset } from '../cohort/bitset';
import type { ColumnarIndex } from '../cohort/columnar-index';
import { memberList } from './categorise';
import { computeOneWay, type CountOptions, type CountsTable, type PersonPlacement } from './compute-crosstab';

export interface ProfileTable {
  key: ProfileTableKey;
  label: { nl: string; en: string };
  categories: Category[];
  table: CountsTable;
  placement?: PersonPlacement;
}

/** The note's standard profile of a cohort: one one-way table per variable, in the note's order. */
export function computeProfile(ix: ColumnarIndex, members: Bitset, options: ProfileOptions, count: CountOptions = {}): ProfileTable[] {
  // The member list only for the release path (who counts where); the counts run over the bitset.
  const list = count.persons ? memberList(members) : null;
  return PROFILE_TABLES.map((key) => {
    const t = computeOneWay(ix, members, list, profileVariable(key, options), count);
    return { key, label: t.label, categories: t.categories, table: t.table, ...(t.placement ? { placement: t.placement } : {}) };
  });
}
