import path from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../../shared/cohort/cohort-definition';
import { PROFILE_TABLES } from '../../shared/crosstab/crosstab-definition';
import { personCellsOfRelease } from './release-cells';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { makeTempDir } from '../support/make-extract';
import { exportSession } from '../export/export-session';

/**
 * Cross-tabs and the profile leave only through the release path: disclosure control as the
 * preview shows it, the audit entry naming the cross-tab, the differencing guard, and the
 * ledger's record of who counts in which cell (PersonCells) for every table.
 */
let t: TestEngine;
let dir: string;
const saved = process.env.VERHUIS_POLICY_FILE;
const EVERYONE = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
const YOUNGER = { ...EVERYONE, ageBands: AGE_BANDS.filter((b) => b !== '65+') };
const NAT_REGION = { kind: 'crosstab' as const, definition: { rows: { var: 'nationality' as const }, cols: { var: 'area' as const, at: 'decision' as const, level: 'region' as const } } };

beforeAll(() => {
  dir = makeTempDir('vv-crosstab-release-');
  t = makeTestEngine();
});
beforeEach(() => {
  delete process.env.VERHUIS_POLICY_FILE; // no second policy file (a missing one blocks output)
  t.engine.state.session?.close();
  t.engine.state.session = exportSession(5, 1500);
});
afterAll(() => {
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.VERHUIS_POLICY_FILE;
  else process.env.VERHUIS_POLICY_FILE = saved;
});

describe('cross-tabs through the release path', () => {
  it('screen counts, preview and CSV agree: the CSV holds exactly the protected table, with [c] where protected', async () => {
    const x = await t.value('crosstab.compute', { cohort: EVERYONE, definition: NAT_REGION.definition });
    const { tables } = await t.value('crosstab.preview', { cohort: EVERYONE, subject: NAT_REGION });
    expect(tables).toHaveLength(1);
    const p = tables[0];
    expect(p.rows).toBe(x.rowCategories.length);
    // Published values are the screen's counts wherever they are not protected.
    const counts = x.layers[0].table.counts;
    p.cells.forEach((v, k) => (v === null ? expect(p.cellStatus[k]).not.toBe('.') : expect(v).toBe(counts[k])));
    expect(p.counts.primary).toBeGreaterThan(0);
    for (const v of p.cells) if (v !== null) expect(v === 0 || v >= 10).toBe(true);

    const file = path.join(dir, 'nat-region.csv');
    const r = await t.value('export.crosstab', { cohort: EVERYONE, subject: NAT_REGION, format: 'csv', path: file, language: 'en' });
    expect(r.counts).toEqual(p.counts);
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Nationality \\ Region at decision \(2019\);/);
    const body = lines.slice(1, p.rows + 1).map((l) => l.split(';').slice(1, -1));
    expect(body).toEqual(Array.from({ length: p.rows }, (_, i) => p.cells.slice(i * p.cols, (i + 1) * p.cols).map((v) => (v === null ? '[c]' : String(v)))));
    const log = await t.value('audit.list', {});
    expect(log.records[0].entry.table).toMatchObject({ kind: 'crosstab', definition: { rows: { var: 'nationality' } } });
    expect((await t.value('audit.verify', {})).ok).toBe(true);
  });

  it('every table of a release carries PersonCells that rebuild its counts (layers and profile)', async () => {
    const session = t.engine.state.session!;
    const layered = { kind: 'crosstab' as const, definition: { rows: { var: 'sex' as const }, cols: { var: 'kbiTarget' as const }, layers: { var: 'decisionYear' as const } } };
    for (const subject of [layered, { kind: 'profile' as const, options: { topNationalities: 5, vintage: '2019' as const } }]) {
      const { built, cells } = personCellsOfRelease(session, EVERYONE, subject);
      expect(cells).toHaveLength(built.tables.length);
      if (subject.kind === 'profile') expect(built.tables).toHaveLength(PROFILE_TABLES.length);
      let persons = 0;
      built.tables.forEach((table, i) => {
        const rebuilt = new Array(table.table.rows * table.table.cols).fill(0);
        for (let k = 0; k < cells[i].cell.length; k++) rebuilt[cells[i].cell[k]]++;
        // Published cells equal the PersonCells' counts (protected ones are null).
        table.table.cells.forEach((v, k) => v !== null && expect(v).toBe(rebuilt[k]));
        expect(new Set(cells[i].person).size).toBe(cells[i].person.length); // one entry per person
        persons += cells[i].person.length;
      });
      // Layers partition the cohort; each profile table covers all of it.
      const size = (await t.value('crosstab.profile', { cohort: EVERYONE })).cohortSize;
      expect(persons).toBe(subject.kind === 'profile' ? size * PROFILE_TABLES.length : size);
    }
  });

  it('refuses a cross-tab of a nested cohort a few persons smaller (differencing guard)', async () => {
    const first = await t.value('export.crosstab', { cohort: EVERYONE, subject: NAT_REGION, format: 'csv', path: path.join(dir, 'a.csv'), language: 'nl' });
    const second = await t.call('export.crosstab', { cohort: YOUNGER, subject: NAT_REGION, format: 'csv', path: path.join(dir, 'b.csv'), language: 'nl' });
    expect(second.ok ? null : second.error.code).toBe('DIFFERENCING_RISK');
    if (!second.ok) expect(second.error.message.en).toContain(`#${first.auditSeq}`);
    const clip = await t.call('export.crosstabClipboard', { cohort: YOUNGER, subject: NAT_REGION, language: 'nl' });
    expect(clip.ok ? null : clip.error.code).toBe('DIFFERENCING_RISK');
  });
});

describe('custom groups saved with the cohort recipe', () => {
  it('keeps the cross-tab with a saved cohort, writes it into the recipe and restores it on import', async () => {
    const definition = {
      rows: { var: 'nationality' as const, top: 3, groups: [{ label: 'Hoorn van Afrika', codes: ['ERI', 'SOM'] }] },
      cols: { var: 'area' as const, at: 'decision' as const, level: 'municipality' as const, groups: [{ label: 'Centrumsteden', codes: ['11002', '44021'] }] },
      layers: { var: 'ageBand' as const, bands: [{ min: 0, max: 17 }, { min: 18, max: 120 }] },
    };
    await t.value('cohort.save', { name: 'Vluchtelingen', definition: EVERYONE });
    expect((await t.value('crosstab.saved', { cohortName: 'Vluchtelingen' })).definition).toBeNull();
    await t.value('crosstab.saveWithCohort', { cohortName: 'Vluchtelingen', definition });
    const { recipe, json } = await t.value('cohort.exportRecipe', { name: 'Vluchtelingen' });
    expect(recipe.crosstab).toMatchObject(definition);
    const imported = await t.value('cohort.importRecipe', { json, saveAs: 'Kopie' });
    expect(imported.saved?.name).toBe('Kopie');
    expect((await t.value('crosstab.saved', { cohortName: 'Kopie' })).definition).toMatchObject(definition);
    const missing = await t.call('crosstab.saveWithCohort', { cohortName: 'Bestaat niet', definition });
    expect(missing.ok).toBe(false);
  });
});
