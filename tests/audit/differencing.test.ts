import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { makeTempDir } from '../support/make-extract';
import { exportSession } from '../export/export-session';
import { cohortWithin } from '../../electron/engine/audit/differencing';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { AGE_BANDS } from '../../shared/cohort/cohort-definition';

let t: TestEngine;
let dir: string;
const saved = process.env.VERHUIS_POLICY_FILE;
const DEF = { kind: 'state' as const, level: 'region' as const };
const EVERYONE = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
// Nested in EVERYONE: all but the oldest age band, a small group.
const YOUNGER = { ...EVERYONE, ageBands: AGE_BANDS.filter((b) => b !== '65+') };

beforeAll(() => {
  dir = makeTempDir('vv-diff-');
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

describe('differencing guard', () => {
  it('judges nesting from the cohort definitions', () => {
    const all = CohortDefinition.parse(EVERYONE);
    const younger = CohortDefinition.parse(YOUNGER);
    const men = CohortDefinition.parse({ ...EVERYONE, sexes: ['M'] });
    const women = CohortDefinition.parse({ ...EVERYONE, sexes: ['F'] });
    expect(cohortWithin(younger, all)).toBe(true);
    expect(cohortWithin(all, younger)).toBe(false);
    expect(cohortWithin(men, women)).toBe(false);
    expect(cohortWithin(CohortDefinition.parse({ ...EVERYONE, decisionDate: { from: '2016-01-01', to: '2016-12-31' } }), CohortDefinition.parse({ ...EVERYONE, decisionDate: { from: '2015-01-01', to: null } }))).toBe(true);
  });

  it('refuses the second of two nested cohorts when their difference reveals a count below T', async () => {
    // The premise: somewhere both tables publish a cell and they differ by 1..9 persons.
    const a = await t.value('disclosure.preview', { cohort: EVERYONE, definition: DEF });
    const b = await t.value('disclosure.preview', { cohort: YOUNGER, definition: DEF });
    const small = a.cells.filter((v, i) => v !== null && b.cells[i] !== null && v - b.cells[i]! > 0 && v - b.cells[i]! < 10);
    expect(small.length).toBeGreaterThan(0);

    const first = await t.value('export.matrix', { cohort: EVERYONE, definition: DEF, format: 'csv', path: path.join(dir, 'all.csv'), language: 'nl' });
    const second = await t.call('export.matrix', { cohort: YOUNGER, definition: DEF, format: 'csv', path: path.join(dir, 'younger.csv'), language: 'nl' });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe('DIFFERENCING_RISK');
    expect(second.error.message.en).toContain(`#${first.auditSeq}`);
    expect(second.error.message.nl).toContain('10');
    // The clipboard goes through the same guard.
    const clip = await t.call('export.clipboard', { cohort: YOUNGER, definition: DEF, language: 'nl' });
    expect(clip.ok ? null : clip.error.code).toBe('DIFFERENCING_RISK');
    expect((await t.value('audit.list', {})).records).toHaveLength(1);
  });

  it('lets non-nested cohorts and other tables through', async () => {
    await t.value('export.matrix', { cohort: { ...EVERYONE, sexes: ['M'] }, definition: DEF, format: 'csv', path: path.join(dir, 'm.csv'), language: 'nl' });
    await t.value('export.matrix', { cohort: { ...EVERYONE, sexes: ['F'] }, definition: DEF, format: 'csv', path: path.join(dir, 'f.csv'), language: 'nl' });
    await t.value('export.matrix', { cohort: YOUNGER, definition: { ...DEF, level: 'province' }, format: 'csv', path: path.join(dir, 'p.csv'), language: 'nl' });
    expect((await t.value('audit.list', {})).records).toHaveLength(3);
  });
});
