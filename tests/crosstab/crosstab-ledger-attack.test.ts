import path from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import loadHighs from 'highs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { CrosstabSubject } from '../../shared/crosstab/crosstab-definition';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { NO_DAY, dayToIso } from '../../electron/engine/cohort/day-number';
import { evaluateCohort } from '../../electron/engine/cohort/evaluate-cohort';
import { forEachBit } from '../../electron/engine/cohort/bitset';
import { sessionIndex } from '../../electron/engine/cohort/session-index';
import { protectedTables } from '../../electron/engine/export/release';
import { loadLedger } from '../../electron/engine/ledger/ledger-store';
import { ledgerTableOf, type LedgerTable } from '../../electron/engine/ledger/ledger-table';
import { PERTURBATION_BOUND } from '../../electron/engine/ledger/protect-against-ledger';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { makeTempDir } from '../support/make-extract';
import { exportSession } from '../export/export-session';
import { attack, csvTables, type AttackedTable, cellsOfPersons } from '../support/attacker-lp';
import { attackLedger } from './ledger-attacker';

/**
 * Cross-tabs join the release ledger: an attacker holding every release of the extract (an LP over
 * all published values, written for these tests) learns no protected cell to within T and pins no
 * group of 1..T−1 persons — for a cross-tab released together with a matrix and a fiche of the same
 * cohort, and for two cross-tabs of cohorts a few persons apart, spelled so that the definitions do
 * not show the nesting. Each scenario first shows that, protected table by table only, the attack
 * works: the ledger is what stops it.
 */
let t: TestEngine;
let dir: string;
const saved = process.env.VERHUIS_POLICY_FILE;
const T = DEFAULT_POLICY.threshold;
const GRANTED = ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[];
const NAT_REGION = CrosstabSubject.parse({ kind: 'crosstab', definition: { rows: { var: 'nationality' }, cols: { var: 'area', at: 'decision', level: 'region' } } });
const ACCEPTED_REFUSALS = ['LINKED_TABLES', 'DIFFERENCING_RISK'];

