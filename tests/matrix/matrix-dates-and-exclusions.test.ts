import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matrixDateProblem } from '../../shared/matrix/matrix-date-checks';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { makeFixtureSession } from '../support/matrix-fixture';

/** Issue 12, majors 3 and 4: dates the engine refuses, and who a follow-up window leaves out. */
let t: TestEngine;
beforeAll(() => {
  t = makeTestEngine();
  t.engine.state.session = makeFixtureSession({ seed: 12, persons: 1200, referenceDate: '2018-01-27' });
});
afterAll(() => t.dispose());

const state = { kind: 'state', level: 'region' } as const;

describe('matrix dates', () => {
  it('refuses a destination before the origin, with the dates in the message (NL/EN)', async () => {
    const r = await t.call('matrix.compute', { cohort: {}, definition: { ...state, originDate: '2018-01-01', destinationDate: '2017-01-01' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('MATRIX_DATES_REVERSED');
    expect(r.error.message.nl).toContain('01/01/2017');
    expect(r.error.message.nl).toContain('01/01/2018');
    expect(r.error.message.en).toMatch(/backwards/);
  });

  it('refuses any date after the reference date', async () => {
    for (const definition of [
      { ...state, destinationDate: '2030-01-01' },
      { ...state, originDate: '2018-02-01' },
      { kind: 'all-moves', level: 'region', period: { from: '2016-01-01', to: '2019-01-01' } },
    ] as const) {
      const r = await t.call('matrix.compute', { cohort: {}, definition });
      expect(r.ok, JSON.stringify(definition)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('MATRIX_DATE_AFTER_REFERENCE');
      if (!r.ok) expect(r.error.message.nl).toContain('27/01/2018');
    }
  });

  it('refuses a reversed period and accepts dates up to the reference date', async () => {
    const r = await t.call('matrix.compute', { cohort: {}, definition: { kind: 'all-moves', level: 'region', period: { from: '2017-06-01', to: '2017-01-01' } } });
    expect(r.ok ? null : r.error.code).toBe('MATRIX_DATES_REVERSED');
    const okOnReference = await t.call('matrix.compute', { cohort: {}, definition: { ...state, originDate: '2016-01-01', destinationDate: '2018-01-27' } });
    expect(okOnReference.ok).toBe(true);
  });

  it('marks the fields in the form the same way (shared check)', () => {
    expect(matrixDateProblem({ originDate: '2018-01-01', destinationDate: '2017-01-01' }, '2018-01-27')?.fields).toEqual(['originDate', 'destinationDate']);
    expect(matrixDateProblem({ destinationDate: '2030-01-01' }, '2018-01-27')?.fields).toEqual(['destinationDate']);
    expect(matrixDateProblem({ originDate: '2017-01-01', destinationDate: '2017-01-01' }, '2018-01-27')).toBeNull();
  });
});

describe('follow-up exclusions', () => {
  it('counts who is left out and why, and the counted plus the left out make the cohort', async () => {
    for (const kind of ['state', 'first-move', 'all-moves'] as const) {
      const m = await t.value('matrix.compute', { cohort: {}, definition: { kind, level: 'region', followUpMonths: 24 } });
      expect(m.excludedPersons, kind).toBeGreaterThan(0);
      expect(m.excludedNoDecision, kind).toBeGreaterThanOrEqual(0);
      expect(m.excludedNoDecision!, kind).toBeLessThanOrEqual(m.excludedPersons!);
      if (kind !== 'all-moves') expect(m.distinctPersons + m.excludedPersons!, kind).toBe(m.cohortSize);
    }
    // A destination date overrides the window: nobody is left out.
    const fixed = await t.value('matrix.compute', { cohort: {}, definition: { ...state, followUpMonths: 24, destinationDate: '2017-12-31' } });
    expect(fixed.excludedPersons).toBe(0);
    expect(fixed.excludedNoDecision).toBe(0);
  });

  it('logs a render error reported by the UI as its code and part only', async () => {
    expect(await t.value('app.reportRenderError', { code: 'RENDER_FAILED', part: 'chart.heatmap' })).toEqual({ logged: true });
    const log = readFileSync(path.join(t.dataDir, 'logs', 'verhuis.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const line = log.find((l) => l.event === 'renderer.error');
    expect(line).toMatchObject({ code: 'RENDER_FAILED', part: 'chart.heatmap' });
    const bad = await t.call('app.reportRenderError', { code: 'RENDER_FAILED', part: 'chart.anything' } as never);
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_REQUEST');
  });
});
