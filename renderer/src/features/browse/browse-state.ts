/**
 * The browse grid's filter and sort per extract and table, kept for the renderer session
 * (in memory only: filter values can be data). Switching table tabs or views and coming
 * back shows the grid as it was left.
 */
export interface GridViewState {
  filterModel: Record<string, unknown> | null;
  sort: { colId: string; sort: 'asc' | 'desc'; sortIndex: number | null }[];
}

const states = new Map<string, GridViewState>();

export const gridStateKey = (extractId: string, table: string): string => `${extractId}\u0000${table}`;

export function saveGridState(key: string, state: GridViewState): void {
  const empty = (!state.filterModel || Object.keys(state.filterModel).length === 0) && state.sort.length === 0;
  if (empty) states.delete(key);
  else states.set(key, { filterModel: state.filterModel ? structuredClone(state.filterModel) : null, sort: state.sort.map((s) => ({ ...s })) });
}

export const loadGridState = (key: string): GridViewState | null => states.get(key) ?? null;

/** Forgets everything (the extract was closed). */
export const clearGridStates = (): void => states.clear();
