import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { AppError } from '../core/app-error';

/** Saved cohorts in the (encrypted) workspace table cohort(name PK, definition JSON, created_at, updated_at). */
export interface SavedCohort {
  name: string;
  definition: CohortDefinition;
  updatedAt: string;
}

interface Row {
  name: string;
  definition: string;
  updated_at: string;
}

const toSaved = (r: Row): SavedCohort => ({
  name: r.name,
  // Re-validated: a definition saved by an older version gets today's defaults.
  definition: CohortDefinition.parse(JSON.parse(r.definition)),
  updatedAt: r.updated_at,
});

export function listCohorts(ws: Database): SavedCohort[] {
  const rows = ws.prepare('SELECT name, definition, updated_at FROM cohort ORDER BY name COLLATE NOCASE').all() as Row[];
  const out: SavedCohort[] = [];
  for (const r of rows) {
    try {
      out.push(toSaved(r));
    } catch {
      // An unreadable definition is skipped rather than breaking the list.
    }
  }
  return out;
}

export function getCohort(ws: Database, name: string): SavedCohort {
  const row = ws.prepare('SELECT name, definition, updated_at FROM cohort WHERE name = ?').get(name) as Row | undefined;
  if (!row) throw new AppError('COHORT_NOT_FOUND');
  return toSaved(row);
}

export function saveCohort(ws: Database, name: string, definition: CohortDefinition, overwrite: boolean): SavedCohort {
  const now = new Date().toISOString();
  const json = JSON.stringify(definition);
  const exists = ws.prepare('SELECT 1 FROM cohort WHERE name = ?').get(name) !== undefined;
  if (exists && !overwrite) throw new AppError('COHORT_NAME_TAKEN');
  if (exists) ws.prepare('UPDATE cohort SET definition = ?, updated_at = ? WHERE name = ?').run(json, now, name);
  else ws.prepare('INSERT INTO cohort (name, definition, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, json, now, now);
  return { name, definition, updatedAt: now };
}

export function renameCohort(ws: Database, from: string, to: string): SavedCohort {
  const current = getCohort(ws, from);
  if (from === to) return current;
  if (ws.prepare('SELECT 1 FROM cohort WHERE name = ?').get(to) !== undefined) throw new AppError('COHORT_NAME_TAKEN');
  const now = new Date().toISOString();
  ws.prepare('UPDATE cohort SET name = ?, updated_at = ? WHERE name = ?').run(to, now, from);
  return { ...current, name: to, updatedAt: now };
}

/** The cohort's stable id (kept through renames and overwrites; a cohort made anew gets a new one), or null. */
export function cohortIdOf(ws: Database, name: string): string | null {
  return (ws.prepare('SELECT id FROM cohort WHERE name = ?').pluck().get(name) as string | undefined) ?? null;
}

/** Deletes the cohort and what is kept with it (its cross-tab). */
export function deleteCohort(ws: Database, name: string): boolean {
  return ws.transaction(() => {
    const id = cohortIdOf(ws, name);
    if (id === null) return false;
    ws.prepare('DELETE FROM cohort_crosstab WHERE cohort_id = ?').run(id);
    return ws.prepare('DELETE FROM cohort WHERE id = ?').run(id).changes > 0;
  })();
}
