import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CEFR_LEVELS, KBI_TARGET_STATUSES } from '../../../shared/extract/extract-schema';
import { decodeDecisions, decodePersons, decodeResidences, readTextNationalities, rowsRead } from '../index-build/decode-tables';
import { LOC_DECEASED, LOC_UNKNOWN } from '../index-build/locations';
import { planReadJobs, runReadJob, type ReadJob } from '../index-build/packed-queries';
import { tryDirectRead } from '../index-build/direct-read/direct-read';
import { runReadJobs, type HelperSource } from '../index-build/read-jobs';
import { NO_DAY, isoToDay } from './day-number';
import { addExtraBitsets, buildFilterBitsets, type FilterBitsets } from './filter-bitsets';
import { loadIndexExtras } from './index-extras';

export { LOC_ABROAD, LOC_DECEASED, LOC_OFFSET, LOC_RADIATED, LOC_UNKNOWN } from '../index-build/locations';

export const STATUS_CODES = ['REFUGEE', 'SUBSIDIARY', 'OTHER'] as const;
export const NT2_CODES = ['NONE', ...CEFR_LEVELS] as const;
export const KBI_CODES = KBI_TARGET_STATUSES;

/**
 * The columnar index of an open extract: one typed array per person attribute, the
 * residence timeline of every person, and bitsets per filter value. Built once per open
 * extract and kept in memory (session.cache); its columns are also kept, encrypted, in the
 * index cache beside the workspace (see index-cache/), never in plaintext.
 *
 * Person index = position in the person table's storage order. Locations are small integers: a code id
 * (>= 0, index into `codes`, the municipality codes as recorded) or a special location (LOC_*).
 */
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
  /**
   * The day the residence trail ends in death: the earlier of person.death_date and the
   * first DECEASED residence record (docs/matrix-definitions.md, rule R1); NO_DAY when none.
   */
  deathDay: Int32Array;
  /** person.death_date alone (NO_DAY when empty). */
  deathDateDay: Int32Array;
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

/** Exact row counts of the tables the build reads in full (they replace count(*) at open). */
export type IndexRowCounts = Record<'person' | 'protection_decision' | 'residence', number>;

/**
 * Builds the index on this thread: reads person, protection_decision and residence in
 * storage order as packed integers (see index-build/packed-queries.ts), then decodes.
 */
export function buildColumnarIndex(db: Database, referenceDate: string, progress: IndexProgress = () => {}): ColumnarIndex {
  progress(0, 'read');
  const jobs = planReadJobs(db);
  const results = jobs.map((job, j) => {
    const values = runReadJob(db, job);
    progress((0.85 * (j + 1)) / jobs.length, 'read');
    return values;
  });
  return assembleIndex(db, referenceDate, jobs, results, progress);
}

/**
 * The same index, read by the direct page reader when `source.direct` is given and the file
 * is its simple case (index-build/direct-read/), else by this thread and `source.helpers`
 * helper threads at once (each with its own read-only connection on the file; see
 * index-build/read-jobs.ts). Also returns the exact row counts of the tables read, and
 * which reader read them. `whileReading` runs once on this thread while threads read.
 */
export async function buildColumnarIndexInParallel(
  db: Database,
  referenceDate: string,
  source: HelperSource,
  progress: IndexProgress = () => {},
  whileReading?: () => void,
): Promise<{ index: ColumnarIndex; rows: IndexRowCounts; reader: IndexReader }> {
  progress(0, 'read');
  // Other work for this thread while the worker threads read (once, whichever reader reads).
  let ran = false;
  const alsoHere = () => {
    if (ran) return;
    ran = true;
    whileReading?.();
  };
  let jobs = planReadJobs(db);
  let textNationalities: [number, string][] | undefined;
  let results: Float64Array[][] | undefined;
  let reader: IndexReader = { kind: 'sqlite', notSupported: 'not tried' };
  const onProgress = (done: number, total: number) => progress((0.85 * done) / total, 'read');
  if (source.direct) {
    // The direct page reader first; SQLite when the file is not its simple case.
    const direct = await tryDirectRead(db, source.file, source.direct.keys, jobs, source.direct.workers, onProgress, alsoHere, 'runs');
    if ('results' in direct) {
      jobs = direct.jobs; // runs of rows in storage order, not copied into the planned jobs
      results = direct.results;
      textNationalities = direct.textNationalities;
      reader = { kind: 'direct', rowsBySqlite: direct.rowsBySqlite };
    } else reader = { kind: 'sqlite', notSupported: direct.notSupported };
  }
  if (!results) {
    results = (
      await runReadJobs(db, jobs, source, onProgress, () => {
        textNationalities = readTextNationalities(db);
        alsoHere();
      })
    ).results;
  }
  const rows: IndexRowCounts = {
    person: rowsRead(jobs, results, 'person'),
    protection_decision: rowsRead(jobs, results, 'protection_decision'),
    residence: rowsRead(jobs, results, 'residence'),
  };
  return { index: assembleIndex(db, referenceDate, jobs, results, progress, textNationalities), rows, reader };
}

