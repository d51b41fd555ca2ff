import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CEFR_LEVELS, KBI_TARGET_STATUSES } from '../../../shared/extract/extract-schema';
import { NO_DAY, OPEN_END, isoToDay } from './day-number';
import { addExtraBitsets, buildFilterBitsets, type FilterBitsets } from './filter-bitsets';

/**
 * The columnar index of an open extract: one typed array per person attribute, the
 * residence timeline of every person, and bitsets per filter value. Built once per open
 * extract, kept only in memory (session.cache), never written anywhere.
 *
 * Person index = position in the person table's storage order. Locations are small integers: a code id
 * (>= 0, index into `codes`, the municipality codes as recorded) or a special location.
 */
export const LOC_ABROAD = -1;
export const LOC_RADIATED = -2;
export const LOC_DECEASED = -3;
export const LOC_UNKNOWN = -4;
/** Add to a location to index lookup arrays (specials first). */
export const LOC_OFFSET = 4;

export const STATUS_CODES = ['REFUGEE', 'SUBSIDIARY', 'OTHER'] as const;
export const NT2_CODES = ['NONE', ...CEFR_LEVELS] as const;
export const KBI_CODES = KBI_TARGET_STATUSES;

export interface ColumnarIndex {
  persons: number;
  referenceDay: number;
  /** Index into STATUS_CODES, from the first decision granting protection. */
  status: Uint8Array;
  /** The first granting decision, else the first decision; NO_DAY when none. */
  decisionDay: Int32Array;
  decisionYear: Int16Array;
  /** Year of the first asylum application; 0 when none. */
  applicationYear: Int16Array;
  /** Index into `nationalities`. */
  nationality: Uint16Array;
  nationalities: string[];
  /** Index into SEXES. */
  sex: Uint8Array;
  /** Completed years at the decision; -1 when unknown. */
  ageAtDecision: Int16Array;
  /** Index into KBI_CODES; no kbi_person record counts as NONE. */
  kbiTarget: Uint8Array;
  trajectoryStarted: Uint8Array;
  attestationObtained: Uint8Array;
  /** Index into NT2_CODES: highest CEFR level of a completed NT2 component. */
  nt2Level: Uint8Array;
  deathDay: Int32Array;
  /** Residences of person p: resOffset[p] .. resOffset[p+1]-1, in start_date order. */
  resOffset: Uint32Array;
  resStart: Int32Array;
  resEnd: Int32Array;
  resLoc: Int16Array;
  /** Municipality codes as recorded; a location >= 0 indexes this list. */
  codes: string[];
  locAtDecision: Int16Array;
  locAtReference: Int16Array;
  bitsets: FilterBitsets;
  /**
   * Reads the application year and KBI columns (and their bitsets) on first call; until
   * then those arrays hold their defaults. Call before using them (see ensureExtras).
   */
  loadExtras(): void;
  /** Derived per-vintage data (moves, lookups), filled lazily. */
  derived: Map<string, unknown>;
}

export type IndexProgress = (fraction: number, stage: string) => void;

const DAY_SQL = (col: string) => `CAST(julianday(${col}) - 2440587.5 AS INTEGER)`;
/** Kind → location in SQL: MAIN/WAITING_REGISTER 0 (a municipality), specials negative. */
const KIND_SQL = `CASE kind WHEN 'MAIN' THEN 0 WHEN 'WAITING_REGISTER' THEN 0 WHEN 'ABROAD' THEN ${LOC_ABROAD}
  WHEN 'RADIATED' THEN ${LOC_RADIATED} WHEN 'DECEASED' THEN ${LOC_DECEASED} ELSE ${LOC_UNKNOWN} END`;
/** A well-formed NIS code as an integer (leading zeros restored in JS), else -1. */
const NIS_SQL = `CASE WHEN nis_code GLOB '[0-9][0-9][0-9][0-9][0-9]' THEN CAST(nis_code AS INTEGER) ELSE -1 END`;
/** ISO alpha-3 nationality packed into an integer; other values (STATELESS, UNKNOWN…) come as text. */
const NAT_SQL = `CASE WHEN nationality GLOB '[A-Z][A-Z][A-Z]' THEN (unicode(substr(nationality, 1, 1)) - 65) * 676
  + (unicode(substr(nationality, 2, 1)) - 65) * 26 + unicode(substr(nationality, 3, 1)) - 65 ELSE -1 END`;
/** Days from 1900-01-01 to 1970-01-01: keeps packed day numbers positive. */
const DAY_BASE = 25567;
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

const unpackNat = (v: number) => String.fromCharCode(65 + Math.floor(v / 676), 65 + (Math.floor(v / 26) % 26), 65 + (v % 26));

