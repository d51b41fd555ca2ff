import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { makeFixtureSession } from '../support/matrix-fixture';

let t: TestEngine;
beforeAll(() => {
  t = makeTestEngine();
  t.engine.state.session = makeFixtureSession({ seed: 3, persons: 1500, referenceDate: '2025-06-30' });
  t.engine.state.status = 'ready';
});
afterAll(() => t.dispose());

describe('cohort methods', () => {
  it('counts distinct persons: AND across fields, OR within a field', async () => {
    const all = await t.value('cohort.count', { definition: {} });
    expect(all.persons).toBe(1500);
    const refugee = (await t.value('cohort.count', { definition: { status: ['REFUGEE'] } })).persons;
    const subsidiary = (await t.value('cohort.count', { definition: { status: ['SUBSIDIARY'] } })).persons;
    const either = (await t.value('cohort.count', { definition: { status: ['REFUGEE', 'SUBSIDIARY'] } })).persons;
    expect(either).toBe(refugee + subsidiary);
    const men = (await t.value('cohort.count', { definition: { status: ['REFUGEE', 'SUBSIDIARY'], sexes: ['M'] } })).persons;
    expect(men).toBeGreaterThan(0);
    expect(men).toBeLessThan(either);
  });

  it('lists the values present for the pick lists', async () => {
    const o = await t.value('cohort.options', {});
    expect(o.nationalities).toContain('SYR');
    expect(o.decisionYears[0]).toBeGreaterThanOrEqual(2014);
  });

  it('saves, renames, lists and deletes cohorts; refuses a duplicate name', async () => {
    await t.value('cohort.save', { name: 'Syriërs', definition: { nationalities: ['SYR'] } });
    const dup = await t.call('cohort.save', { name: 'Syriërs', definition: {} });
    expect(dup.ok ? null : dup.error.code).toBe('COHORT_NAME_TAKEN');
    await t.value('cohort.rename', { from: 'Syriërs', to: 'Syrië' });
    const list = await t.value('cohort.list', {});
    expect(list.cohorts.map((c) => c.name)).toEqual(['Syrië']);
    expect(list.cohorts[0].definition.nationalities).toEqual(['SYR']);
    expect((await t.value('cohort.delete', { name: 'Syrië' })).deleted).toBe(true);
    const missing = await t.call('cohort.rename', { from: 'Syrië', to: 'x' });
    expect(missing.ok ? null : missing.error.code).toBe('COHORT_NOT_FOUND');
  });

  it('exports a recipe with the extract fingerprint; importing on another extract says so', async () => {
    await t.value('cohort.save', { name: 'Vrouwen', definition: { sexes: ['F'] } });
    const { json, recipe } = await t.value('cohort.exportRecipe', { name: 'Vrouwen' });
    expect(recipe.extractFingerprint).toBe(t.engine.state.session!.summary.fingerprint);
    const same = await t.value('cohort.importRecipe', { json, saveAs: 'Vrouwen (kopie)' });
    expect(same.sameExtract).toBe(true);
    expect(same.saved?.name).toBe('Vrouwen (kopie)');
    const other = await t.value('cohort.importRecipe', { json: json.replace(recipe.extractFingerprint, 'b'.repeat(64)) });
    expect(other.sameExtract).toBe(false);
    const bad = await t.call('cohort.importRecipe', { json: '{"kind":"something"}' });
    expect(bad.ok ? null : bad.error.code).toBe('RECIPE_INVALID');
  });

  it('gives the areas of a level in a vintage', async () => {
    const { areas } = await t.value('geo.areas', { level: 'region', vintage: '2025' });
    expect(areas.map((a) => a.code)).toEqual(['02000', '04000', '03000', 'ABROAD', 'RADIATED', 'DECEASED', 'UNKNOWN']);
  });

  it('answers NO_EXTRACT_OPEN without an extract', async () => {
    const other = makeTestEngine();
    const r = await other.call('cohort.count', { definition: {} });
    expect(r.ok ? null : r.error.code).toBe('NO_EXTRACT_OPEN');
    other.dispose();
  });
});
