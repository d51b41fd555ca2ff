import type { Database } from 'better-sqlite3-multiple-ciphers';
import { LOC_ABROAD, LOC_DECEASED, LOC_RADIATED, LOC_UNKNOWN } from './locations';

/**
 * The queries that read an extract for the columnar index. Each returns ONE integer per
 * table row (plucked integers cross into JavaScript several times cheaper than row arrays),
 * packing what the index needs: dates as day numbers, codes as small integers, the person
 * as the person's rowid. Every query returns exactly one value per row of its table (NULL
 * where the row cannot be used), so the values count the rows exactly and the two
 * residence queries line up row for row.
 */

/** Days from 0000-01-01 to 1970-01-01: packed days (0 … 3,652,424 for years 0000–9999) are never negative. */
export const DAY_BASE = 719_528;
/** 2^22: room for a packed day (or a packed day + 1). */
export const DAY_SPAN = 4_194_304;
/** A date column as a packed day number (NULL when not a date). */
const day = (col: string) => `CAST(julianday(${col}) - 1721059.5 AS INTEGER)`;
/** The rowid of the row's person (NULL for a person_id not in the person table). */
const PERSON_ROWID = '(SELECT p.rowid FROM person p WHERE p.person_id = t.person_id)';

/** Kind → location: MAIN/WAITING_REGISTER 0 (a municipality), specials negative. */
const KIND = `CASE t.kind WHEN 'MAIN' THEN 0 WHEN 'WAITING_REGISTER' THEN 0 WHEN 'ABROAD' THEN ${LOC_ABROAD}
  WHEN 'RADIATED' THEN ${LOC_RADIATED} WHEN 'DECEASED' THEN ${LOC_DECEASED} ELSE ${LOC_UNKNOWN} END`;
/** A well-formed NIS code as an integer (leading zeros restored in JS), else -1. */
const NIS = `CASE WHEN t.nis_code GLOB '[0-9][0-9][0-9][0-9][0-9]' THEN CAST(t.nis_code AS INTEGER) ELSE -1 END`;
/** ISO alpha-3 nationality packed into 0 … 17,575; other values (STATELESS, UNKNOWN…) -1, read as text later. */
const NAT = `CASE WHEN t.nationality GLOB '[A-Z][A-Z][A-Z]' THEN (unicode(substr(t.nationality, 1, 1)) - 65) * 676
  + (unicode(substr(t.nationality, 2, 1)) - 65) * 26 + unicode(substr(t.nationality, 3, 1)) - 65 ELSE -1 END`;

const range = 'WHERE t.rowid >= ? AND t.rowid < ? ORDER BY t.rowid';

/**
 * person: (((birth year − 1880) · 16 + birth month) · 4 + sex) · 2^15 + nationality + 1, then
 * · 2^22 + death day + 1 (0 = alive). Never NULL. Below 2^51.
 */
export const PERSON_SQL = `SELECT ((((MIN(MAX(IFNULL(t.birth_year, 1880) - 1880, 0), 255)) * 16 + MIN(MAX(IFNULL(t.birth_month, 0), 0), 15)) * 4
    + (CASE t.sex WHEN 'M' THEN 0 WHEN 'F' THEN 1 ELSE 2 END)) * 32768 + (${NAT}) + 1) * ${DAY_SPAN}
    + IFNULL(${day('t.death_date')} + 1, 0)
  FROM person t ${range}`;

/** protection_decision: person rowid · 2^24 + decision day · 4 + status (0 refugee, 1 subsidiary, 2 other). */
export const DECISION_SQL = `SELECT ${PERSON_ROWID} * 16777216 + ${day('t.decision_date')} * 4
    + CASE t.status WHEN 'REFUGEE' THEN 0 WHEN 'SUBSIDIARY' THEN 1 ELSE 2 END
  FROM protection_decision t ${range}`;

/** residence, where: person rowid · 2^22 + (NIS code + 1) · 8 + kind + 4. */
export const RESIDENCE_PLACE_SQL = `SELECT ${PERSON_ROWID} * 4194304 + ((${NIS}) + 1) * 8 + (${KIND}) + 4
  FROM residence t ${range}`;

/** residence, when: start day · 2^22 + end day + 1 (0 = open end). NULL when the start is not a date. */
export const RESIDENCE_DATES_SQL = `SELECT ${day('t.start_date')} * ${DAY_SPAN} + IFNULL(${day('t.end_date')} + 1, 0)
  FROM residence t ${range}`;

export type IndexTable = 'person' | 'protection_decision' | 'residence';

/** One unit of work: the queries of one table over one rowid range, run on one connection. */
export interface ReadJob {
  table: IndexTable;
  queries: string[];
  from: number;
  to: number;
}

/** Rowids per job: small enough to share the work evenly between threads. */
export const CHUNK_ROWIDS = 131_072;

/**
 * The jobs that read the three tables of the index, largest tables first (so the threads
 * finish together). Within a table, jobs are in rowid order; decoding relies on that.
 */
export function planReadJobs(db: Database, chunkRowids = CHUNK_ROWIDS): ReadJob[] {
  const tables: [IndexTable, string[]][] = [
    // Both residence queries of a range run back to back on one connection: the second
    // finds the pages the first decrypted in the page cache.
    ['residence', [RESIDENCE_PLACE_SQL, RESIDENCE_DATES_SQL]],
    ['protection_decision', [DECISION_SQL]],
    ['person', [PERSON_SQL]],
  ];
  const jobs: ReadJob[] = [];
  for (const [table, queries] of tables) {
    const { min, max } = rowidRange(db, table);
    if (min === null || max === null) continue;
    for (let from = min; from <= max; from += chunkRowids) jobs.push({ table, queries, from, to: Math.min(from + chunkRowids, max + 1) });
  }
  return jobs;
}

/** Smallest and largest rowid (NULL for an empty table); two queries, as only a lone MIN or MAX skips the scan. */
export function rowidRange(db: Database, table: string): { min: number | null; max: number | null } {
  const min = db.prepare(`SELECT MIN(rowid) FROM ${table}`).pluck().get() as number | null;
  const max = db.prepare(`SELECT MAX(rowid) FROM ${table}`).pluck().get() as number | null;
  return { min, max };
}

/** Runs one job on a connection: one Float64Array per query, NaN for NULL. */
export function runReadJob(db: Database, job: ReadJob): Float64Array[] {
  return job.queries.map((sql) => {
    const rows = db.prepare(sql).pluck().all(job.from, job.to) as unknown[];
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i];
      out[i] = typeof v === 'number' ? v : NaN;
    }
    return out;
  });
}
