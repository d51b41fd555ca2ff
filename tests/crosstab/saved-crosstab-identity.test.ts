import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateWorkspace } from '../../electron/engine/workspace/migrate';
import { MIGRATIONS } from '../../electron/engine/workspace/migrations';
import { setWorkspaceSetting } from '../../electron/engine/workspace/workspace-settings';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { exportSession } from '../export/export-session';

/**
 * A cross-tab kept with a saved cohort belongs to that cohort, not to its name: it follows a
 * rename, and a cohort deleted and made again under the same name starts without it.
 */
let t: TestEngine;
const SYRIANS = { nationalities: ['SYR'] };
const AFGHANS = { nationalities: ['AFG'] };
const NAT_REGION = { rows: { var: 'nationality' as const, top: 3 }, cols: { var: 'area' as const, at: 'decision' as const, level: 'region' as const } };
const SEX_KBI = { rows: { var: 'sex' as const }, cols: { var: 'kbiTarget' as const } };

beforeAll(() => {
  t = makeTestEngine();
});
beforeEach(() => {
  t.engine.state.session?.close();
  t.engine.state.session = exportSession(5, 300);
});
afterAll(() => t.dispose());

const kept = async (cohortName: string) => (await t.value('crosstab.saved', { cohortName })).definition;

describe('a cross-tab kept with a cohort', () => {
  it('follows the cohort when it is renamed; the old name carries nothing', async () => {
    await t.value('cohort.save', { name: 'Syriërs', definition: SYRIANS });
    await t.value('crosstab.saveWithCohort', { cohortName: 'Syriërs', definition: NAT_REGION });
    await t.value('cohort.rename', { from: 'Syriërs', to: 'Syrische vluchtelingen' });
    expect(await kept('Syrische vluchtelingen')).toMatchObject({ rows: { var: 'nationality' } });
    // A new cohort under the old name is another cohort: it has no cross-tab.
    await t.value('cohort.save', { name: 'Syriërs', definition: AFGHANS });
    expect(await kept('Syriërs')).toBeNull();
    const recipe = (await t.value('cohort.exportRecipe', { name: 'Syriërs' })).recipe;
    expect(recipe.crosstab ?? null).toBeNull();
  });

  it('does not come back when the cohort is deleted and made again under the same name', async () => {
    await t.value('cohort.save', { name: 'Afghanen', definition: AFGHANS });
    await t.value('crosstab.saveWithCohort', { cohortName: 'Afghanen', definition: SEX_KBI });
    await t.value('cohort.delete', { name: 'Afghanen' });
    await t.value('cohort.save', { name: 'Afghanen', definition: SYRIANS });
    expect(await kept('Afghanen')).toBeNull();
  });

  it('stays with a cohort whose definition is overwritten under its name (the same saved cohort)', async () => {
    await t.value('cohort.save', { name: 'Werkcohort', definition: SYRIANS });
    await t.value('crosstab.saveWithCohort', { cohortName: 'Werkcohort', definition: SEX_KBI });
    await t.value('cohort.save', { name: 'Werkcohort', definition: AFGHANS, overwrite: true });
    expect(await kept('Werkcohort')).toMatchObject({ rows: { var: 'sex' } });
  });

  it('two cohorts swapping names keep their own cross-tabs', async () => {
    await t.value('cohort.save', { name: 'A', definition: SYRIANS });
    await t.value('cohort.save', { name: 'B', definition: AFGHANS });
    await t.value('crosstab.saveWithCohort', { cohortName: 'A', definition: NAT_REGION });
    await t.value('crosstab.saveWithCohort', { cohortName: 'B', definition: SEX_KBI });
    await t.value('cohort.rename', { from: 'A', to: 'tmp' });
    await t.value('cohort.rename', { from: 'B', to: 'A' });
    await t.value('cohort.rename', { from: 'tmp', to: 'B' });
    expect(await kept('A')).toMatchObject({ rows: { var: 'sex' } });
    expect(await kept('B')).toMatchObject({ rows: { var: 'nationality' } });
  });
});

describe('workspaces from before cohort ids (migration 0006)', () => {
  it('attaches a cross-tab kept under a cohort name to the id of that cohort and drops one whose cohort is gone', () => {
    const ws = new Database(':memory:');
    const before = MIGRATIONS.filter((m) => m.version < 6);
    migrateWorkspace(ws, before);
    const now = '2026-01-01T00:00:00.000Z';
    ws.prepare('INSERT INTO cohort (name, definition, created_at, updated_at) VALUES (?, ?, ?, ?)').run('Oud cohort', JSON.stringify(SYRIANS), now, now);
    setWorkspaceSetting(ws, 'crosstab.saved:Oud cohort', SEX_KBI);
    // A cross-tab whose cohort is gone is dropped: nothing to attach it to.
    setWorkspaceSetting(ws, 'crosstab.saved:Weg', NAT_REGION);
    migrateWorkspace(ws);
    const ids = ws.prepare('SELECT id FROM cohort').pluck().all() as string[];
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    const rows = ws.prepare('SELECT cohort_id, definition FROM cohort_crosstab').all() as { cohort_id: string; definition: string }[];
    expect(rows).toEqual([{ cohort_id: ids[0], definition: expect.stringContaining('"kbiTarget"') }]);
    expect(ws.prepare("SELECT count(*) FROM settings WHERE key LIKE 'crosstab.saved:%'").pluck().get()).toBe(0);
    ws.close();
  });
});
