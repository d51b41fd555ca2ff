import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readRefCsv } from '../../electron/engine/geo/refdata';

/** The published figures computed from an extract, the way an analyst would (state at decision × state on the reference date). */
export interface PublishedFigures {
  granted: number;
  refugeeShare: number;
  syriaShare: number;
  topNationalities: string[];
  minorShare: number;
  maleShare: number;
  walloniaAtDecision: number;
  retention: Record<'VLG' | 'BRU' | 'WAL', number>;
  walloniaTo: Record<'VLG' | 'BRU', number>;
}

export function publishedFigures(db: Database): PublishedFigures {
  const region = new Map<string, string>();
  for (const file of ['municipalities_2014_2018.csv', 'municipalities_2019_2024.csv', 'municipalities_2025.csv']) {
    for (const r of readRefCsv(file)) region.set(r.nis_code, r.region_code);
  }
  const ref = (db.prepare("SELECT value FROM extract_meta WHERE key = 'reference_date'").pluck().get() as string) ?? '2018-01-27';
  const rows = db
    .prepare(
      `SELECT p.person_id, p.birth_year, p.birth_month, p.sex, p.nationality, d.status, d.decision_date,
        (SELECT MIN(application_date) FROM asylum_application a WHERE a.person_id = p.person_id) AS app,
        (SELECT nis_code FROM residence r WHERE r.person_id = p.person_id AND r.start_date <= d.decision_date
           AND (r.end_date IS NULL OR r.end_date >= d.decision_date) AND r.kind IN ('MAIN','WAITING_REGISTER')) AS at_decision,
        (SELECT CASE WHEN kind = 'MAIN' THEN nis_code END FROM residence r WHERE r.person_id = p.person_id AND r.start_date <= ?
           AND (r.end_date IS NULL OR r.end_date >= ?)) AS at_ref
       FROM person p JOIN protection_decision d ON d.person_id = p.person_id AND d.status IN ('REFUGEE','SUBSIDIARY')`,
    )
    .all(ref, ref) as {
    birth_year: number; birth_month: number | null; sex: string; nationality: string; status: string;
    app: string; at_decision: string | null; at_ref: string | null;
  }[];
  const n = rows.length;
  const share = (k: number, of = n) => (of ? k / of : 0);
  const nat = new Map<string, number>();
  let refugee = 0, minors = 0, male = 0, wal = 0;
  const moved: Record<string, Record<string, number>> = { VLG: {}, BRU: {}, WAL: {} };
  for (const r of rows) {
    if (r.status === 'REFUGEE') refugee++;
    if (r.sex === 'M') male++;
    nat.set(r.nationality, (nat.get(r.nationality) ?? 0) + 1);
    const appYear = Number(r.app.slice(0, 4));
    const appMonth = Number(r.app.slice(5, 7));
    const age = appYear - r.birth_year - (r.birth_month !== null && r.birth_month > appMonth ? 1 : 0);
    if (age < 18) minors++;
    const from = r.at_decision ? region.get(r.at_decision) : undefined;
    if (from === 'WAL') wal++;
    const to = r.at_ref ? region.get(r.at_ref) : undefined;
    if (from && to) moved[from][to] = (moved[from][to] ?? 0) + 1;
  }
  const total = (from: string) => Object.values(moved[from]).reduce((a, b) => a + b, 0);
  const top = [...nat.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  return {
    granted: n,
    refugeeShare: share(refugee),
    syriaShare: share(nat.get('SYR') ?? 0),
    topNationalities: top.slice(0, 5),
    minorShare: share(minors),
    maleShare: share(male),
    walloniaAtDecision: share(wal),
    retention: {
      VLG: share(moved.VLG.VLG ?? 0, total('VLG')),
      BRU: share(moved.BRU.BRU ?? 0, total('BRU')),
      WAL: share(moved.WAL.WAL ?? 0, total('WAL')),
    },
    walloniaTo: { VLG: share(moved.WAL.VLG ?? 0, total('WAL')), BRU: share(moved.WAL.BRU ?? 0, total('WAL')) },
  };
}
