import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { exportSession } from '../export/export-session';
import { makeTempDir } from '../support/make-extract';
import { mulberry32 } from '../support/seeded-random';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

/**
 * Issue 11.5: a recipe holds only validated codes and dates, so a raw matrix cannot ride along
 * as "nationality codes"; writing a recipe file obeys the write-path rules and is recorded in
 * the audit log as a non-data release.
 */
let t: TestEngine;
const dir = makeTempDir('vv-recipes-');
beforeAll(() => {
  delete process.env.VERHUIS_POLICY_FILE;
  t = makeTestEngine({ policy: { systemFile: path.join(dir, 'no-admin.json'), extraFile: undefined } });
  t.engine.state.session = exportSession(4, 600);
  t.engine.state.status = 'ready';
});
afterAll(() => t.dispose());

/** A raw 47 × 47 arrondissement matrix (2,209 counts) spelled as codes, 300 per field as the schema's list limit allows. */
function covertDefinitions(): unknown[] {
  const rnd = mulberry32(2209);
  const counts = Array.from({ length: 2209 }, () => Math.floor(rnd() * 400));
  const out: unknown[] = [];
  for (let i = 0; i < counts.length; i += 300) {
    const chunk = counts.slice(i, i + 300);
    out.push({ nationalities: chunk.map((n, j) => `Q${String(j).padStart(3, '0')}${n}`) });
    out.push({ geoAtDecision: { level: 'municipality', vintage: '2019', codes: chunk.map((n) => `X${n}`) } });
  }
  // A date that only looks like one (month 13 and up): a field of its own to carry numbers.
  out.push({ decisionDate: { from: `2016-${13 + (counts[0] % 80)}-01`, to: null } });
  return out;
}

describe('recipes carry validated codes only', () => {
  it('refuses the covert recipe in the cohort schema, on save and on import', async () => {
    const defs = covertDefinitions();
    for (const d of defs) expect(CohortDefinition.safeParse(d).success).toBe(false);
    const save = await t.call('cohort.save', { name: 'covert', definition: defs[0] as never });
    expect(save.ok ? 'ok' : save.error.code).toBe('INVALID_REQUEST');
    const json = JSON.stringify({ kind: 'verhuisverkenner.cohort', version: 1, name: 'covert', definition: defs[0], extractId: 'x', extractFingerprint: 'f'.repeat(64), createdAt: '2025-01-01' });
    const imp = await t.call('cohort.importRecipe', { json, saveAs: 'covert' });
    expect(imp.ok ? 'ok' : imp.error.code).toBe('RECIPE_INVALID');
    // Real codes and dates pass.
    expect(CohortDefinition.safeParse({ nationalities: ['SYR', 'STATELESS'], geoAtDecision: { level: 'municipality', codes: ['11002', 'ABROAD'] }, decisionDate: { from: '2016-02-29', to: null } }).success).toBe(true);
  });

  it('writes a recipe file under the write-path rules, 0600, and records it as a non-data release', async () => {
    await t.value('cohort.save', { name: 'Syriërs', definition: { nationalities: ['SYR'] } });
    const target = path.join(dir, 'syriers.json');
    writeFileSync(target, '{"keep":true}');
    const refused = await t.call('cohort.writeRecipeFile', { name: 'Syriërs', path: target });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FILE_EXISTS');
    expect(readFileSync(target, 'utf8')).toBe('{"keep":true}');
    const relative = await t.call('cohort.writeRecipeFile', { name: 'Syriërs', path: 'syriers.json' });
    expect(relative.ok ? 'ok' : relative.error.code).toBe('PATH_REFUSED');
    const inData = await t.call('cohort.writeRecipeFile', { name: 'Syriërs', path: path.join(t.dataDir, 'r.json') });
    expect(inData.ok ? 'ok' : inData.error.code).toBe('PATH_REFUSED');

    const w = await t.value('cohort.writeRecipeFile', { name: 'Syriërs', path: target, overwrite: true });
    expect(JSON.parse(readFileSync(target, 'utf8')).definition.nationalities).toEqual(['SYR']);
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    const { records } = await t.value('audit.list', {});
    const entry = records.find((r) => r.seq === w.auditSeq)!.entry;
    expect(entry).toMatchObject({ output: 'recipe', fileName: 'syriers.json', table: { kind: 'recipe', name: 'Syriërs' }, counts: { cells: 0 } });
    expect((await t.value('audit.verify', {})).ok).toBe(true);
  });
});
