import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { QualityCheck } from '../../shared/quality/quality-report';
import { RESOURCES_DIR } from '../support/test-engine';

/**
 * The data-quality counts recomputed in plain SQL, from the text of docs/matrix-definitions.md
 * § Data-quality report, with the reference data read here from the CSV files (not through the
 * engine's geography): an independent count to hold the engine's against.
 */
type Csv = Record<string, string>[];
const ref = (file: string): Csv => parse(readFileSync(path.join(RESOURCES_DIR, 'refdata', file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Csv;

/** Codes that have a municipality in each vintage: in its list, forward through a crosswalk, or back through a one-to-one recode. */
function mappable(): Record<'2014' | '2019' | '2025', string[]> {
  const lists = { '2014': ref('municipalities_2014_2018.csv'), '2019': ref('municipalities_2019_2024.csv'), '2025': ref('municipalities_2025.csv') };
  const walks: [string, string, Csv][] = [
    ['2014', '2019', ref('nis_crosswalk_2014_to_2019.csv')],
    ['2014', '2025', ref('nis_crosswalk_2014_to_2025.csv')],
    ['2019', '2025', ref('nis_crosswalk_2019_to_2025.csv')],
  ];
  const out = {} as Record<'2014' | '2019' | '2025', string[]>;
  for (const v of ['2014', '2019', '2025'] as const) {
    const codes = new Set(lists[v].map((r) => r.nis_code));
    for (const [from, to, rows] of walks) {
      if (to === v) for (const r of rows) codes.add(r[`nis_${from}`]);
      if (from === v) {
        // A newer code whose only source is one code of this vintage: a recode, mapped back.
        const sources = new Map<string, number>();
        for (const r of rows) sources.set(r[`nis_${to}`], (sources.get(r[`nis_${to}`]) ?? 0) + 1);
        for (const [code, k] of sources) if (k === 1) codes.add(code);
      }
    }
    out[v] = [...codes];
  }
  return out;
}

/** Where a record places the person: its code for a municipality record with a 5-digit code, the kind for an exit, else nowhere (UNKNOWN). */
const place = (kind: string, nis: string) =>
  `(CASE WHEN ${kind} IN ('MAIN','WAITING_REGISTER') AND ${nis} GLOB '[0-9][0-9][0-9][0-9][0-9]' THEN ${nis} WHEN ${kind} IN ('ABROAD','RADIATED','DECEASED') THEN ${kind} ELSE 'UNKNOWN' END)`;

export function sqlQualityCounts(db: Database, referenceDate: string): Record<QualityCheck, { persons: number; records: number | null }> {
  const timeline = ref('refnis_timeline_2014_2025.csv').filter((r) => r.level === '4').map((r) => [r.nis_code, r.valid_from, r.valid_to]);
  const inVintage = mappable();
  const params = { ref: referenceDate, timeline: JSON.stringify(timeline), v2014: JSON.stringify(inVintage['2014']), v2019: JSON.stringify(inVintage['2019']), v2025: JSON.stringify(inVintage['2025']) };
  const base = `
    WITH r AS (
      SELECT person_id, start_date, end_date, kind, nis_code,
             LEAD(start_date) OVER (PARTITION BY person_id ORDER BY start_date) AS next_start,
             LAG(kind) OVER (PARTITION BY person_id ORDER BY start_date) AS prev_kind,
             LAG(nis_code) OVER (PARTITION BY person_id ORDER BY start_date) AS prev_nis
      FROM residence),
    dec AS (
      SELECT person_id, COALESCE(MIN(CASE WHEN status IN ('REFUGEE','SUBSIDIARY') THEN decision_date END), MIN(decision_date)) AS d
      FROM protection_decision GROUP BY person_id),
    died AS (
      SELECT p.person_id, MIN(COALESCE(p.death_date, '9999-12-31'), COALESCE((SELECT MIN(start_date) FROM residence x WHERE x.person_id = p.person_id AND x.kind = 'DECEASED'), '9999-12-31')) AS day
      FROM person p),
    tl(code, vfrom, vto) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(@timeline)),
    muni AS (SELECT * FROM r WHERE kind IN ('MAIN', 'WAITING_REGISTER'))`;
  const count = (where: string, from = 'r') =>
    db.prepare(`${base} SELECT COUNT(*) AS records, COUNT(DISTINCT person_id) AS persons FROM ${from} WHERE ${where}`).get(params) as { records: number; persons: number };
  const persons = (where: string) => ({ persons: count(where).persons, records: null });
  const FIVE = `nis_code GLOB '[0-9][0-9][0-9][0-9][0-9]'`;
  const noMuni = (v: string) => count(`${FIVE} AND nis_code NOT IN (SELECT value FROM json_each(@v${v}))`, 'muni');
  return {
    gap: count(`end_date IS NOT NULL AND next_start IS NOT NULL AND julianday(end_date) + 1 < julianday(next_start)`),
    endsBeforeReference: count(`next_start IS NULL AND end_date IS NOT NULL AND end_date < @ref AND kind <> 'DECEASED'`),
    overlap: count(`end_date IS NOT NULL AND next_start IS NOT NULL AND end_date >= next_start`),
    recordAfterDeath: count(`kind <> 'DECEASED' AND start_date >= (SELECT day FROM died WHERE died.person_id = r.person_id)`),
    deathWithoutRecord: persons(`person_id IN (SELECT person_id FROM person WHERE death_date IS NOT NULL) AND person_id NOT IN (SELECT person_id FROM residence WHERE kind = 'DECEASED')`),
    moveOnDecisionDay: persons(`prev_kind IS NOT NULL AND start_date = (SELECT d FROM dec WHERE dec.person_id = r.person_id) AND ${place('kind', 'nis_code')} <> ${place('prev_kind', 'prev_nis')}`),
    nisMissing: count(`nis_code IS NULL OR NOT ${FIVE}`, 'muni'),
    nisInvalidOnDate: count(`${FIVE} AND NOT EXISTS (SELECT 1 FROM tl WHERE tl.code = muni.nis_code AND muni.start_date BETWEEN tl.vfrom AND tl.vto)`, 'muni'),
    nisNoMunicipality2014: noMuni('2014'),
    nisNoMunicipality2019: noMuni('2019'),
    nisNoMunicipality2025: noMuni('2025'),
    noDecision: { persons: (db.prepare('SELECT COUNT(*) AS n FROM person WHERE person_id NOT IN (SELECT person_id FROM protection_decision)').get() as { n: number }).n, records: null },
    noResidenceAtDecision: {
      persons: (
        db
          .prepare(
            `${base}, at AS (
               SELECT dec.person_id, (SELECT end_date FROM residence x WHERE x.person_id = dec.person_id AND x.start_date <= dec.d ORDER BY x.start_date DESC LIMIT 1) AS end_date,
                      (SELECT ${place('kind', 'nis_code')} FROM residence x WHERE x.person_id = dec.person_id AND x.start_date <= dec.d ORDER BY x.start_date DESC LIMIT 1) AS place, dec.d
               FROM dec JOIN person USING (person_id))
             SELECT COUNT(*) AS n FROM at WHERE place IS NULL OR place = 'UNKNOWN' OR end_date < d`,
          )
          .get(params) as { n: number }
      ).n,
      records: null,
    },
  };
}
