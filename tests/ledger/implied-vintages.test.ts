import { readFileSync } from 'node:fs';
import path from 'node:path';
import loadHighs, { type Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { attack, csvTables, type AttackedTable, cellsOfPersons } from '../support/attacker-lp';
import { makeTempDir } from '../support/temp-dirs';
import { makeTestEngine, RESOURCES_DIR, type TestEngine } from '../support/test-engine';

/**
 * A municipality matrix of one vintage adds up, for anyone holding the merger lists, to the
 * municipality matrix of every later vintage (Borsbeek + Antwerpen = Antwerpen 2025). Those
 * tables are never exported, but their small cells must not come out exactly either: a
 * later analyst may well export them. The protection does not add them in advance; the
 * interval guarantee covers them (docs/disclosure-control.md gives the argument), and this
 * test checks that with the independent attacker (tests/support/attacker-lp.ts) and the
 * mergers straight from the reference data's crosswalks.
 */
const DEMO = path.join(RESOURCES_DIR, 'demo', 'demo-extract.db');
const T = 10;

let t: TestEngine;
let highs: Highs;
let outDir: string;
let n = 0;

beforeAll(async () => {
  highs = await loadHighs();
  outDir = makeTempDir('vv-implied-');
});
afterAll(() => t?.dispose());

/** Later-vintage code of each earlier municipality code, from the crosswalk file. */
function crosswalk(from: string, to: string): Map<string, string> {
  const lines = readFileSync(path.join(RESOURCES_DIR, 'refdata', `nis_crosswalk_${from}_to_${to}.csv`), 'utf8').trim().split(/\r?\n/);
  const head = lines[0].split(',');
  const f = head.indexOf(`nis_${from}`);
  const g = head.indexOf(`nis_${to}`);
  return new Map(lines.slice(1).map((l) => [l.split(',')[f], l.split(',')[g]]));
}

/** The published table's persons regrouped in the later vintage's municipalities (nothing published). */
function mergedInto(table: AttackedTable, codes: string[], map: Map<string, string>, label: string): AttackedTable {
  const later = codes.map((c) => map.get(c) ?? c); // special areas keep their code
  const index = new Map<string, number>();
  for (const c of later) if (!index.has(c)) index.set(c, index.size);
  const size = index.size;
  const to = later.map((c) => index.get(c)!);
  const cellsOf = new Map<number, number[]>();
  for (const [p, cells] of table.cellsOf) cellsOf.set(p, cells.map((k) => to[Math.floor(k / table.cols)] * size + to[k % table.cols]));
  return { label, rows: size, cols: size, values: new Array((size + 1) * (size + 1)).fill(null), band: 0, cellsOf };
}

describe('municipality matrices imply the later vintages', () => {
  it.each([
    ['Afghan refugees decided in 2016', { status: ['REFUGEE'], decisionYears: [2016], nationalities: ['AFG'] }, '2019', ['2025']],
    ['Syrian refugees decided in 2016', { status: ['REFUGEE'], decisionYears: [2016], nationalities: ['SYR'] }, '2019', ['2025']],
    ['Eritrean refugees decided in 2015, vintage 2014', { status: ['REFUGEE'], decisionYears: [2015], nationalities: ['ERI'] }, '2014', ['2019', '2025']],
  ])('%s: no small cell of the merged municipalities comes out exactly', async (_name, cohort, vintage, later) => {
    t?.dispose();
    t = makeTestEngine();
    await t.value('extract.open', { path: DEMO, passphrase: 'demo-verhuisverkenner' } as never);
    const definition = { kind: 'state', level: 'municipality', vintage };
    const file = path.join(outDir, `m${n++}.csv`);
    const r = await t.call('export.matrix', { cohort, definition, format: 'csv', path: file, language: 'nl' } as never);
    expect(r.ok).toBe(true);
    const [grid] = csvTables(readFileSync(file, 'utf8'), 1);
    const m = computeMatrix(t.engine.state.session!, CohortDefinition.parse(cohort), MatrixDefinition.parse(definition), undefined, { persons: true });
    const published: AttackedTable = { label: 'municipality', ...grid, band: 0, cellsOf: cellsOfPersons(m.personCells!) };
    const implied = later.map((w) => mergedInto(published, m.rows.map((a) => a.code), crosswalk(vintage, w), `municipality ${w}`));
    const report = attack(highs, [published], T, implied);
    expect(report.narrowCells).toEqual([]);
    expect(report.pinnedAtoms).toEqual([]);
    expect(report.pinnedImplied, 'small cells of the later vintage pinned').toEqual([]);
  }, 600_000);

  it('the attacker does find a pinned merged cell when the released table gives it away', () => {
    // Row 0: two suppressed cells of 1 and 2 persons next to a published row total of 3; 20 persons in cell (1, 2).
    // Merging columns 0 and 1 (one municipality in the later vintage) gives 3 exactly.
    const cellsOf = new Map<number, number[]>([
      [0, [0]],
      [1, [1]],
      [2, [1]],
      ...Array.from({ length: 20 }, (_, i) => [10 + i, [5]] as [number, number[]]),
    ]);
    const published: AttackedTable = { label: 'toy', rows: 2, cols: 3, values: [null, null, 0, 3, 0, 0, 20, 20, null, null, 20, 23], band: 0, cellsOf };
    const report = attack(highs, [published], T, [mergedInto(published, ['A', 'B', 'C'], new Map([['B', 'A']]), 'merged')]);
    expect(report.pinnedImplied.map((f) => f.truth)).toContain(3);
  });
});
