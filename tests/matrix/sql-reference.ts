import type Database from 'better-sqlite3-multiple-ciphers';
import { AGE_BANDS, type CohortDefinition } from '../../shared/cohort/cohort-definition';
import type { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import { SPECIAL_AREAS, type AreaLevel, type Vintage } from '../../shared/geo/area-level';
import { readRefCsv } from '../../electron/engine/geo/refdata';
import { getGeography } from '../../electron/engine/geo/geography';

/**
 * The independent path: relocation matrices computed with plain SQL (window functions,
 * correlated subqueries) over the extract tables. Written from the definitions in
 * shared/matrix/matrix-definition.ts, sharing no code with the columnar engine except the
 * code → vintage crosswalk lookup.
 */
const VINTAGE_FILES: Record<Vintage, string> = {
  '2014': 'municipalities_2014_2018.csv',
  '2019': 'municipalities_2019_2024.csv',
  '2025': 'municipalities_2025.csv',
};

export function installReferenceTables(db: Database.Database): void {
  db.exec(`
    CREATE TEMP TABLE vm (vintage TEXT, code TEXT, muni TEXT, PRIMARY KEY (vintage, code));
    CREATE TEMP TABLE lv (vintage TEXT, level TEXT, muni TEXT, area TEXT, PRIMARY KEY (vintage, level, muni));
  `);
  const codes = db.prepare('SELECT DISTINCT nis_code FROM residence WHERE nis_code IS NOT NULL').pluck().all() as string[];
  const insVm = db.prepare('INSERT INTO vm VALUES (?, ?, ?)');
  const insLv = db.prepare('INSERT INTO lv VALUES (?, ?, ?, ?)');
  const geo = getGeography();
  for (const v of ['2014', '2019', '2025'] as Vintage[]) {
    for (const c of codes) {
      const m = geo.toVintage(c, v);
      if (m !== null) insVm.run(v, c, m);
    }
    for (const r of readRefCsv(VINTAGE_FILES[v])) {
      insLv.run(v, 'municipality', r.nis_code, r.nis_code);
      insLv.run(v, 'arrondissement', r.nis_code, r.arrondissement_nis);
      insLv.run(v, 'province', r.nis_code, r.province_nis || '04000');
      insLv.run(v, 'region', r.nis_code, r.region_nis);
    }
    for (const level of ['municipality', 'arrondissement', 'province', 'region'])
      for (const s of SPECIAL_AREAS) insLv.run(v, level, s, s);
  }
  db.exec(`
    CREATE TEMP TABLE pp AS
    WITH g AS (SELECT person_id, MIN(decision_date) AS gdate FROM protection_decision WHERE status IN ('REFUGEE','SUBSIDIARY') GROUP BY person_id),
         f AS (SELECT person_id, MIN(decision_date) AS fdate FROM protection_decision GROUP BY person_id)
    SELECT p.person_id, p.sex, p.nationality, p.birth_year, p.birth_month,
      -- The trail ends at the death: the death date or the first DECEASED record, whichever comes first.
      (SELECT MIN(x) FROM (SELECT p.death_date AS x UNION ALL
         SELECT MIN(start_date) FROM residence r WHERE r.person_id = p.person_id AND r.kind = 'DECEASED')) AS death_date,
      COALESCE(g.gdate, f.fdate) AS ddate,
      CASE WHEN g.gdate IS NULL THEN 'OTHER'
           ELSE (SELECT status FROM protection_decision d WHERE d.person_id = p.person_id AND d.decision_date = g.gdate) END AS status,
      (SELECT CAST(substr(MIN(application_date), 1, 4) AS INTEGER) FROM asylum_application a WHERE a.person_id = p.person_id) AS ayear,
      COALESCE((SELECT target_status FROM kbi_person k WHERE k.person_id = p.person_id), 'NONE') AS kbi,
      EXISTS (SELECT 1 FROM kbi_trajectory t WHERE t.person_id = p.person_id) AS traj,
      EXISTS (SELECT 1 FROM kbi_trajectory t WHERE t.person_id = p.person_id AND t.attest_date IS NOT NULL) AS attest,
      COALESCE((SELECT MAX(cefr_level) FROM kbi_component c WHERE c.person_id = p.person_id AND c.type = 'NT2'
                AND c.status = 'COMPLETED' AND c.cefr_level IS NOT NULL), 'NONE') AS nt2
    FROM person p LEFT JOIN g USING (person_id) LEFT JOIN f USING (person_id);
    ALTER TABLE pp ADD COLUMN age INTEGER;
    UPDATE pp SET age = CASE WHEN ddate IS NULL THEN NULL ELSE MAX(0, CAST(substr(ddate, 1, 4) AS INTEGER) - birth_year
      - (CAST(substr(ddate, 6, 2) AS INTEGER) < COALESCE(birth_month, 7))) END;
  `);
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: readonly (string | number)[]) => xs.map((x) => (typeof x === 'number' ? String(x) : q(x))).join(', ');

/** Location (vintage municipality or special) of pp.person_id on the SQL date expression D. */
export function locationSql(vintage: Vintage, dateExpr: string): string {
  return `(CASE WHEN pp.death_date IS NOT NULL AND pp.death_date <= ${dateExpr} THEN 'DECEASED' ELSE COALESCE((
    SELECT CASE WHEN r.end_date IS NOT NULL AND r.end_date < ${dateExpr} THEN 'UNKNOWN'
                WHEN r.kind IN ('MAIN', 'WAITING_REGISTER') THEN COALESCE((SELECT muni FROM vm WHERE vm.vintage = '${vintage}' AND vm.code = r.nis_code), 'UNKNOWN')
                ELSE r.kind END
    FROM residence r WHERE r.person_id = pp.person_id AND r.start_date <= ${dateExpr}
    ORDER BY r.start_date DESC, r.rowid DESC LIMIT 1), 'UNKNOWN') END)`;
}

/**
 * The moves of every person in a vintage, read straight from the rule "a move is a change
 * of the residence on a day": the residence (locationSql) is evaluated on every day it can
 * change (a record's start, the day after a record's end, the death) and compared with the
 * day before's; before the first record it is Unknown. Materialised once per vintage.
 */
export function installMoveTables(db: Database.Database): void {
  if (db.prepare("SELECT 1 FROM sqlite_temp_master WHERE name = 'mv_2025'").get()) return;
  db.exec(`CREATE TEMP TABLE ev AS
    SELECT DISTINCT person_id, day FROM (
      SELECT person_id, start_date AS day FROM residence
      UNION ALL SELECT person_id, date(end_date, '+1 day') FROM residence WHERE end_date IS NOT NULL
      UNION ALL SELECT person_id, death_date FROM pp WHERE death_date IS NOT NULL)
    WHERE day IS NOT NULL`);
  for (const v of ['2014', '2019', '2025'] as Vintage[]) {
    db.exec(`CREATE TEMP TABLE mv_${v} AS
      SELECT person_id, day, prev AS from_muni, cur AS to_muni FROM (
        SELECT person_id, day, cur, LAG(cur, 1, 'UNKNOWN') OVER (PARTITION BY person_id ORDER BY day) AS prev FROM (
          SELECT ev.person_id, ev.day, ${locationSql(v, 'ev.day')} AS cur FROM ev JOIN pp ON pp.person_id = ev.person_id))
      WHERE prev <> cur;
      CREATE INDEX temp.mv_${v}_person ON mv_${v} (person_id, day);`);
  }
}

/** Decision date + N months, clamped to the end of the month (SQLite itself would overflow into the next month). */
function addMonthsSql(dateExpr: string, months: number): string {
  return `(CASE WHEN strftime('%d', date(${dateExpr}, '+${months} months')) = strftime('%d', ${dateExpr})
    THEN date(${dateExpr}, '+${months} months')
    ELSE date(${dateExpr}, 'start of month', '+${months + 1} months', '-1 day') END)`;
}

export function areaSql(vintage: Vintage, level: AreaLevel, locExpr: string): string {
  return `(SELECT area FROM lv WHERE lv.vintage = '${vintage}' AND lv.level = '${level}' AND lv.muni = ${locExpr})`;
}

export function cohortWhere(def: CohortDefinition, referenceDate: string): string {
  const w: string[] = ['1 = 1'];
  if (def.status.length) w.push(`pp.status IN (${list(def.status)})`);
  if (def.decisionYears.length) w.push(`CAST(substr(pp.ddate, 1, 4) AS INTEGER) IN (${list(def.decisionYears)})`);
  if (def.decisionDate?.from) w.push(`pp.ddate >= ${q(def.decisionDate.from)}`);
  if (def.decisionDate?.to) w.push(`pp.ddate <= ${q(def.decisionDate.to)}`);
  if (def.applicationYears.length) w.push(`pp.ayear IN (${list(def.applicationYears)})`);
  if (def.nationalities.length) w.push(`pp.nationality IN (${list(def.nationalities)})`);
  if (def.sexes.length) w.push(`pp.sex IN (${list(def.sexes)})`);
  if (def.ageBands.length) {
    const parts = def.ageBands.map((b) => {
      const i = AGE_BANDS.indexOf(b);
      const lo = Number.parseInt(b, 10);
      const next = AGE_BANDS[i + 1];
      return next ? `(pp.age >= ${lo} AND pp.age < ${Number.parseInt(next, 10)})` : `pp.age >= ${lo}`;
    });
    w.push(`(${parts.join(' OR ')})`);
  }
  if (def.ageRange) w.push(`pp.age BETWEEN ${def.ageRange.min} AND ${def.ageRange.max}`);
  if (def.kbiTargetStatus.length) w.push(`pp.kbi IN (${list(def.kbiTargetStatus)})`);
  if (def.trajectoryStarted !== null) w.push(`pp.traj = ${def.trajectoryStarted ? 1 : 0}`);
  if (def.attestationObtained !== null) w.push(`pp.attest = ${def.attestationObtained ? 1 : 0}`);
  if (def.nt2Reached.length) w.push(`pp.nt2 IN (${list(def.nt2Reached)})`);
  if (def.geoAtDecision?.codes.length) {
    const g = def.geoAtDecision;
    w.push(`${areaSql(g.vintage, g.level, `COALESCE(${locationSql(g.vintage, 'pp.ddate')}, 'UNKNOWN')`)} IN (${list(g.codes)})`);
  }
  if (def.geoAtReference?.codes.length) {
    const g = def.geoAtReference;
    w.push(`${areaSql(g.vintage, g.level, locationSql(g.vintage, q(referenceDate)))} IN (${list(g.codes)})`);
  }
  return w.join(' AND ');
}

/** Moves (person_id, day, from_muni, to_muni) in a vintage (installMoveTables). */
function movesSql(v: Vintage): string {
  return `mv_${v}`;
}

export interface SqlMatrix {
  cells: Map<string, number>;
  cohortSize: number;
  distinctPersons: number;
  excludedPersons: number;
}

export function sqlMatrix(db: Database.Database, cohort: CohortDefinition, def: MatrixDefinition, referenceDate: string): SqlMatrix {
  installMoveTables(db);
  const where = cohortWhere(cohort, referenceDate);
  const ref = q(referenceDate);
  const v = def.vintage;
  const cohortSize = db.prepare(`SELECT COUNT(*) FROM pp WHERE ${where}`).pluck().get() as number;
  const fend = def.followUpMonths ? addMonthsSql('pp.ddate', def.followUpMonths) : null;
  const complete = fend ? `pp.ddate IS NOT NULL AND ${fend} <= ${ref}` : '1 = 1';
  const excluded = fend ? (db.prepare(`SELECT COUNT(*) FROM pp WHERE ${where} AND NOT (${complete})`).pluck().get() as number) : 0;
  let rows: { o: string; d: string; n: number }[];
  let distinctPersons: number;
  const moves = movesSql(v);
  if (def.kind === 'state') {
    const origin = def.originDate ? q(def.originDate) : 'pp.ddate';
    const dest = def.destinationDate ? q(def.destinationDate) : fend ?? ref;
    const keep = def.destinationDate ? '1 = 1' : complete;
    rows = db
      .prepare(
        `SELECT ${areaSql(v, def.level, 'x.o')} AS o, ${areaSql(v, def.level, 'x.d')} AS d, COUNT(*) AS n FROM (
           SELECT ${locationSql(v, origin)} AS o, ${locationSql(v, dest)} AS d FROM pp WHERE ${where} AND ${keep}) x GROUP BY 1, 2`,
      )
      .all() as typeof rows;
    distinctPersons = rows.reduce((s, r) => s + r.n, 0);
  } else if (def.kind === 'first-move' || def.kind === 'first-area-move') {
    const wend = fend ?? ref;
    // first-area-move: only moves whose ends lie in different areas at the level count.
    const changesArea = def.kind === 'first-area-move' ? `AND ${areaSql(v, def.level, 'm.from_muni')} <> ${areaSql(v, def.level, 'm.to_muni')}` : '';
    rows = db
      .prepare(
        `WITH c AS (SELECT pp.person_id, pp.ddate, ${locationSql(v, 'pp.ddate')} AS at_decision, ${wend} AS wend FROM pp WHERE ${where} AND ${complete}),
              first AS (SELECT m.person_id, m.from_muni, m.to_muni, ROW_NUMBER() OVER (PARTITION BY m.person_id ORDER BY m.day) AS k
                        FROM ${moves} m JOIN c ON c.person_id = m.person_id WHERE m.day > c.ddate AND m.day <= c.wend ${changesArea})
         SELECT ${areaSql(v, def.level, 'x.o')} AS o, ${areaSql(v, def.level, 'x.d')} AS d, COUNT(*) AS n FROM (
           SELECT COALESCE(f.from_muni, c.at_decision) AS o, COALESCE(f.to_muni, c.at_decision) AS d
           FROM c LEFT JOIN first f ON f.person_id = c.person_id AND f.k = 1) x GROUP BY 1, 2`,
      )
      .all() as typeof rows;
    distinctPersons = rows.reduce((s, r) => s + r.n, 0);
  } else {
    const window = def.period
      ? `m.day >= ${q(def.period.from)} AND m.day <= ${q(def.period.to)}`
      : `pp.ddate IS NOT NULL AND m.day > pp.ddate AND m.day <= ${fend ?? ref}`;
    const keep = def.period ? '1 = 1' : complete;
    const sql = `SELECT m.person_id, m.from_muni, m.to_muni FROM ${moves} m JOIN pp ON pp.person_id = m.person_id WHERE ${where} AND ${keep} AND ${window}`;
    rows = db
      .prepare(`SELECT ${areaSql(v, def.level, 'x.from_muni')} AS o, ${areaSql(v, def.level, 'x.to_muni')} AS d, COUNT(*) AS n FROM (${sql}) x GROUP BY 1, 2`)
      .all() as typeof rows;
    distinctPersons = db.prepare(`SELECT COUNT(DISTINCT person_id) FROM (${sql})`).pluck().get() as number;
  }
  const cells = new Map<string, number>();
  for (const r of rows) cells.set(`${r.o}|${r.d}`, r.n);
  return { cells, cohortSize, distinctPersons, excludedPersons: (def.kind === 'all-moves' && def.period) || (def.kind === 'state' && def.destinationDate) ? 0 : excluded };
}

/** all-moves: distinct persons per cell ("o|d"), per origin row, per destination column, and in total. */
export interface SqlMovePersons {
  cells: Map<string, number>;
  rows: Map<string, number>;
  cols: Map<string, number>;
  total: number;
}

export function sqlAllMovePersons(db: Database.Database, cohort: CohortDefinition, def: MatrixDefinition, referenceDate: string): SqlMovePersons {
  if (def.kind !== 'all-moves') throw new Error('all-moves only');
  installMoveTables(db);
  const where = cohortWhere(cohort, referenceDate);
  const v = def.vintage;
  const fend = def.followUpMonths ? addMonthsSql('pp.ddate', def.followUpMonths) : null;
  const keep = def.period || !fend ? '1 = 1' : `pp.ddate IS NOT NULL AND ${fend} <= ${q(referenceDate)}`;
  const window = def.period
    ? `m.day >= ${q(def.period.from)} AND m.day <= ${q(def.period.to)}`
    : `pp.ddate IS NOT NULL AND m.day > pp.ddate AND m.day <= ${fend ?? q(referenceDate)}`;
  const x = `(SELECT m.person_id, ${areaSql(v, def.level, 'm.from_muni')} AS o, ${areaSql(v, def.level, 'm.to_muni')} AS d
    FROM ${movesSql(v)} m JOIN pp ON pp.person_id = m.person_id WHERE ${where} AND ${keep} AND ${window})`;
  const grouped = (key: string) => {
    const out = new Map<string, number>();
    for (const r of db.prepare(`SELECT ${key} AS k, COUNT(DISTINCT person_id) AS n FROM ${x} GROUP BY 1`).all() as { k: string; n: number }[]) out.set(r.k, r.n);
    return out;
  };
  return {
    cells: grouped("o || '|' || d"),
    rows: grouped('o'),
    cols: grouped('d'),
    total: db.prepare(`SELECT COUNT(DISTINCT person_id) FROM ${x}`).pluck().get() as number,
  };
}
