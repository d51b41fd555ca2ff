import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import type { AreaLevel, Vintage } from '../../shared/geo/area-level';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { protectedTables } from '../../electron/engine/export/release';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { PERTURBATION_MAX_NOISE } from '../../shared/disclosure/protection';
import { computeFicheForRelease } from '../../electron/engine/matrix/fiche';
import { attack, csvTables, type AttackedTable, cellsOfPersons } from '../support/attacker-lp';
import { makeTempDir } from '../support/temp-dirs';
import { makeTestEngine, RESOURCES_DIR, type TestEngine } from '../support/test-engine';

/**
 * The attacks of the review, replayed through the engine in one data folder: after each
 * sequence of releases an independent attacker (tests/support/attacker-lp.ts) holding every
 * published value finds no suppressed small cell narrower than T and no small group of
 * persons pinned. Releases the ledger cannot protect are refused; that is allowed.
 */
const DEMO = path.join(RESOURCES_DIR, 'demo', 'demo-extract.db');
const T = 10;
/** Refugees decided in 2016 with Afghan nationality: 423 persons in the demo. */
const C = { status: ['REFUGEE'], decisionYears: [2016], nationalities: ['AFG'] } as const;

let t: TestEngine;
let highs: Highs;
let outDir: string;
let n = 0;

beforeAll(async () => {
  highs = await loadHighs();
  outDir = makeTempDir('vv-linked-');
});
afterAll(() => t?.dispose());

async function freshDataFolder() {
  t?.dispose();
  t = makeTestEngine();
  await t.value('extract.open', { path: DEMO, passphrase: 'demo-verhuisverkenner' } as never);
}


async function band(): Promise<number> {
  const { policy } = await t.value('disclosure.policy', {} as never);
  return policy.method === 'rounding' ? policy.roundingBase - 1 : policy.method === 'perturbation' ? PERTURBATION_MAX_NOISE : 0;
}

type Outcome = { ok: true; tables: AttackedTable[] } | { ok: false; code: string };

async function releaseMatrix(cohort: object, definition: object): Promise<Outcome> {
  const file = path.join(outDir, `m${n++}.csv`);
  const r = await t.call('export.matrix', { cohort, definition, format: 'csv', path: file, language: 'nl' } as never);
  if (!r.ok) return { ok: false, code: r.error.code };
  const [grid] = csvTables(readFileSync(file, 'utf8'), 1);
  const m = computeMatrix(t.engine.state.session!, CohortDefinition.parse(cohort), MatrixDefinition.parse(definition), undefined, { persons: true });
  return { ok: true, tables: [{ label: `${JSON.stringify(definition)} ${JSON.stringify(cohort)}`, ...grid, band: await band(), cellsOf: cellsOfPersons(m.personCells!) }] };
}

async function releaseFiche(cohort: object, level: AreaLevel, vintage: Vintage, areaCode: string): Promise<Outcome> {
  const file = path.join(outDir, `f${n++}.csv`);
  const r = await t.call('export.fiche', { cohort, level, vintage, areaCode, format: 'csv', path: file, language: 'nl' } as never);
  if (!r.ok) return { ok: false, code: r.error.code };
  const { policy } = await t.value('disclosure.policy', {} as never);
  const f = computeFicheForRelease(t.engine.state.session!, CohortDefinition.parse(cohort), level, vintage, areaCode, { allCategories: policy.zerosUnsafe, naturalOrder: true });
  const grids = csvTables(readFileSync(file, 'utf8'), f.personCells.length);
  const b = await band();
  return { ok: true, tables: grids.map((g, i) => ({ label: `fiche ${areaCode} list ${i} ${JSON.stringify(cohort)}`, ...g, band: b, cellsOf: cellsOfPersons(f.personCells[i]) })) };
}

function expectNothingDerivable(all: AttackedTable[]) {
  const report = attack(highs, all, T);
  expect(report.narrowCells, 'suppressed small cells narrower than T').toEqual([]);
  expect(report.pinnedAtoms, 'small groups of persons pinned').toEqual([]);
  return report;
}

async function run(steps: Array<() => Promise<Outcome>>) {
  const published: AttackedTable[] = [];
  const outcomes: Outcome[] = [];
  for (const step of steps) {
    const o = await step();
    outcomes.push(o);
    if (o.ok) published.push(...o.tables);
    else expect(['LINKED_TABLES', 'DIFFERENCING_RISK']).toContain(o.code);
  }
  return { published, outcomes, report: expectNothingDerivable(published) };
}

const state = (level: AreaLevel, vintage: Vintage = '2019', extra: object = {}) => ({ kind: 'state', level, vintage, ...extra });