/**
 * Reads every table with full scans in storage order, returning integers only (dates as
 * day numbers, codes packed) and the person's rowid through a join on person_id: far
 * cheaper than sorted reads or strings. Order-dependent data (residences) is sorted here.
 */
export function buildColumnarIndex(db: Database, referenceDate: string, progress: IndexProgress = () => {}): ColumnarIndex {
  const referenceDay = isoToDay(referenceDate);
  progress(0, 'persons');
  const n = (db.prepare('SELECT COUNT(*) FROM person').pluck().get() as number) ?? 0;
  const maxRowid = (db.prepare('SELECT MAX(rowid) FROM person').pluck().get() as number | null) ?? 0;
  // Person index = position in storage (rowid) order; rowid → index through a dense array.
  const dense = maxRowid <= 4 * n + 1024;
  const rowidIndex = dense ? new Int32Array(maxRowid + 1).fill(-1) : null;
  const rowidMap = dense ? null : new Map<number, number>();
  const indexOf = (rowid: number): number => (rowidIndex ? (rowid >= 0 && rowid <= maxRowid ? rowidIndex[rowid] : -1) : (rowidMap!.get(rowid) ?? -1));
  const birthYear = new Int16Array(n);
  const birthMonth = new Uint8Array(n);
  const sex = new Uint8Array(n);
  const nationality = new Uint16Array(n);
  const deathDay = new Int32Array(n).fill(NO_DAY);
  const natPacked = new Map<number, number>();
  const natText = new Map<string, number>();
  const nationalities: string[] = [];
  // Storage order; one packed integer per row (pluck is several times cheaper than row arrays).
  // rowid · 2^22 + (birth year − 1880) · 2^14 + birth month · 2^10 + sex · 2^8
  let i = 0;
  forEachPacked(
    db,
    'person',
    `SELECT t.rowid * 4194304 + (MIN(MAX(IFNULL(t.birth_year, 1880) - 1880, 0), 255)) * 16384 + IFNULL(t.birth_month, 0) * 1024
       + (CASE t.sex WHEN 'M' THEN 0 WHEN 'F' THEN 1 ELSE 2 END) * 256 FROM person t`,
    (v) => {
      if (i >= n) return;
      const rowid = Math.floor(v / 4194304);
      const rest = v - rowid * 4194304;
      if (rowidIndex) rowidIndex[rowid] = i;
      else rowidMap!.set(rowid, i);
      birthYear[i] = 1880 + (rest >>> 14);
      birthMonth[i] = (rest >>> 10) & 15;
      sex[i] = (rest >>> 8) & 3;
      i++;
    },
  );
  // Nationality (packed alpha-3 + 1, or 0 for other text) · 2^18 + death day (+ offset, 0 = none).
  i = 0;
  const textNationality = new Map<number, string>(
    (db.prepare("SELECT rowid, nationality FROM person WHERE NOT (nationality GLOB '[A-Z][A-Z][A-Z]')").raw().all() as [number, string][]),
  );
  forEachPacked(db, 'person', `SELECT (${NAT_SQL.replace(/nationality/g, 't.nationality')} + 1) * 262144 + IFNULL(${DAY_SQL('t.death_date')} + ${DAY_BASE} + 1, 0) FROM person t`, (v) => {
    if (i >= n) return;
    const packed = Math.floor(v / 262144) - 1;
    const death = v - (packed + 1) * 262144;
    let nat: number | undefined;
    if (packed >= 0) {
      nat = natPacked.get(packed);
      if (nat === undefined) {
        natPacked.set(packed, (nat = nationalities.length));
        nationalities.push(unpackNat(packed));
      }
    } else {
      nat = -1; // resolved below from the text values
    }
    nationality[i] = nat < 0 ? 0xffff : nat;
    if (death > 0) deathDay[i] = death - 1 - DAY_BASE;
    i++;
  });
  if (textNationality.size) {
    for (const [rowid, text] of textNationality) {
      const p = indexOf(rowid);
      if (p < 0) continue;
      let nat = natText.get(text);
      if (nat === undefined) {
        natText.set(text, (nat = nationalities.length));
        nationalities.push(text);
      }
      nationality[p] = nat;
    }
  }
  progress(0.15, 'decisions');
  // The first decision granting protection defines status and date; never granted → OTHER
  // with the first decision of any kind. Order-independent: minima per person.
  const status = new Uint8Array(n).fill(2);
  const decisionDay = new Int32Array(n).fill(NO_DAY);
  {
    const grantDay = new Int32Array(n).fill(OPEN_END);
    const firstDay = new Int32Array(n).fill(OPEN_END);
    // person rowid · 2^20 + (day + offset) · 4 + status (0 refugee, 1 subsidiary, 2 other)
    forEachPacked(
      db,
      'protection_decision',
      `SELECT p.rowid * 1048576 + (${DAY_SQL('t.decision_date')} + ${DAY_BASE}) * 4
         + CASE t.status WHEN 'REFUGEE' THEN 0 WHEN 'SUBSIDIARY' THEN 1 ELSE 2 END
       FROM protection_decision t CROSS JOIN person p ON p.person_id = t.person_id WHERE t.decision_date IS NOT NULL`,
      (v) => {
        const rowid = Math.floor(v / 1048576);
        const rest = v - rowid * 1048576;
        const p = indexOf(rowid);
        if (p < 0) return;
        const day = (rest >>> 2) - DAY_BASE;
        const st = rest & 3;
        if (day < firstDay[p]) firstDay[p] = day;
        if (st < 2 && (day < grantDay[p] || (day === grantDay[p] && st < status[p]))) {
          grantDay[p] = day;
          status[p] = st;
        }
      },
    );
    for (let p = 0; p < n; p++) {
      if (grantDay[p] !== OPEN_END) decisionDay[p] = grantDay[p];
      else if (firstDay[p] !== OPEN_END) decisionDay[p] = firstDay[p];
    }
  }

  progress(0.35, 'residences');
  const resCount = (db.prepare('SELECT COUNT(*) FROM residence').pluck().get() as number) ?? 0;
  const resOffset = new Uint32Array(n + 1);
  const resStart = new Int32Array(resCount);
  const resEnd = new Int32Array(resCount);
  const resLoc = new Int16Array(resCount);
  const codes: string[] = [];
  {
    // Storage order first, then a stable counting sort by person, then by start date.
    const rowPerson = new Int32Array(resCount);
    const rawStart = new Int32Array(resCount);
    const rawEnd = new Int32Array(resCount);
    const rawLoc = new Int16Array(resCount);
    const codeIndex = new Int32Array(100_000).fill(-1); // NIS code (5 digits) → code id
    const perPerson = new Uint32Array(n);
    let r = 0;
    // Two packed passes over the same rows in rowid order:
    // (1) person rowid · 2^22 + (NIS code + 1) · 8 + kind; (2) (start + offset) · 2^17 + (end + offset + 1 | 0).
    forEachPacked(
      db,
      'residence',
      `SELECT p.rowid * 4194304 + (${NIS_SQL.replace(/nis_code/g, 't.nis_code')} + 1) * 8 + (${KIND_SQL.replace('CASE kind', 'CASE t.kind')}) + 4
         + 0 * ${DAY_SQL('t.start_date')}
       FROM residence t CROSS JOIN person p ON p.person_id = t.person_id WHERE t.start_date IS NOT NULL`,
      (v) => {
        if (r >= resCount) return;
        const rowid = Math.floor(v / 4194304);
        const rest = v - rowid * 4194304;
        const p = indexOf(rowid);
        const kind = (rest & 7) - 4;
        const nis = (rest >>> 3) - 1;
        let loc = kind;
        if (kind === 0) {
          if (nis < 0) loc = LOC_UNKNOWN;
          else {
            let c = codeIndex[nis];
            if (c < 0) {
              codeIndex[nis] = c = codes.length;
              codes.push(String(nis).padStart(5, '0'));
            }
            loc = c;
          }
        }
        rowPerson[r] = p;
        rawLoc[r] = loc;
        if (p >= 0) perPerson[p]++;
        r++;
      },
    );
    let r2 = 0;
    forEachPacked(
      db,
      'residence',
      `SELECT (${DAY_SQL('t.start_date')} + ${DAY_BASE}) * 131072 + IFNULL(${DAY_SQL('t.end_date')} + ${DAY_BASE} + 1, 0)
       FROM residence t CROSS JOIN person p ON p.person_id = t.person_id WHERE t.start_date IS NOT NULL`,
      (v) => {
        if (r2 >= r) return;
        const start = Math.floor(v / 131072);
        const end = v - start * 131072;
        rawStart[r2] = start - DAY_BASE;
        rawEnd[r2] = end === 0 ? OPEN_END : end - 1 - DAY_BASE;
        r2++;
      },
    );
    for (let p = 0; p < n; p++) resOffset[p + 1] = resOffset[p] + perPerson[p];
    const fill = resOffset.slice(0, n);
    for (let k = 0; k < r; k++) {
      if (rowPerson[k] < 0) continue;
      const at = fill[rowPerson[k]]++;
      resStart[at] = rawStart[k];
      resEnd[at] = rawEnd[k];
      resLoc[at] = rawLoc[k];
    }
    // Within a person: insertion sort by start date (runs are short and usually sorted).
    for (let p = 0; p < n; p++) {
      const lo = resOffset[p];
      const hi = resOffset[p + 1];
      for (let a = lo + 1; a < hi; a++) {
        if (resStart[a - 1] <= resStart[a]) continue;
        const s0 = resStart[a];
        const e0 = resEnd[a];
        const l0 = resLoc[a];
        let b = a - 1;
        while (b >= lo && resStart[b] > s0) {
          resStart[b + 1] = resStart[b];
          resEnd[b + 1] = resEnd[b];
          resLoc[b + 1] = resLoc[b];
          b--;
        }
        resStart[b + 1] = s0;
        resEnd[b + 1] = e0;
        resLoc[b + 1] = l0;
      }
    }
  }

  // Application year and the KBI columns are read on first use (loadExtras): most matrices
  // do not need them, and reading them is a third of the build.
  const applicationYear = new Int16Array(n);
  const kbiTarget = new Uint8Array(n).fill(KBI_CODES.indexOf('NONE'));
  const trajectoryStarted = new Uint8Array(n);
  const attestationObtained = new Uint8Array(n);
  const nt2Level = new Uint8Array(n);
  let extrasLoaded = false;
  const loadExtras = () => {
    if (extrasLoaded) return;
    extrasLoaded = true;
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

    {
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
    addExtraBitsets(full, full.bitsets);
  };

  progress(0.7, 'derived');
  const decisionYear = new Int16Array(n);
  const ageAtDecision = new Int16Array(n).fill(-1);
  const locAtDecision = new Int16Array(n);
  const locAtReference = new Int16Array(n);
  // year · 16 + month per decision day, memoised (a few thousand distinct days).
  const yearMonth = new Map<number, number>();
  for (let p = 0; p < n; p++) {
    const d = decisionDay[p];
    if (d !== NO_DAY) {
      let ym = yearMonth.get(d);
      if (ym === undefined) {
        const date = new Date(d * 86_400_000);
        yearMonth.set(d, (ym = date.getUTCFullYear() * 16 + date.getUTCMonth() + 1));
      }
      const y = ym >>> 4;
      decisionYear[p] = y;
      // Age in completed years; birth month unknown → born 1 July (mid-year).
      const bm = birthMonth[p] || 7;
      const age = y - birthYear[p] - ((ym & 15) < bm ? 1 : 0);
      ageAtDecision[p] = age >= 0 ? age : 0;
      locAtDecision[p] = locationOn(resOffset, resStart, resEnd, resLoc, deathDay, p, d);
    } else locAtDecision[p] = LOC_UNKNOWN;
    locAtReference[p] = locationOn(resOffset, resStart, resEnd, resLoc, deathDay, p, referenceDay);
  }

  // eslint-disable-next-line prefer-const -- assigned below; loadExtras refers to it lazily
  let full: ColumnarIndex;
  const index: Omit<ColumnarIndex, 'bitsets'> = {
    persons: n,
    referenceDay,
    status,
    decisionDay,
    decisionYear,
    applicationYear,
    nationality,
    nationalities,
    sex,
    ageAtDecision,
    kbiTarget,
    trajectoryStarted,
    attestationObtained,
    nt2Level,
    deathDay,
    resOffset,
    resStart,
    resEnd,
    resLoc,
    codes,
    locAtDecision,
    locAtReference,
    derived: new Map(),
    loadExtras,
  };
  progress(0.95, 'bitsets');
  full = { ...index, bitsets: buildFilterBitsets(index) };
  progress(1, 'ready');
  return full;
}

/**
 * Where person p lived on `day` (a location): DECEASED once the death date is reached;
 * otherwise the last residence starting on or before the day, unless it ended before
 * the day; no such residence → UNKNOWN.
 */
export function locationOn(
  resOffset: Uint32Array,
  resStart: Int32Array,
  resEnd: Int32Array,
  resLoc: Int16Array,
  deathDay: Int32Array,
  p: number,
  day: number,
): number {
  const death = deathDay[p];
  if (death !== NO_DAY && death <= day) return LOC_DECEASED;
  const lo = resOffset[p];
  for (let r = resOffset[p + 1] - 1; r >= lo; r--) {
    if (resStart[r] <= day) return resEnd[r] < day ? LOC_UNKNOWN : resLoc[r];
  }
  return LOC_UNKNOWN;
}

export const locationOfPerson = (ix: ColumnarIndex, p: number, day: number): number =>
  locationOn(ix.resOffset, ix.resStart, ix.resEnd, ix.resLoc, ix.deathDay, p, day);
