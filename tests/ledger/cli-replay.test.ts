import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import loadHighs, { type Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition, COHORT_VERSION } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { computeFicheForRelease } from '../../electron/engine/matrix/fiche';
import { openExtractSession } from '../../electron/engine/extract/open-extract-session';
import type { PersonCells } from '../../electron/engine/ledger/person-cells';
import { attack, csvTables, type AttackedTable, cellsOfPersons } from '../support/attacker-lp';
import { makeTempDir } from '../support/temp-dirs';
import { makeTestEngine, RESOURCES_DIR } from '../support/test-engine';
import { cliRunner } from '../support/cli-runner';

/**
 * The review's attacks replayed through the CLI, then the UI's engine, in ONE data folder: the
 * ledger is the workspace's, whichever channel released what. After the sequence the
 * independent attacker (tests/support/attacker-lp.ts), holding every value of every CSV that
 * was written, finds no suppressed small cell narrower than T and no small group pinned.
 */
const DEMO = path.join(RESOURCES_DIR, 'demo', 'demo-extract.db');
const PASS = 'demo-verhuisverkenner';
const T = 10;
const work = makeTempDir('vv-cli-ledger-');
const dataDir = path.join(work, 'data');
const policyFile = path.join(work, 'policy.json');
const cli = cliRunner('ledger', { dataDir, env: { LANG: 'en_GB.UTF-8', VERHUIS_PASSPHRASE: PASS, VERHUIS_POLICY_FILE: policyFile } });

const C = { status: ['REFUGEE'], decisionYears: [2016], nationalities: ['AFG'] };
const A = { ...C, ageRange: { min: 18, max: 60 } };
const B = { ...C, ageRange: { min: 18, max: 61 } };

let highs: Highs;
let n = 0;

function recipe(definition: object): string {
  const file = path.join(work, `recipe-${n++}.json`);
  const parsed = CohortDefinition.parse(definition);
  writeFileSync(file, JSON.stringify({ kind: 'verhuisverkenner.cohort', version: COHORT_VERSION, name: 'replay', definition: parsed, extractId: 'x', extractFingerprint: 'f'.repeat(64), createdAt: '2026-11-29T00:00:00Z' }));
  return file;
}


/** Who stands in which cell: the public definitions, applied by the attacker (here via the engine, read-only). */
async function personCellsOf(cohort: object, definition: object): Promise<PersonCells> {
  const session = await openExtractSession({ path: DEMO, passphrase: PASS, cipher: { preset: 'auto' } }, path.join(work, 'attacker'), () => {});
  try {
    return computeMatrix(session, CohortDefinition.parse(cohort), MatrixDefinition.parse(definition), undefined, { persons: true }).personCells!;
  } finally {
    session.close();
  }
}

type Outcome = { ok: true; table: AttackedTable } | { ok: false; code: string };

async function cliMatrix(cohort: object, definition: { kind: string; level: string; vintage: string }): Promise<Outcome> {
  const out = path.join(work, `m${n++}.csv`);
  const r = cli.run(['matrix', '--extract', DEMO, '--recipe', recipe(cohort), '--definition', definition.kind, '--level', definition.level, '--vintage', definition.vintage, '--format', 'csv', '--out', out]);
  if (r.code !== 0) {
    const code = /\b(LINKED_TABLES|DIFFERENCING_RISK)\b/.exec(r.stderr)?.[1];
    // Only a refusal by the ledger is an acceptable failure.
    expect(code, r.stderr).toBeDefined();
    return { ok: false, code: code! };
  }
  const [grid] = csvTables(readFileSync(out, 'utf8'), 1);
  return { ok: true, table: { label: `cli ${JSON.stringify(definition)} ${JSON.stringify(cohort)}`, ...grid, band: 0, cellsOf: cellsOfPersons(await personCellsOf(cohort, definition)) } };
}

beforeAll(async () => {
  highs = await loadHighs();
  writeFileSync(policyFile, '{}');
  await cli.build();
});
afterAll(() => cli.remove());

describe('the attacks replayed through the CLI and the UI in one data folder', () => {
  it('linked levels and vintages, then a cohort a year of age wider, then a fiche from the UI: nothing small is derivable', async () => {
    const state = (level: string, vintage = '2019') => ({ kind: 'state', level, vintage });
    const outcomes: Outcome[] = [];
    for (const [cohort, def] of [
      [C, state('region')],
      [C, state('province')],
      [C, state('arrondissement')],
      [C, state('municipality')],
      [C, state('municipality', '2025')],
      [C, { kind: 'first-move', level: 'arrondissement', vintage: '2019' }],
      [A, state('region')],
      [B, state('region')],
      [B, state('province', '2025')],
    ] as const) {
      outcomes.push(await cliMatrix(cohort, def));
    }
    // The coarse tables go out; what follows is protected against them or refused.
    expect(outcomes.slice(0, 3).every((o) => o.ok)).toBe(true);
    const published = outcomes.flatMap((o) => (o.ok ? [o.table] : []));

    // The analyst then opens the same data folder in the app and exports a fiche.
    const t = makeTestEngine({ dataDir });
    try {
      process.env.VERHUIS_POLICY_FILE = policyFile;
      await t.value('extract.open', { path: DEMO, passphrase: PASS } as never);
      const { records } = await t.value('audit.list', {} as never);
      // The CLI's releases are in the workspace's audit log, and so in its ledger.
      expect(records.length).toBe(published.length);
      expect(records.some((r) => (r.entry.counts.protected.linked ?? 0) > 0 || (r.entry.protectedAgainst?.length ?? 0) > 0)).toBe(true);
      const file = path.join(work, 'fiche.csv');
      const r = await t.call('export.fiche', { cohort: B, level: 'province', vintage: '2019', areaCode: '10000', format: 'csv', path: file, language: 'nl' } as never);
      if (r.ok) {
        const f = computeFicheForRelease(t.engine.state.session!, CohortDefinition.parse(B), 'province', '2019', '10000', { allCategories: false, naturalOrder: true });
        csvTables(readFileSync(file, 'utf8'), f.personCells.length).forEach((g, i) => published.push({ label: `ui fiche list ${i}`, ...g, band: 0, cellsOf: cellsOfPersons(f.personCells[i]) }));
      } else {
        expect(['LINKED_TABLES', 'DIFFERENCING_RISK']).toContain(r.error.code);
      }
    } finally {
      delete process.env.VERHUIS_POLICY_FILE;
      t.engine.state.closeSession();
    }

    const report = attack(highs, published, T);
    expect(report.checkedCells).toBeGreaterThan(50);
    expect(report.narrowCells, 'suppressed small cells narrower than T').toEqual([]);
    expect(report.pinnedAtoms, 'small groups of persons pinned').toEqual([]);
  }, 900_000);
});