/** The same tables protected each on its own (as before the ledger), published as they come out. */
function aloneTables(cohort: object, definition: object): AttackedTable {
  const session = t.engine.state.session!;
  const built = protectedTables(session, CohortDefinition.parse(cohort), { kind: 'matrix', definition: MatrixDefinition.parse(definition) }, DEFAULT_POLICY, 'nl');
  const p = built.tables[0].table;
  const values: (number | null)[] = [];
  for (let r = 0; r < p.rows; r++) values.push(...p.cells.slice(r * p.cols, (r + 1) * p.cols), p.rowTotals[r]);
  values.push(...p.colTotals, p.total);
  return { label: JSON.stringify(definition), rows: p.rows, cols: p.cols, values, band: 0, cellsOf: cellsOfPersons(built.personCells[0]) };
}

describe('the attacks are real: each table protected alone leaks', () => {
  it('linked levels: region, province, arrondissement and municipality of one cohort', async () => {
    await freshDataFolder();
    const report = attack(highs, ['region', 'province', 'arrondissement', 'municipality'].map((l) => aloneTables(C, state(l as AreaLevel))), T);
    expect(report.narrowCells.length + report.pinnedAtoms.length).toBeGreaterThan(0);
  }, 600_000);

  it('differencing: two cohorts a year of age apart', async () => {
    await freshDataFolder();
    const report = attack(highs, [aloneTables({ ...C, ageRange: { min: 18, max: 60 } }, state('region')), aloneTables({ ...C, ageRange: { min: 18, max: 61 } }, state('region'))], T);
    expect(report.pinnedAtoms.length).toBeGreaterThan(0);
  }, 600_000);
});