/** Which reader built the index: the direct page reader (with the rows it left to SQLite), or SQLite (and why). */
export type IndexReader = { kind: 'direct'; rowsBySqlite: number } | { kind: 'sqlite'; notSupported: string };

function assembleIndex(
  db: Database,
  referenceDate: string,
  jobs: ReadJob[],
  results: Float64Array[][],
  progress: IndexProgress,
  textNationalities?: [number, string][],
): ColumnarIndex {
  const referenceDay = isoToDay(referenceDate);
  progress(0.85, 'persons');
  const persons = decodePersons(db, jobs, results, textNationalities);
  const { n, birthYear, birthMonth, sex, nationality, nationalities, deathDay: deathDateDay } = persons;
  const { status, decisionDay } = decodeDecisions(jobs, results, persons);
  progress(0.9, 'residences');
  const { resOffset, resStart, resEnd, resLoc, codes } = decodeResidences(jobs, results, persons);
  results.length = 0; // the packed values are no longer needed
  const deathDay = trailDeathDays(deathDateDay, resOffset, resStart, resLoc);

  progress(0.95, 'derived');
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
  progress(0.98, 'bitsets');
  const index = indexFromColumns(
    db,
    {
      persons: n,
      referenceDay,
      status,
      decisionDay,
      decisionYear,
      nationality,
      nationalities,
      sex,
      ageAtDecision,
      deathDay,
      deathDateDay,
      resOffset,
      resStart,
      resEnd,
      resLoc,
      codes,
      locAtDecision,
      locAtReference,
    },
    persons.indexOf,
  );
  progress(1, 'ready');
  return index;
}

/**
 * The columns read from the extract at open (everything but the lazily read extras, the
 * bitsets and the derived data): what the encrypted index cache stores (see index-cache/).
 */
export type IndexColumns = Pick<
  ColumnarIndex,
  | 'persons'
  | 'referenceDay'
  | 'status'
  | 'decisionDay'
  | 'decisionYear'
  | 'nationality'
  | 'nationalities'
  | 'sex'
  | 'ageAtDecision'
  | 'deathDay'
  | 'deathDateDay'
  | 'resOffset'
  | 'resStart'
  | 'resEnd'
  | 'resLoc'
  | 'codes'
  | 'locAtDecision'
  | 'locAtReference'
>;

/**
 * The full index from its columns: empty extras (read from `db` on first use, `indexOf`
 * mapping a person rowid to the person index) and the filter bitsets (built here unless
 * given, as by the index cache).
 */
export function indexFromColumns(
  db: Database,
  columns: IndexColumns,
  indexOf: (rowid: number) => number,
  bitsets?: Pick<FilterBitsets, 'status' | 'sex' | 'nationality' | 'ageBand' | 'decisionYear'>,
): ColumnarIndex {
  const n = columns.persons;
  // Application year and the KBI columns are read on first use (loadExtras): most matrices
  // do not need them.
  const applicationYear = new Int16Array(n);
  const kbiTarget = new Uint8Array(n).fill(KBI_CODES.indexOf('NONE'));
  const trajectoryStarted = new Uint8Array(n);
  const attestationObtained = new Uint8Array(n);
  const nt2Level = new Uint8Array(n);
  let extrasLoaded = false;
  const loadExtras = () => {
    if (extrasLoaded) return;
    extrasLoaded = true;
    loadIndexExtras(db, indexOf, { applicationYear, kbiTarget, trajectoryStarted, attestationObtained, nt2Level });
    addExtraBitsets(full, full.bitsets);
  };
  const index: Omit<ColumnarIndex, 'bitsets'> = {
    ...columns,
    applicationYear,
    kbiTarget,
    trajectoryStarted,
    attestationObtained,
    nt2Level,
    derived: new Map(),
    loadExtras,
  };
  const built = bitsets
    ? { ...bitsets, applicationYear: new Map(), kbiTarget: [], trajectoryStarted: [], attestationObtained: [], nt2: [] }
    : buildFilterBitsets(index);
  const full: ColumnarIndex = { ...index, bitsets: built };
  return full;
}

/** Per person: the earlier of the death date and the start of the first DECEASED record. */
function trailDeathDays(deathDateDay: Int32Array, resOffset: Uint32Array, resStart: Int32Array, resLoc: Int16Array): Int32Array {
  const out = deathDateDay.slice();
  for (let p = 0; p < out.length; p++) {
    for (let r = resOffset[p]; r < resOffset[p + 1]; r++) {
      if (resLoc[r] !== LOC_DECEASED) continue;
      if (out[p] === NO_DAY || resStart[r] < out[p]) out[p] = resStart[r];
      break;
    }
  }
  return out;
}

/**
 * Where person p lived on `day` (a location): DECEASED once the death day is reached
 * (deathDay: the death date or the first DECEASED record, whichever comes first);
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
