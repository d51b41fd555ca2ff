import type Database from 'better-sqlite3-multiple-ciphers';
import type { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { OTHER_CODE, type CrosstabVariable } from '../../shared/crosstab/crosstab-definition';
import { getGeography } from '../../electron/engine/geo/geography';
import { areaSql, cohortWhere, locationSql } from '../matrix/sql-reference';

/**
 * The independent path for cross-tabs: each variable as an SQL expression over the `pp`
 * person table of sql-reference.ts, counted with GROUP BY. Written from the definitions in
 * shared/crosstab/crosstab-definition.ts; shares only the crosswalk lookup with the engine.
 */
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: readonly string[]) => xs.map(q).join(', ');

export function variableSql(db: Database.Database, v: CrosstabVariable, where: string, referenceDate: string): string {
  switch (v.var) {
    case 'status':
      return 'pp.status';
    case 'sex':
      return 'pp.sex';
    case 'kbiTarget':
      return 'pp.kbi';
    case 'nt2Level':
      return 'pp.nt2';
    case 'trajectoryStarted':
      return "CASE WHEN pp.traj THEN 'YES' ELSE 'NO' END";
    case 'attestationObtained':
      return "CASE WHEN pp.attest THEN 'YES' ELSE 'NO' END";
    case 'decisionYear':
      return "COALESCE(CAST(CAST(substr(pp.ddate, 1, 4) AS INTEGER) AS TEXT), 'UNKNOWN')";
    case 'applicationYear':
      return "COALESCE(CAST(pp.ayear AS TEXT), 'UNKNOWN')";
    case 'ageBand': {
      if (v.bands.length === 0)
        return `CASE WHEN pp.age IS NULL THEN 'UNKNOWN' WHEN pp.age < 18 THEN '0-17' WHEN pp.age < 25 THEN '18-24' WHEN pp.age < 35 THEN '25-34'
          WHEN pp.age < 45 THEN '35-44' WHEN pp.age < 55 THEN '45-54' WHEN pp.age < 65 THEN '55-64' ELSE '65+' END`;
      const whens = v.bands.map((b) => `WHEN pp.age BETWEEN ${b.min} AND ${b.max} THEN ${q(b.max >= 120 ? `${b.min}+` : `${b.min}-${b.max}`)}`);
      return `CASE WHEN pp.age IS NULL THEN 'UNKNOWN' ${whens.join(' ')} ELSE '${OTHER_CODE}' END`;
    }
    case 'nationality': {
      const grouped = v.groups.flatMap((g) => g.codes);
      const whens = v.groups.map((g) => `WHEN pp.nationality IN (${list(g.codes)}) THEN ${q(`group:${g.label}`)}`);
      let single = 'pp.nationality';
      if (v.top !== null) {
        const kept = db
          .prepare(
            `SELECT nationality FROM pp WHERE ${where} ${grouped.length ? `AND nationality NOT IN (${list(grouped)})` : ''}
             GROUP BY nationality ORDER BY COUNT(*) DESC, nationality LIMIT ${v.top}`,
          )
          .pluck()
          .all() as string[];
        single = `CASE WHEN pp.nationality IN (${list(kept.length ? kept : ['-'])}) THEN pp.nationality ELSE '${OTHER_CODE}' END`;
      }
      return whens.length ? `CASE ${whens.join(' ')} ELSE ${single} END` : single;
    }
    case 'area': {
      const date = v.at === 'decision' ? 'pp.ddate' : v.at === 'reference' ? q(referenceDate) : q(v.date as string);
      const loc = v.at === 'decision' ? `COALESCE(${locationSql(v.vintage, date)}, 'UNKNOWN')` : locationSql(v.vintage, date);
      const area = areaSql(v.vintage, v.level, loc);
      if (v.groups.length === 0) return area;
      const geo = getGeography();
      const whens = v.groups.map((g) => {
        const codes = g.codes.map((c) => (v.level === 'municipality' ? geo.toVintage(c, v.vintage) ?? c : c));
        return `WHEN a IN (${list(codes)}) THEN ${q(`group:${g.label}`)}`;
      });
      return `(SELECT CASE ${whens.join(' ')} ELSE '${OTHER_CODE}' END FROM (SELECT ${area} AS a))`;
    }
  }
}

/** Non-zero cells "layer|row|col" → persons, by plain SQL. */
export function sqlCrosstab(db: Database.Database, cohort: CohortDefinition, rows: CrosstabVariable, cols: CrosstabVariable, layers: CrosstabVariable | null, referenceDate: string): Map<string, number> {
  const where = cohortWhere(cohort, referenceDate);
  const l = layers ? variableSql(db, layers, where, referenceDate) : "''";
  const sql = `SELECT ${l} AS l, ${variableSql(db, rows, where, referenceDate)} AS r, ${variableSql(db, cols, where, referenceDate)} AS c, COUNT(*) AS n
    FROM pp WHERE ${where} GROUP BY 1, 2, 3`;
  const out = new Map<string, number>();
  for (const row of db.prepare(sql).all() as { l: string; r: string; c: string; n: number }[]) out.set(`${row.l}|${row.r}|${row.c}`, row.n);
  return out;
}
