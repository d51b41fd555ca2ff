import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CrosstabDefinition } from '../../../shared/crosstab/crosstab-definition';

/**
 * The cross-tab (with its custom groups) kept with a saved cohort, in the encrypted workspace;
 * the cohort's recipe file carries it (`crosstab`), and importing a recipe restores it. Keyed by
 * the cohort's id (cohortIdOf), not its name: a rename keeps it, a new cohort under an old
 * name does not inherit it (migration 0006).
 */
export function savedCrosstab(ws: Database, cohortId: string): CrosstabDefinition | null {
  const raw = ws.prepare('SELECT definition FROM cohort_crosstab WHERE cohort_id = ?').pluck().get(cohortId) as string | undefined;
  const parsed = raw === undefined ? null : CrosstabDefinition.safeParse(JSON.parse(raw));
  return parsed?.success ? parsed.data : null;
}

export function saveCrosstab(ws: Database, cohortId: string, definition: CrosstabDefinition | null): void {
  if (definition === null) {
    ws.prepare('DELETE FROM cohort_crosstab WHERE cohort_id = ?').run(cohortId);
    return;
  }
  ws.prepare('INSERT INTO cohort_crosstab (cohort_id, definition, updated_at) VALUES (?, ?, ?) ON CONFLICT(cohort_id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at').run(
    cohortId,
    JSON.stringify(definition),
    new Date().toISOString(),
  );
}
