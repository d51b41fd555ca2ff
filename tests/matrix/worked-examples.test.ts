import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { MatrixDefinition, type MatrixDefinitionInput } from '../../shared/matrix/matrix-definition';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { createExtractTables } from '../../electron/engine/extract/extract-ddl';
import { computeMatrix } from '../../electron/engine/matrix/compute-matrix';
import { migrateWorkspace } from '../../electron/engine/workspace/migrate';
import { sessionFor } from '../support/matrix-fixture';

/**
 * The worked examples of docs/matrix-definitions.md ("One residence trail" and "first move out
 * of the area"), one person each, computed by the engine as the doc says.
 */
const GENT = '44021';
const AALST = '41002'; // Oost-Vlaanderen, like Gent
const ANTWERPEN = '11002';
const LIEGE = '62063';
type Rec = [start: string, end: string | null, kind: string, nis: string | null];
const PERSONS: Record<string, { decision: string; death?: string; records: Rec[] }> = {
  R1: { decision: '2016-04-01', death: '2019-05-10', records: [['2016-03-01', null, 'MAIN', GENT]] },
  R1b: { decision: '2016-04-01', death: '2019-05-10', records: [['2016-03-01', '2019-05-31', 'MAIN', GENT], ['2019-06-01', null, 'DECEASED', null]] },
  R1c: { decision: '2016-04-01', records: [['2016-03-01', '2019-05-31', 'MAIN', GENT], ['2019-06-01', null, 'DECEASED', null]] },
  R2: { decision: '2016-04-01', death: '2019-05-10', records: [['2016-03-01', '2019-08-31', 'MAIN', GENT], ['2019-09-01', null, 'RADIATED', null]] },
  R3: { decision: '2016-04-01', records: [['2016-03-01', '2017-01-31', 'MAIN', GENT], ['2017-04-01', null, 'MAIN', ANTWERPEN]] },
  R4: { decision: '2016-06-01', records: [['2016-05-01', '2020-12-31', 'MAIN', LIEGE]] },
  R5: { decision: '2016-02-01', records: [['2016-03-15', null, 'MAIN', GENT]] },
  R11: { decision: '2016-04-01', records: [['2016-03-01', '2017-05-31', 'MAIN', GENT], ['2017-05-01', null, 'MAIN', ANTWERPEN]] },
  R6: { decision: '2016-04-01', records: [['2016-03-01', '2016-12-31', 'MAIN', GENT], ['2017-01-01', null, 'MAIN', GENT]] },
  R7: { decision: '2016-03-01', records: [['2015-06-01', '2016-02-29', 'WAITING_REGISTER', LIEGE], ['2016-03-01', null, 'MAIN', GENT]] },
  R8: { decision: '2016-01-10', records: [['2015-10-01', '2017-06-30', 'MAIN', GENT], ['2017-07-01', '2019-02-28', 'MAIN', AALST], ['2019-03-01', null, 'MAIN', ANTWERPEN]] },
};

let session: OpenSession;
beforeAll(() => {
  const db = new Database(':memory:');
  createExtractTables(db);
  db.prepare('INSERT INTO extract_meta (key, value) VALUES (?, ?)').run('reference_date', '2025-06-30');
  for (const [id, p] of Object.entries(PERSONS)) {
    db.prepare("INSERT INTO person (person_id, birth_year, birth_month, sex, nationality, death_date) VALUES (?, 1990, 1, 'M', 'SYR', ?)").run(id, p.death ?? null);
    db.prepare("INSERT INTO protection_decision (person_id, decision_date, status) VALUES (?, ?, 'REFUGEE')").run(id, p.decision);
    for (const r of p.records) db.prepare('INSERT INTO residence (person_id, start_date, end_date, kind, nis_code) VALUES (?, ?, ?, ?, ?)').run(id, ...r);
  }
  const workspace = new Database(':memory:');
  migrateWorkspace(workspace);
  session = sessionFor(db, workspace, '2025-06-30');
});
afterAll(() => session.close());

const codeOf = (code: string) => ({ [GENT]: 'Gent', [AALST]: 'Aalst', [ANTWERPEN]: 'Antwerpen', [LIEGE]: 'Liège', '40000': 'Oost-Vlaanderen', '10000': 'Antwerpen (prov.)' })[code] ?? code;

