import { Rng } from './prng';

/**
 * How often the synthetic register is messy, the way administrative registers are
 * (documented in docs/extract-format.md, "Messiness of the synthetic extract"). Every
 * matrix rule in docs/matrix-definitions.md meets real cases in the demo this way.
 * The draws come from a stream of their own (messRng), so the clean part of every person
 * (dates, places, statuses) stays what it was without them.
 */
export const MESSINESS = {
  /** Per change of municipality residence: the old record ends 1–90 days before the new one starts (registered late). */
  gap: 0.04,
  /** Per change of municipality residence: the old record ends 1–30 days after the new one starts (closed late). */
  overlap: 0.015,
  /** Per person whose last record is a municipality residence: that record ends (left without a new address). */
  trailEnds: 0.005,
  /** Per death: no DECEASED residence record, only person.death_date. */
  deathWithoutRecord: 0.3,
  /** Per death with a DECEASED record: person.death_date left empty (only the record says so). */
  deathRecordOnly: 0.1,
  /** Per death with a DECEASED record: person.death_date 1–40 days before the record (death registered late). */
  deathRegisteredLate: 0.15,
  /** Per death: an ex-officio removal 30–300 days after the death (a record dated after the death). */
  recordAfterDeath: 0.2,
  /** Per person granted who leaves the centre municipality: the first move falls on the decision day. */
  decisionDayMove: 0.05,
  /** Per person granted: no residence on the decision day (waiting register closed before, registered after). */
  noResidenceAtDecision: 0.01,
  /** Per person granted: a rejection between the application and the grant (granted on appeal). */
  rejectionBeforeGrant: 0.08,
  /** Per person granted subsidiary protection: recognised as refugee 6 months to 3 years later. */
  upgradeToRefugee: 0.06,
  /** Per person granted: ex-officio removed, then registered again 60–540 days later. */
  removedThenBack: 0.03,
} as const;

/** The messiness stream of person `index`: independent of the person's main stream. */
export const messRng = (seed: number, index: number): Rng => new Rng((seed ^ 0x4d455353) >>> 0, index);

export interface Stay {
  start: number;
  kind: 'MAIN' | 'WAITING_REGISTER' | 'ABROAD' | 'RADIATED' | 'DECEASED';
  nis: string | null;
  country: string | null;
  /** Last day (inclusive) when the register closed the record apart from the next one's start. */
  end?: number;
}

const inMunicipality = (s: Stay): boolean => s.kind === 'MAIN' || s.kind === 'WAITING_REGISTER';

/**
 * A death as the register holds it. In: the stays with a DECEASED stay on `deathDay`. Out:
 * person.death_date (null: left empty); the stays may lose the DECEASED record, or gain an
 * ex-officio removal dated after the death.
 */
export function messyDeath(mess: Rng, stays: Stay[], deathDay: number, referenceDay: number): number | null {
  let deathDate: number | null = deathDay;
  const at = stays.findIndex((s) => s.kind === 'DECEASED');
  if (at >= 0 && mess.chance(MESSINESS.deathWithoutRecord)) stays.splice(at, 1);
  else if (at >= 0 && mess.chance(MESSINESS.deathRecordOnly)) deathDate = null;
  else if (at >= 0 && mess.chance(MESSINESS.deathRegisteredLate)) {
    const before = at > 0 ? stays[at - 1].start + 1 : deathDay;
    deathDate = Math.max(before, deathDay - mess.int(1, 40));
  }
  if (mess.chance(MESSINESS.recordAfterDeath)) {
    const removal = deathDay + mess.int(30, 300);
    if (removal <= referenceDay) stays.push({ start: removal, kind: 'RADIATED', nis: null, country: null });
  }
  return deathDate;
}

/**
 * End dates of the stays as the register records them: normally the day before the next
 * stay; sometimes earlier (a gap) or later (an overlap) between two municipality stays;
 * rarely a last municipality stay that ends. Explicit ends (stay.end) are kept.
 */
export function registerEnds(mess: Rng, stays: Stay[], referenceDay: number): (number | null)[] {
  return stays.map((s, i) => {
    const next = stays[i + 1];
    if (s.end !== undefined) return s.end;
    if (!next) {
      if (inMunicipality(s) && referenceDay - s.start > 60 && mess.chance(MESSINESS.trailEnds)) return s.start + mess.int(30, referenceDay - s.start - 1);
      return null;
    }
    const end = next.start - 1;
    if (!inMunicipality(s) || !inMunicipality(next)) return end;
    const u = mess.next();
    if (u < MESSINESS.gap) return Math.max(s.start, end - mess.int(1, 90));
    if (u < MESSINESS.gap + MESSINESS.overlap) return Math.min(referenceDay, end + mess.int(1, 30));
    return end;
  });
}
