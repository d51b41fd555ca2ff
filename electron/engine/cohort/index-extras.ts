import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CEFR_LEVELS, KBI_TARGET_STATUSES } from '../../../shared/extract/extract-schema';

/** The columns read on first use (application year, KBI); see ColumnarIndex.loadExtras. */
export interface IndexExtras {
  applicationYear: Int16Array;
  kbiTarget: Uint8Array;
  trajectoryStarted: Uint8Array;
  attestationObtained: Uint8Array;
  nt2Level: Uint8Array;
}

const NT2_CODES = ['NONE', ...CEFR_LEVELS] as const;
const KBI_CODES = KBI_TARGET_STATUSES;
const CHUNK_ROWIDS = 262_144;

/**
 * Runs a single-integer query over a table in rowid chunks (`WHERE t.rowid` range added) and
 * calls fn per value in rowid order. Plucked integers cross into JS far cheaper than rows.
 */
function forEachPacked(db: Database, table: string, sql: string, fn: (v: number) => void): void {
  const maxRowid = (db.prepare(`SELECT MAX(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
  const where = /\bWHERE\b/.test(sql) ? ' AND' : ' WHERE';
  const stmt = db.prepare(`${sql}${where} t.rowid >= ? AND t.rowid < ? ORDER BY t.rowid`).pluck();
  for (let from = 0; from <= maxRowid; from += CHUNK_ROWIDS) {
    const values = stmt.all(from, from + CHUNK_ROWIDS) as (number | null)[];
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (v !== null) fn(v);
    }
  }
}

/** Fills `out` from asylum_application and the KBI tables; indexOf maps a person rowid to the person index. */
export function loadIndexExtras(db: Database, indexOf: (rowid: number) => number, out: IndexExtras): void {
  const { applicationYear, kbiTarget, trajectoryStarted, attestationObtained, nt2Level } = out;
  forEachPacked(
    db,
    'asylum_application',
    `SELECT p.rowid * 4096 + CAST(substr(t.application_date, 1, 4) AS INTEGER) - 1880
     FROM asylum_application t CROSS JOIN person p ON p.person_id = t.person_id`,
    (v) => {
      const rowid = Math.floor(v / 4096);
      const p = indexOf(rowid);
      const year = v - rowid * 4096 + 1880;
      if (p >= 0 && year > 1880 && (applicationYear[p] === 0 || year < applicationYear[p])) applicationYear[p] = year;
    },
  );

  const kbiCase = `CASE t.target_status ${KBI_CODES.map((c, k) => `WHEN '${c}' THEN ${k}`).join(' ')} ELSE ${KBI_CODES.indexOf('NONE')} END`;
  const byPerson = (table: string, value: string, where: string, fn: (p: number, v: number) => void) =>
    forEachPacked(db, table, `SELECT p.rowid * 8 + (${value}) FROM ${table} t CROSS JOIN person p ON p.person_id = t.person_id ${where}`, (v) => {
      const rowid = Math.floor(v / 8);
      const p = indexOf(rowid);
      if (p >= 0) fn(p, v - rowid * 8);
    });
  byPerson('kbi_person', kbiCase, '', (p, target) => (kbiTarget[p] = target));
  byPerson('kbi_trajectory', 't.attest_date IS NOT NULL', '', (p, attested) => {
    trajectoryStarted[p] = 1;
    if (attested) attestationObtained[p] = 1;
  });
  const levelCase = `CASE t.cefr_level ${NT2_CODES.map((c, k) => `WHEN '${c}' THEN ${k}`).join(' ')} ELSE 0 END`;
  byPerson('kbi_component', levelCase, "WHERE t.type = 'NT2' AND t.status = 'COMPLETED' AND t.cefr_level IS NOT NULL", (p, level) => {
    if (level > nt2Level[p]) nt2Level[p] = level;
  });
}
