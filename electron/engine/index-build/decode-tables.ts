import type { Database } from 'better-sqlite3-multiple-ciphers';
import { NO_DAY, OPEN_END } from '../cohort/day-number';
import { LOC_UNKNOWN } from './locations';
import { DAY_BASE, DAY_SPAN, rowidRange, type IndexTable, type ReadJob } from './packed-queries';

/**
 * Turns the packed values of the read jobs (see packed-queries.ts) into the typed arrays of
 * the columnar index. Values arrive per job in rowid order, so walking the jobs in order
 * walks each table in storage order.
 */
type Results = Float64Array[][];

function* valuesOf(jobs: ReadJob[], results: Results, table: IndexTable, query = 0): Generator<Float64Array> {
  for (let j = 0; j < jobs.length; j++) if (jobs[j].table === table) yield results[j][query];
}

/** Exact row count of a table: every query returns one value per row. */
export function rowsRead(jobs: ReadJob[], results: Results, table: IndexTable): number {
  let n = 0;
  for (const v of valuesOf(jobs, results, table)) n += v.length;
  return n;
}

export interface DecodedPersons {
  n: number;
  birthYear: Int16Array;
  birthMonth: Uint8Array;
  sex: Uint8Array;
  nationality: Uint16Array;
  nationalities: string[];
  deathDay: Int32Array;
  /** Person rowid → person index (position in storage order), -1 when unknown. */
  indexOf: (rowid: number) => number;
}

const unpackNat = (v: number) => String.fromCharCode(65 + Math.floor(v / 676), 65 + (Math.floor(v / 26) % 26), 65 + (v % 26));

/** Persons whose nationality is no alpha-3 code (STATELESS, UNKNOWN…): [rowid, text], in rowid order. */
export const readTextNationalities = (db: Database): [number, string][] =>
  db.prepare("SELECT rowid, nationality FROM person WHERE NOT (nationality GLOB '[A-Z][A-Z][A-Z]') ORDER BY rowid").raw().all() as [number, string][];

