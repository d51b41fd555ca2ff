import type { OpenSession } from '../core/open-session';
import type { QualityCheck, QualityItem } from '../../../shared/quality/quality-report';
import { QUALITY_CHECKS } from '../../../shared/quality/quality-report';
import { LOC_DECEASED, LOC_UNKNOWN, type ColumnarIndex } from '../cohort/columnar-index';
import { isoToDay, NO_DAY, OPEN_END } from '../cohort/day-number';
import { sessionIndex } from '../cohort/session-index';
import { VINTAGES, getGeography } from '../geo/geography';
import { isValidInVintage, validPeriods } from '../geo/nis-validity';

/**
 * Counts the anomalies of the data-quality report from the columnar index built at open (every
 * person's residence timeline in start_date order, death and decision days, recorded codes),
 * plus one count in SQL for municipality records without a usable code (the index places them,
 * like kind UNKNOWN, nowhere). Counts only leave this function. What counts is defined in
 * docs/matrix-definitions.md § Data-quality report.
 */

/** Record-level checks report records; the others persons only. */
const PERSON_LEVEL = new Set<QualityCheck>(['deathWithoutRecord', 'moveOnDecisionDay', 'noDecision', 'noResidenceAtDecision']);

class Tally {
  readonly persons = new Map<QualityCheck, number>();
  readonly records = new Map<QualityCheck, number>();
  private seen = new Set<QualityCheck>();
  /** Starts a new person: each check counts a person once. */
  nextPerson() {
    this.seen.clear();
  }
  add(check: QualityCheck) {
    this.records.set(check, (this.records.get(check) ?? 0) + 1);
    if (!this.seen.has(check)) {
      this.seen.add(check);
      this.persons.set(check, (this.persons.get(check) ?? 0) + 1);
    }
  }
}

/** Per recorded code (index into ix.codes): the checks it fails, worked out once per code. */
function codeChecks(ix: ColumnarIndex, supplierVintage: string): { invalidOn: (code: number, day: number) => boolean; noMunicipality: QualityCheck[][] } {
  const geo = getGeography();
  const converted = supplierVintage === '2019' || supplierVintage === '2025';
  const periods = ix.codes.map((code) => validPeriods(code).map((r) => [isoToDay(r.from), r.to >= '9999' ? OPEN_END : isoToDay(r.to)] as const));
  const inSupplierVintage = ix.codes.map((code) => (converted ? isValidInVintage(code, supplierVintage) : true));
  const noMunicipality = ix.codes.map((code) => VINTAGES.filter((v) => geo.toVintage(code, v) === null).map((v) => `nisNoMunicipality${v}` as QualityCheck));
  return {
    // A supplier who converted every code to one vintage: valid means in that vintage's list.
    invalidOn: (code, day) => (converted ? !inSupplierVintage[code] : !periods[code].some(([from, to]) => from <= day && day <= to)),
    noMunicipality,
  };
}

export function qualityCounts(session: OpenSession): { items: QualityItem[]; persons: number; residenceRecords: number } {
  const ix = sessionIndex(session);
  // The raw death date: the index's deathDay is already the trail's (R1: the earlier of date and record).
  const { resOffset, resStart, resEnd, resLoc, deathDateDay: deathDay, decisionDay, referenceDay } = ix;
  const codes = codeChecks(ix, session.summary.nisVintage);
  const tally = new Tally();
  for (let p = 0; p < ix.persons; p++) {
    tally.nextPerson();
    const first = resOffset[p];
    const end = resOffset[p + 1];
    let deceasedRecord = NO_DAY;
    for (let r = first; r < end; r++) {
      if (r + 1 < end && resEnd[r] !== OPEN_END) {
        if (resEnd[r] + 1 < resStart[r + 1]) tally.add('gap');
        else if (resEnd[r] >= resStart[r + 1]) tally.add('overlap');
      }
      const loc = resLoc[r];
      if (loc === LOC_DECEASED && deceasedRecord === NO_DAY) deceasedRecord = resStart[r];
      if (loc >= 0) {
        if (codes.invalidOn(loc, resStart[r])) tally.add('nisInvalidOnDate');
        for (const check of codes.noMunicipality[loc]) tally.add(check);
      }
    }
    if (end > first && resEnd[end - 1] !== OPEN_END && resEnd[end - 1] < referenceDay && resLoc[end - 1] !== LOC_DECEASED) tally.add('endsBeforeReference');

    // A death is the death date or the first DECEASED record, whichever comes first.
    if (deathDay[p] !== NO_DAY && deceasedRecord === NO_DAY) tally.add('deathWithoutRecord');
    const diedOn = deathDay[p] === NO_DAY ? deceasedRecord : deceasedRecord === NO_DAY ? deathDay[p] : Math.min(deathDay[p], deceasedRecord);
    if (diedOn !== NO_DAY) for (let r = first; r < end; r++) if (resLoc[r] !== LOC_DECEASED && resStart[r] >= diedOn) tally.add('recordAfterDeath');

    const decision = decisionDay[p];
    if (decision === NO_DAY) {
      tally.add('noDecision');
      continue;
    }
    let at = -1;
    for (let r = first; r < end && resStart[r] <= decision; r++) at = r;
    if (at > first && resStart[at] === decision && resLoc[at - 1] !== resLoc[at]) tally.add('moveOnDecisionDay');
    if (at < 0 || (resEnd[at] !== OPEN_END && resEnd[at] < decision) || resLoc[at] === LOC_UNKNOWN) tally.add('noResidenceAtDecision');
  }
  // The index places a municipality record without a usable code nowhere, like kind UNKNOWN: told apart here.
  // Such records are rare: their person ids are counted here rather than with COUNT(DISTINCT) in SQL.
  const missing = session.db
    .prepare(
      `SELECT person_id FROM residence
       WHERE kind IN ('MAIN', 'WAITING_REGISTER') AND (nis_code IS NULL OR nis_code NOT GLOB '[0-9][0-9][0-9][0-9][0-9]')
         AND start_date IS NOT NULL AND person_id IN (SELECT person_id FROM person)`,
    )
    .pluck()
    .all() as string[];
  tally.records.set('nisMissing', missing.length);
  tally.persons.set('nisMissing', new Set(missing).size);
  const items = QUALITY_CHECKS.map((check) => ({
    check,
    persons: tally.persons.get(check) ?? 0,
    records: PERSON_LEVEL.has(check) ? null : (tally.records.get(check) ?? 0),
  }));
  return { items, persons: ix.persons, residenceRecords: resOffset[ix.persons] };
}
