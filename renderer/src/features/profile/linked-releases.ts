import type { ProtectedCounts } from '../../../../shared/disclosure/protection';

/** Audit numbers of the earlier releases that linked cells of these tables conflict with, for the legend. */
export function linkedReleasesOf(tables: ProtectedCounts[] | null): number[] {
  const seen = new Set<number>();
  for (const t of tables ?? []) for (const [, release] of t.linkedTo ?? []) seen.add(release);
  return [...seen].sort((a, b) => a - b);
}