export function decodePersons(db: Database, jobs: ReadJob[], results: Results, textRows?: [number, string][]): DecodedPersons {
  const n = rowsRead(jobs, results, 'person');
  const birthYear = new Int16Array(n);
  const birthMonth = new Uint8Array(n);
  const sex = new Uint8Array(n);
  const nationality = new Uint16Array(n);
  const deathDay = new Int32Array(n).fill(NO_DAY);
  const natPacked = new Map<number, number>();
  const nationalities: string[] = [];
  let textNationalities = false;
  let i = 0;
  for (const values of valuesOf(jobs, results, 'person')) {
    for (let k = 0; k < values.length; k++, i++) {
      const v = values[k];
      const hi = Math.floor(v / DAY_SPAN);
      const death = v - hi * DAY_SPAN;
      const nat1 = hi & 32767;
      const rest = hi >>> 15;
      sex[i] = rest & 3;
      birthMonth[i] = (rest >>> 2) & 15;
      birthYear[i] = 1880 + (rest >>> 6);
      if (death > 0) deathDay[i] = death - 1 - DAY_BASE;
      if (nat1 > 0) {
        let nat = natPacked.get(nat1);
        if (nat === undefined) {
          natPacked.set(nat1, (nat = nationalities.length));
          nationalities.push(unpackNat(nat1 - 1));
        }
        nationality[i] = nat;
      } else {
        nationality[i] = 0xffff; // resolved below from the text values
        textNationalities = true;
      }
    }
  }
  const indexOf = personIndexOf(db, n);
  if (textNationalities) {
    // Values that are no alpha-3 code (STATELESS, UNKNOWN…) get ids after the codes, in storage order.
    const natText = new Map<string, number>();
    for (const [rowid, text] of textRows ?? readTextNationalities(db)) {
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
  return { n, birthYear, birthMonth, sex, nationality, nationalities, deathDay, indexOf };
}

/**
 * Person index = position in rowid order. Rowids without gaps (the usual case: the extract
 * is written once) need no table at all; otherwise the rowids are read once.
 */
export function personIndexOf(db: Database, n: number): (rowid: number) => number {
  const { min, max } = rowidRange(db, 'person');
  if (min === null || max === null) return () => -1;
  if (max - min + 1 === n) return (rowid) => (rowid >= min && rowid <= max ? rowid - min : -1);
  const rowids = db.prepare('SELECT rowid FROM person ORDER BY rowid').pluck().all() as number[];
  if (min >= 0 && max <= 4 * n + 1024) {
    const dense = new Int32Array(max + 1).fill(-1);
    rowids.forEach((rowid, p) => (dense[rowid] = p));
    return (rowid) => (rowid >= 0 && rowid <= max ? dense[rowid] : -1);
  }
  const map = new Map<number, number>();
  rowids.forEach((rowid, p) => map.set(rowid, p));
  return (rowid) => map.get(rowid) ?? -1;
}

/**
 * The first decision granting protection defines status and date; never granted → OTHER
 * with the first decision of any kind. Order-independent: minima per person.
 */
export function decodeDecisions(jobs: ReadJob[], results: Results, persons: DecodedPersons): { status: Uint8Array; decisionDay: Int32Array } {
  const { n, indexOf } = persons;
  const status = new Uint8Array(n).fill(2);
  const decisionDay = new Int32Array(n).fill(NO_DAY);
  const grantDay = new Int32Array(n).fill(OPEN_END);
  const firstDay = new Int32Array(n).fill(OPEN_END);
  for (const values of valuesOf(jobs, results, 'protection_decision')) {
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (Number.isNaN(v)) continue; // no such person, or no decision date
      const rowid = Math.floor(v / 16777216);
      const rest = v - rowid * 16777216;
      const p = indexOf(rowid);
      if (p < 0) continue;
      const day = (rest >>> 2) - DAY_BASE;
      const st = rest & 3;
      if (day < firstDay[p]) firstDay[p] = day;
      if (st < 2 && (day < grantDay[p] || (day === grantDay[p] && st < status[p]))) {
        grantDay[p] = day;
        status[p] = st;
      }
    }
  }
  for (let p = 0; p < n; p++) {
    if (grantDay[p] !== OPEN_END) decisionDay[p] = grantDay[p];
    else if (firstDay[p] !== OPEN_END) decisionDay[p] = firstDay[p];
  }
  return { status, decisionDay };
}

export interface DecodedResidences {
  resOffset: Uint32Array;
  resStart: Int32Array;
  resEnd: Int32Array;
  resLoc: Int16Array;
  codes: string[];
}

/**
 * The residence timeline of every person: storage order first, then a stable counting sort
 * by person, then by start date. Rows of unknown persons or without a start date are left out.
 */
export function decodeResidences(jobs: ReadJob[], results: Results, persons: DecodedPersons): DecodedResidences {
  const { n, indexOf } = persons;
  const total = rowsRead(jobs, results, 'residence');
  const rowPerson = new Int32Array(total);
  const rawStart = new Int32Array(total);
  const rawEnd = new Int32Array(total);
  const rawLoc = new Int16Array(total);
  const codeIndex = new Int32Array(100_000).fill(-1); // NIS code (5 digits) → code id
  const codes: string[] = [];
  const perPerson = new Uint32Array(n);
  let r = 0;
  // Extracts are usually written person by person: then the rows are already grouped.
  let grouped = true;
  let lastPerson = -1;
  for (let j = 0; j < jobs.length; j++) {
    if (jobs[j].table !== 'residence') continue;
    const [place, dates] = results[j];
    if (place.length !== dates.length) throw new Error('index build: residence reads out of step');
    for (let k = 0; k < place.length; k++) {
      const a = place[k];
      const b = dates[k];
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      const rowid = Math.floor(a / 4194304);
      const p = indexOf(rowid);
      if (p < 0) continue;
      const rest = a - rowid * 4194304;
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
      const start = Math.floor(b / DAY_SPAN);
      const end = b - start * DAY_SPAN;
      if (p < lastPerson) grouped = false;
      lastPerson = p;
      rowPerson[r] = p;
      rawLoc[r] = loc;
      rawStart[r] = start - DAY_BASE;
      rawEnd[r] = end === 0 ? OPEN_END : end - 1 - DAY_BASE;
      perPerson[p]++;
      r++;
    }
  }
  const resOffset = new Uint32Array(n + 1);
  for (let p = 0; p < n; p++) resOffset[p + 1] = resOffset[p] + perPerson[p];
  let resStart: Int32Array;
  let resEnd: Int32Array;
  let resLoc: Int16Array;
  if (grouped) {
    resStart = r === total ? rawStart : rawStart.slice(0, r);
    resEnd = r === total ? rawEnd : rawEnd.slice(0, r);
    resLoc = r === total ? rawLoc : rawLoc.slice(0, r);
  } else {
    resStart = new Int32Array(r);
    resEnd = new Int32Array(r);
    resLoc = new Int16Array(r);
    const fill = resOffset.slice(0, n);
    for (let k = 0; k < r; k++) {
      const at = fill[rowPerson[k]]++;
      resStart[at] = rawStart[k];
      resEnd[at] = rawEnd[k];
      resLoc[at] = rawLoc[k];
    }
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
  return { resOffset, resStart, resEnd, resLoc, codes };
}
