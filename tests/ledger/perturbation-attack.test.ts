import { readFileSync } from 'node:fs';
import path from 'node:path';
import loadHighs, { type Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import { PERTURBATION_MAX_NOISE } from '../../shared/disclosure/protection';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { attack, csvTables, type AttackedTable, cellsOfPersons } from '../support/attacker-lp';
import { makeTempDir } from '../support/temp-dirs';
import { makeTestEngine, RESOURCES_DIR, type TestEngine } from '../support/test-engine';

/**
 * Cell-key perturbation against the independent attacker (tests/support/attacker-lp.ts), on
 * the demo extract: the differencing pair of the review (two cohorts a year of age apart,
 * which protected alone pins small groups exactly, see linked-releases.test.ts) and linked
 * levels, all released perturbed. The attacker reads each published value as a band of ±D
 * and pins no group of 1..T−1 persons.
 */
const DEMO = path.join(RESOURCES_DIR, 'demo', 'demo-extract.db');
const T = 10;
const C = { status: ['REFUGEE'], decisionYears: [2016], nationalities: ['AFG'] } as const;

let t: TestEngine;
let highs: Highs;
let outDir: string;
let n = 0;

beforeAll(async () => {
  highs = await loadHighs();
  outDir = makeTempDir('vv-perturb-attack-');
  t = makeTestEngine();
  await t.value('extract.open', { path: DEMO, passphrase: 'demo-verhuisverkenner' } as never);
  await t.value('disclosure.setUserPolicy', { user: { method: 'perturbation' } });
});
afterAll(() => t?.dispose());


async function releasePerturbed(cohort: object, definition: object): Promise<AttackedTable> {
  const file = path.join(outDir, `m${n++}.csv`);
  await t.value('export.matrix', { cohort, definition, format: 'csv', path: file, language: 'nl' } as never);
  const [grid] = csvTables(readFileSync(file, 'utf8'), 1);
  const m = computeMatrix(t.engine.state.session!, CohortDefinition.parse(cohort), MatrixDefinition.parse(definition), undefined, { persons: true });
  return { label: `${JSON.stringify(definition)} ${JSON.stringify(cohort)}`, ...grid, band: PERTURBATION_MAX_NOISE, cellsOf: cellsOfPersons(m.personCells!) };
}

const state = (level: string) => ({ kind: 'state', level, vintage: '2019' });

describe('perturbed releases against the attacker', () => {
  it('two cohorts a year of age apart, and linked levels: no small group of persons pinned', async () => {
    const published = [
      await releasePerturbed({ ...C, ageRange: { min: 18, max: 60 } }, state('region')),
      await releasePerturbed({ ...C, ageRange: { min: 18, max: 61 } }, state('region')),
      await releasePerturbed(C, state('region')),
      await releasePerturbed(C, state('province')),
      await releasePerturbed(C, state('arrondissement')),
    ];
    // Nothing is suppressed: every value published.
    for (const p of published) expect(p.values.every((v) => v !== null)).toBe(true);
    const report = attack(highs, published, T);
    expect(report.checkedAtoms).toBeGreaterThan(0);
    expect(report.pinnedAtoms, 'small groups of persons pinned').toEqual([]);
  }, 600_000);
});