describe('disclosure control across releases of one extract', () => {
  it('linked levels and vintages: region, province, arrondissement, municipality 2019 and 2025, first moves', async () => {
    await freshDataFolder();
    const { outcomes, report } = await run([
      () => releaseMatrix(C, state('region')),
      () => releaseMatrix(C, state('province')),
      () => releaseMatrix(C, state('arrondissement')),
      () => releaseMatrix(C, state('municipality')),
      () => releaseMatrix(C, state('municipality', '2025')),
      () => releaseMatrix(C, { kind: 'first-move', level: 'arrondissement', vintage: '2019' }),
    ]);
    // The coarse tables go out; later ones are protected against them (more cells withheld) or refused.
    expect(outcomes.slice(0, 3).every((o) => o.ok)).toBe(true);
    expect(report.checkedCells).toBeGreaterThan(50);
    const { records } = await t.value('audit.list', {} as never);
    const linked = records.reduce((s, r) => s + (r.entry.counts.protected.linked ?? 0), 0);
    expect(linked).toBeGreaterThan(0);
    expect(records[0].entry.protectedAgainst?.length).toBeGreaterThan(0);
  }, 600_000);

  it('differencing: a cohort 1 year of age wider, spelled and tabulated every way the review tried', async () => {
    await freshDataFolder();
    const A = { ...C, ageRange: { min: 18, max: 60 } };
    const B = { ...C, ageRange: { min: 18, max: 61 } };
    const ref = (await t.value('extract.summary', {} as never)).referenceDate;
    const Bdates = { status: ['REFUGEE'], nationalities: ['AFG'], decisionDate: { from: '2016-01-01', to: '2016-12-31' }, ageRange: { min: 18, max: 61 } };
    const { outcomes } = await run([
      () => releaseMatrix(A, state('region')),
      () => releaseMatrix(B, state('region')),
      () => releaseMatrix(B, state('region', '2025')),
      () => releaseMatrix(B, state('region', '2019', { destinationDate: ref })),
      () => releaseMatrix(B, state('region', '2019', { followUpMonths: 24 })),
      () => releaseMatrix(Bdates, state('region')),
      () => releaseMatrix(B, state('province')),
    ]);
    expect(outcomes[0].ok).toBe(true);
    // B on the same table must not give B − A exactly.
    expect(outcomes[1].ok ? 'protected' : outcomes[1].code).toMatch(/protected|DIFFERENCING_RISK|LINKED_TABLES/);
  }, 600_000);

  it('fiches: a fiche next to the same cohort plus a few Pakistani nationals, and next to a matrix', async () => {
    await freshDataFolder();
    const withPak = { ...C, nationalities: ['AFG', 'PAK'] };
    await run([
      () => releaseMatrix(C, state('province')),
      () => releaseFiche(C, 'region', '2019', '04000'),
      () => releaseFiche(withPak, 'region', '2019', '04000'),
      () => releaseFiche(C, 'province', '2019', '10000'),
    ]);
  }, 600_000);

  it('zeros unsafe everywhere: a fiche lists every area, so it shows no zero/non-zero pattern', async () => {
    await freshDataFolder();
    await t.value('disclosure.setUserPolicy', { user: { zerosUnsafe: true } } as never);
    const o = await releaseFiche(C, 'region', '2019', '04000');
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    // Every region and special area is listed among the origins, zeros included (and those are suppressed).
    const origins = o.tables[0];
    expect(origins.cols).toBe(3 + 4);
    expect(origins.values.includes(0)).toBe(false);
  }, 600_000);

  it('policy changes: the same table with T = 11, T = 15 and rounded pins nothing', async () => {
    await freshDataFolder();
    const def = state('province');
    await run([
      () => releaseMatrix(C, def),
      async () => {
        await t.value('disclosure.setUserPolicy', { user: { threshold: 11 } } as never);
        return releaseMatrix(C, def);
      },
      async () => {
        await t.value('disclosure.setUserPolicy', { user: { threshold: 15 } } as never);
        return releaseMatrix(C, def);
      },
      async () => {
        await t.value('disclosure.setUserPolicy', { user: { threshold: 15, method: 'rounding' } } as never);
        return releaseMatrix(C, def);
      },
    ]);
  }, 600_000);

  it('a stricter threshold after publishing: the same arrondissement table at T = 12 goes out, keeping what was withheld before', async () => {
    await freshDataFolder();
    const def = state('arrondissement');
    const first = await releaseMatrix(C, def);
    expect(first.ok).toBe(true);
    await t.value('disclosure.setUserPolicy', { user: { threshold: 12 } } as never);
    const again = await releaseMatrix(C, def);
    // Not refused: keeping every earlier suppression is always a way out.
    expect(again.ok ? 'released' : again.code).toBe('released');
    if (!first.ok || !again.ok) return;
    const before = first.tables[0].values;
    const now = again.tables[0].values;
    // Whatever was withheld at T = 10 stays withheld; nothing published now was unknown and could narrow it.
    before.forEach((v, i) => {
      if (v === null) expect(now[i], `value ${i}`).toBeNull();
    });
    const { records } = await t.value('audit.list', {} as never);
    const linked = records[0].entry.counts.protected.linked ?? 0;
    const suppressedBefore = before.filter((v) => v === null).length;
    // The ledger adds at most the earlier pattern, not a cascade.
    expect(linked).toBeLessThanOrEqual(suppressedBefore);
    expectNothingDerivable([...first.tables, ...again.tables]);
  }, 600_000);

  it('the ledger survives closing and reopening the extract', async () => {
    await freshDataFolder();
    const A = { ...C, ageRange: { min: 18, max: 60 } };
    const B = { ...C, ageRange: { min: 18, max: 61 } };
    const a = await releaseMatrix(A, state('region'));
    expect(a.ok).toBe(true);
    await t.value('extract.close', {} as never);
    await t.value('extract.open', { path: DEMO, passphrase: 'demo-verhuisverkenner' } as never);
    const b = await releaseMatrix(B, state('region'));
    const published = [...(a.ok ? a.tables : []), ...(b.ok ? b.tables : [])];
    expectNothingDerivable(published);
  }, 600_000);
});

describe('random sequences of releases', () => {
  const cohorts = [
    C,
    { ...C, ageRange: { min: 18, max: 60 } },
    { ...C, ageRange: { min: 18, max: 61 } },
    { ...C, nationalities: ['AFG', 'PAK'] },
    { ...C, sexes: ['M'] },
  ];
  const levels: AreaLevel[] = ['region', 'province', 'arrondissement'];
  const vintages: Vintage[] = ['2019', '2025'];
  const step = fc.oneof(
    fc.record({ kind: fc.constant('matrix' as const), cohort: fc.constantFrom(...cohorts), def: fc.constantFrom('state', 'first-move'), level: fc.constantFrom(...levels), vintage: fc.constantFrom(...vintages) }),
    fc.record({ kind: fc.constant('fiche' as const), cohort: fc.constantFrom(...cohorts), area: fc.constantFrom('02000', '03000', '04000') }),
  );

  it('2–20 releases of random cohorts, definitions, levels, vintages and fiches leave nothing derivable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 20 }), async (steps) => {
        await freshDataFolder();
        await run(
          steps.map((s) => () =>
            s.kind === 'matrix' ? releaseMatrix(s.cohort, { kind: s.def, level: s.level, vintage: s.vintage }) : releaseFiche(s.cohort, 'region', '2019', s.area),
          ),
        );
      }),
      { numRuns: 4, seed: 20261129, endOnFailure: true },
    );
  }, 1_200_000);
});