beforeAll(() => {
  dir = makeTempDir('vv-crosstab-attack-');
  t = makeTestEngine();
});
beforeEach(() => {
  publishedFiles.length = 0;
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

type Release = { cohort: CohortDefinition; subject: Parameters<typeof protectedTables>[2] };

/** The releases as if each table were protected on its own (no ledger): what the attack would see without it. */
function tableByTableLedger(releases: Release[]): LedgerTable[] {
  const session = t.engine.state.session!;
  return releases.flatMap((r, ri) => {
    const built = protectedTables(session, r.cohort, r.subject, DEFAULT_POLICY, 'nl');
    return built.tables.map((tb, i) => ledgerTableOf(tb.table, built.personCells[i], ri + 1, i, PERTURBATION_BOUND, built.hierarchy[i]));
  });
}


/** Every table released so far as the files show it (read back from the CSVs), for the shared attacker. */
const publishedFiles: AttackedTable[] = [];

/** Releases through the engine's one path (CSV); a refusal is fine (nothing left), anything else fails. */
async function release(r: Release, name: string): Promise<'released' | 'refused'> {
  const outcome = await releaseOnly(r, name);
  if (outcome === 'released') {
    // Who counts where does not depend on protection: the tables' PersonCells as the engine builds them.
    const built = protectedTables(t.engine.state.session!, r.cohort, r.subject, DEFAULT_POLICY, 'nl');
    const grids = csvTables(readFileSync(path.join(dir, name), 'utf8'), built.tables.length);
    grids.forEach((g, i) => publishedFiles.push({ label: `${name} table ${i}`, ...g, band: 0, cellsOf: cellsOfPersons(built.personCells[i]) }));
  }
  return outcome;
}

async function releaseOnly(r: Release, name: string): Promise<'released' | 'refused'> {
  const file = path.join(dir, name);
  const res =
    r.subject.kind === 'matrix'
      ? await t.call('export.matrix', { cohort: r.cohort, definition: r.subject.definition, format: 'csv', path: file, language: 'nl' })
      : r.subject.kind === 'fiche'
        ? await t.call('export.fiche', { cohort: r.cohort, level: r.subject.level, vintage: r.subject.vintage, areaCode: r.subject.areaCode, format: 'csv', path: file, language: 'nl' })
        : await t.call('export.crosstab', { cohort: r.cohort, subject: r.subject, format: 'csv', path: file, language: 'nl' });
  if (res.ok) return 'released';
  expect(ACCEPTED_REFUSALS).toContain(res.error.code);
  return 'refused';
}

/** The project's shared attacker (tests/support/attacker-lp.ts) over the values read back from the files. */
async function expectFilesSafe() {
  expect(publishedFiles.length).toBeGreaterThan(0);
  const report = attack(await loadHighs(), publishedFiles, T);
  expect(report.narrowCells, 'suppressed small cells narrower than T').toEqual([]);
  expect(report.pinnedAtoms, 'small groups of persons pinned').toEqual([]);
}

describe('cross-tabs and the release ledger against an LP attacker', () => {
  it('a cross-tab with a matrix and a fiche of the same cohort: no protected cell narrowed below T, no small group pinned', async () => {
    const cohort = CohortDefinition.parse({ status: GRANTED });
    const releases: Release[] = [
      { cohort, subject: NAT_REGION },
      { cohort, subject: { kind: 'matrix', definition: { kind: 'state', level: 'region', vintage: '2019', originDate: null, destinationDate: null, followUpMonths: null, period: null } as never } },
      { cohort, subject: { kind: 'fiche', level: 'region', vintage: '2019', areaCode: '02000' } },
      { cohort, subject: CrosstabSubject.parse({ kind: 'crosstab', definition: { rows: { var: 'sex' }, cols: { var: 'area', at: 'reference', level: 'region' } } }) },
    ];
    const outcome = [];
    for (const [i, r] of releases.entries()) outcome.push(await release(r, `a${i}.csv`));
    expect(outcome[0]).toBe("released"); // the cross-tab itself leaves
    const ledger = loadLedger(t.engine.state.session!.workspace);
    expect(ledger.length).toBeGreaterThan(1);
    const attack = await attackLedger(ledger, T);
    // Protected table by table only, the same releases leave protected cells narrower than T.
    const naive = await attackLedger(tableByTableLedger(releases), T);
    expect(naive.narrowCells.length + naive.pinnedSmallAtoms.length).toBeGreaterThan(0);
    expect(attack.atoms).toBeGreaterThan(10);
    expect(attack.narrowCells).toEqual([]);
    expect(attack.pinnedSmallAtoms).toEqual([]);
    await expectFilesSafe();
  }, 300_000);

  it('two cross-tabs of cohorts a few persons apart: table by table the small group is pinned; through the ledger it is not', async () => {
    // Everyone granted protection, spelled by decision year; and the same minus the first few decided, spelled by a date.
    const ix = sessionIndex(t.engine.state.session!);
    const years = CohortDefinition.parse({ status: GRANTED });
    const days: number[] = [];
    forEachBit(evaluateCohort(ix, years), (p) => void (ix.decisionDay[p] !== NO_DAY && days.push(ix.decisionDay[p])));
    days.sort((a, b) => a - b);
    const cut = days.find((d, i) => i + 1 >= 3 && days[i + 1] !== d && i + 1 < T)!; // 3..T−1 persons decided on or before `cut`
    const few = days.filter((d) => d <= cut).length;
    expect(few).toBeGreaterThanOrEqual(3);
    expect(few).toBeLessThan(T);
    const allYears = [...new Set(days.map((d) => Number(dayToIso(d).slice(0, 4))))];
    const wide = CohortDefinition.parse({ status: GRANTED, decisionYears: allYears });
    const narrow = CohortDefinition.parse({ status: GRANTED, decisionDate: { from: dayToIso(cut + 1), to: null } });
    const releases: Release[] = [
      { cohort: wide, subject: NAT_REGION },
      { cohort: narrow, subject: NAT_REGION },
    ];
    // Without the ledger: the difference of the two tables pins the few persons.
    const naive = await attackLedger(tableByTableLedger(releases), T);
    expect(naive.pinnedSmallAtoms.length + naive.narrowCells.length).toBeGreaterThan(0);

    expect(await release(releases[0], 'wide.csv')).toBe('released');
    await release(releases[1], 'narrow.csv'); // refused, or released with the cells the ledger protects
    const attack = await attackLedger(loadLedger(t.engine.state.session!.workspace), T);
    expect(attack.narrowCells).toEqual([]);
    expect(attack.pinnedSmallAtoms).toEqual([]);
    await expectFilesSafe();
  }, 300_000);
});
