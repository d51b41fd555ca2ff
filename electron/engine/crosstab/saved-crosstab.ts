import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CrosstabDefinition } from '../../../shared/crosstab/crosstab-definition';
import { getWorkspaceSetting, setWorkspaceSetting } from '../workspace/workspace-settings';

/**
 * The cross-tab (with its custom groups) kept with a saved cohort, in the encrypted workspace;
 * the cohort's recipe file carries it (`crosstab`), and importing a recipe restores it.
 */
const keyOf = (cohortName: string) => `crosstab.saved:${cohortName}`;

export function savedCrosstab(ws: Database, cohortName: string): CrosstabDefinition | null {
  const raw = getWorkspaceSetting<unknown>(ws, keyOf(cohortName));
  const parsed = raw === undefined ? null : CrosstabDefinition.safeParse(raw);
  return parsed?.success ? parsed.data : null;
}

export function saveCrosstab(ws: Database, cohortName: string, definition: CrosstabDefinition | null): void {
  setWorkspaceSetting(ws, keyOf(cohortName), definition);
}