/** The non-zero cells of one person's matrix (on a copy of the extract with that person only), as "from → to × n". */
function onePerson(person: string, def: MatrixDefinitionInput): string[] {
  const db = session.db;
  const copy = new Database(':memory:');
  createExtractTables(copy);
  copy.prepare('INSERT INTO extract_meta (key, value) VALUES (?, ?)').run('reference_date', '2025-06-30');
  for (const t of ['person', 'protection_decision', 'residence']) {
    const rows = db.prepare(`SELECT * FROM ${t} WHERE person_id = ?`).all(person) as Record<string, unknown>[];
    for (const r of rows) copy.prepare(`INSERT INTO ${t} (${Object.keys(r).join(', ')}) VALUES (${Object.keys(r).map(() => '?').join(', ')})`).run(...Object.values(r));
  }
  const workspace = new Database(':memory:');
  migrateWorkspace(workspace);
  const s = sessionFor(copy, workspace, '2025-06-30');
  try {
    const m = computeMatrix(s, CohortDefinition.parse({}), MatrixDefinition.parse(def));
    const n = m.cols.length;
    const out: string[] = [];
    m.counts.forEach((v, k) => v && out.push(`${codeOf(m.rows[Math.floor(k / n)].code)} → ${codeOf(m.cols[k % n].code)} × ${v}`));
    return out.sort();
  } finally {
    s.close();
  }
}

const ALL_MOVES = { kind: 'all-moves', level: 'municipality', vintage: '2019' } as const;
const EVERYTHING = { ...ALL_MOVES, period: { from: '2014-01-01', to: '2025-06-30' } };

describe('the worked examples of docs/matrix-definitions.md', () => {
  it('R1: a death date without a DECEASED record is a move into Deceased; the earlier of date and record counts', () => {
    expect(onePerson('R1', ALL_MOVES)).toEqual(['Gent → DECEASED × 1']);
    expect(onePerson('R1b', ALL_MOVES)).toEqual(['Gent → DECEASED × 1']);
    expect(onePerson('R1', { kind: 'state', level: 'municipality', vintage: '2019', destinationDate: '2019-05-10' })).toEqual(['Gent → DECEASED × 1']);
    expect(onePerson('R1b', { kind: 'state', level: 'municipality', vintage: '2019', destinationDate: '2019-05-20' })).toEqual(['Gent → DECEASED × 1']);
    expect(onePerson('R1c', ALL_MOVES)).toEqual(['Gent → DECEASED × 1']);
  });
  it('R2: records after the death are ignored', () => {
    expect(onePerson('R2', ALL_MOVES)).toEqual(['Gent → DECEASED × 1']);
  });
  it('R3: a gap is a move into Unknown and back out, and Unknown in a state matrix in between', () => {
    expect(onePerson('R3', ALL_MOVES)).toEqual(['Gent → UNKNOWN × 1', 'UNKNOWN → Antwerpen × 1']);
    expect(onePerson('R3', { kind: 'first-move', level: 'municipality', vintage: '2019' })).toEqual(['Gent → UNKNOWN × 1']);
    expect(onePerson('R3', { kind: 'state', level: 'municipality', vintage: '2019', destinationDate: '2017-03-01' })).toEqual(['Gent → UNKNOWN × 1']);
  });
  it('R4: the end of the last record is a move into Unknown', () => {
    expect(onePerson('R4', ALL_MOVES)).toEqual(['Liège → UNKNOWN × 1']);
    expect(onePerson('R4', { kind: 'state', level: 'municipality', vintage: '2019' })).toEqual(['Liège → UNKNOWN × 1']);
  });
  it('R5: the first registration is a move out of Unknown', () => {
    expect(onePerson('R5', { kind: 'first-move', level: 'municipality', vintage: '2019' })).toEqual(['UNKNOWN → Gent × 1']);
  });
  it('R11: an overlapping record takes over on its start date', () => {
    expect(onePerson('R11', ALL_MOVES)).toEqual(['Gent → Antwerpen × 1']);
    expect(onePerson('R11', EVERYTHING)).toEqual(['Gent → Antwerpen × 1', 'UNKNOWN → Gent × 1']);
  });
  it('R6: a new address in the same municipality is no move', () => {
    expect(onePerson('R6', ALL_MOVES)).toEqual([]);
    expect(onePerson('R6', EVERYTHING)).toEqual(['UNKNOWN → Gent × 1']);
  });
  it('R7: a move on the decision day belongs to the residence at the decision', () => {
    expect(onePerson('R7', { kind: 'first-move', level: 'municipality', vintage: '2019' })).toEqual(['Gent → Gent × 1']);
    expect(onePerson('R7', { ...ALL_MOVES, period: { from: '2016-03-01', to: '2016-03-01' } })).toEqual(['Liège → Gent × 1']);
  });
  it('R8: first-move stays inside the province, first-area-move finds the move out of it', () => {
    expect(onePerson('R8', { kind: 'first-move', level: 'province', vintage: '2019' })).toEqual(['Oost-Vlaanderen → Oost-Vlaanderen × 1']);
    expect(onePerson('R8', { kind: 'first-area-move', level: 'province', vintage: '2019' })).toEqual(['Oost-Vlaanderen → Antwerpen (prov.) × 1']);
    expect(onePerson('R8', { kind: 'first-area-move', level: 'municipality', vintage: '2019' })).toEqual(onePerson('R8', { kind: 'first-move', level: 'municipality', vintage: '2019' }));
  });
});
