import { LOC_DECEASED, LOC_UNKNOWN, type ColumnarIndex } from '../cohort/columnar-index';
import { NO_DAY, OPEN_END } from '../cohort/day-number';
import { hasMutation, type RuleMutation } from './rule-mutations';

/**
 * The residence trail of every person: the days on which the residence on a day (see
 * docs/matrix-definitions.md, "one trail") changes, with the new location as recorded.
 * State matrices read the trail on a day; move matrices count its changes, so both agree
 * about who is Unknown, abroad or deceased on any day. The rules:
 * - before the first record the residence is Unknown;
 * - a record holds from its start date until the next record starts or until its end
 *   date (inclusive), whichever comes first; a gap between the two is Unknown;
 * - after the last record's end date the residence is Unknown;
 * - the death (person.death_date or the first DECEASED record, whichever comes first)
 *   ends the trail: DECEASED from that day, later records ignored;
 * - records starting on the same day: the last in storage order holds.
 *
 * `mutation` (tests only, see rule-mutations.ts) breaks one rule on purpose.
 */
export interface ResidenceTrail {
  /** Events of person p: trailOffset[p] .. trailOffset[p+1]-1, days strictly increasing. */
  trailOffset: Uint32Array;
  trailDay: Int32Array;
  /** Location from that day on (a code id as recorded, or a LOC_* special location). */
  trailLoc: Int16Array;
  /** 1 when the event is the start of a residence record (not a gap, trail end or death). */
  trailRecordStart: Uint8Array;
}

export function residenceTrail(ix: ColumnarIndex, mutation?: RuleMutation): ResidenceTrail {
  const key = `trail:${mutation ?? ''}`;
  const hit = ix.derived.get(key) as ResidenceTrail | undefined;
  if (hit) return hit;
  const { resOffset, resStart, resEnd, resLoc, persons } = ix;
  const deathOf = deathDays(ix, mutation);
  const keepAfterDeath = hasMutation(mutation, 'records-after-death');
  const bridgeGaps = hasMutation(mutation, 'gap-bridged');
  const hideTrailEnd = hasMutation(mutation, 'trail-end-invisible');
  const earlierHolds = hasMutation(mutation, 'overlap-earlier-holds');
  // At most: per record a start and an end, plus a death per person.
  const cap = 2 * resLoc.length + persons;
  const day = new Int32Array(cap);
  const loc = new Int16Array(cap);
  const recordStart = new Uint8Array(cap);
  const trailOffset = new Uint32Array(persons + 1);
  let k = 0;
  let first = 0;
  const push = (d: number, l: number, isRecord: number): void => {
    // Same day as the previous event: the later one holds.
    if (k > first && day[k - 1] === d) {
      loc[k - 1] = l;
      recordStart[k - 1] |= isRecord;
      return;
    }
    if (k > first && day[k - 1] > d) {
      // Only with records-after-death: insert in day order (the trail stays sorted).
      let at = k;
      while (at > first && day[at - 1] > d) at--;
      if (at > first && day[at - 1] === d) {
        loc[at - 1] = l;
        return;
      }
      day.copyWithin(at + 1, at, k);
      loc.copyWithin(at + 1, at, k);
      recordStart.copyWithin(at + 1, at, k);
      day[at] = d;
      loc[at] = l;
      recordStart[at] = isRecord;
      k++;
      return;
    }
    day[k] = d;
    loc[k] = l;
    recordStart[k] = isRecord;
    k++;
  };
  for (let p = 0; p < persons; p++) {
    first = k;
    const death = deathOf[p];
    const r1 = resOffset[p + 1];
    for (let r = resOffset[p]; r < r1; r++) {
      let start = resStart[r];
      if (earlierHolds && r > resOffset[p] && resEnd[r - 1] !== OPEN_END && resEnd[r - 1] >= start) start = resEnd[r - 1] + 1;
      if (death !== NO_DAY && start >= death && !keepAfterDeath) break;
      const end = resEnd[r];
      push(start, end < start ? LOC_UNKNOWN : resLoc[r], 1);
      // The record ends before the next one starts (a gap) or is the last and ends: Unknown.
      if (end === OPEN_END || end < start) continue;
      const next = r + 1 < r1 ? resStart[r + 1] : OPEN_END;
      if (end + 1 >= next) continue;
      if (death !== NO_DAY && end + 1 >= death && !keepAfterDeath) continue;
      if (next === OPEN_END ? hideTrailEnd : bridgeGaps) continue;
      push(end + 1, LOC_UNKNOWN, 0);
    }
    if (death !== NO_DAY) push(death, LOC_DECEASED, 0);
    trailOffset[p + 1] = k;
  }
  const trail: ResidenceTrail = {
    trailOffset,
    trailDay: day.slice(0, k),
    trailLoc: loc.slice(0, k),
    trailRecordStart: recordStart.slice(0, k),
  };
  ix.derived.set(key, trail);
  return trail;
}

/**
 * The day the trail ends in death: the earlier of person.death_date and the first DECEASED
 * record (ix.deathDay already is that); the mutations take one source only.
 */
function deathDays(ix: ColumnarIndex, mutation?: RuleMutation): Int32Array {
  if (hasMutation(mutation, 'death-date-only')) return ix.deathDateDay;
  if (!hasMutation(mutation, 'death-record-only')) return ix.deathDay;
  const out = new Int32Array(ix.persons).fill(NO_DAY);
  for (let p = 0; p < ix.persons; p++) {
    for (let r = ix.resOffset[p]; r < ix.resOffset[p + 1]; r++) {
      if (ix.resLoc[r] === LOC_DECEASED) {
        out[p] = ix.resStart[r];
        break;
      }
    }
  }
  return out;
}

/** Location of person p on `day` read from a trail (UNKNOWN before its first event). */
export function trailLocation(trail: ResidenceTrail, p: number, day: number): number {
  const lo = trail.trailOffset[p];
  for (let k = trail.trailOffset[p + 1] - 1; k >= lo; k--) if (trail.trailDay[k] <= day) return trail.trailLoc[k];
  return LOC_UNKNOWN;
}
