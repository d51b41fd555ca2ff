import type { OpenSession } from '../core/open-session';
import type { QualityCheck, QualityItem } from '../../../shared/quality/quality-report';
import { QUALITY_CHECKS } from '../../../shared/quality/quality-report';
import { VINTAGES, getGeography } from '../geo/geography';
import { isValidInVintage, isValidOn } from '../geo/nis-validity';

/**
 * Counts the anomalies of the data-quality report in one pass over the extract's persons,
 * decisions and residence records (read-only; counts only leave this function). The rules
 * of what counts are in docs/matrix-definitions.md § Data-quality report.
 */
interface Res {
  start: string;
  end: string | null;
  kind: string;
  nis: string | null;
}

const GRANTING = new Set(['REFUGEE', 'SUBSIDIARY']);
const IN_MUNICIPALITY = new Set(['MAIN', 'WAITING_REGISTER']);
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Where a record places the person: the recorded code for a municipality record, else its kind. */
const locationOf = (r: Res) => (IN_MUNICIPALITY.has(r.kind) ? `M:${r.nis ?? ''}` : r.kind);

class Tally {
  readonly persons = new Map<QualityCheck, number>();
  readonly records = new Map<QualityCheck, number>();
  private seen = new Set<QualityCheck>();
  /** Starts a new person: each check counts a person once. */
  nextPerson() {
    this.seen.clear();
  }
  add(check: QualityCheck, records = 1) {
    this.records.set(check, (this.records.get(check) ?? 0) + records);
    if (!this.seen.has(check)) {
      this.seen.add(check);
      this.persons.set(check, (this.persons.get(check) ?? 0) + 1);
    }
  }
}

/** Record-level checks report records; the others persons only. */
const PERSON_LEVEL = new Set<QualityCheck>(['deathWithoutRecord', 'moveOnDecisionDay', 'noDecision', 'noResidenceAtDecision']);

/** The decision date as the cohorts define it: the first granting decision, else the first decision of any kind. */
function decisionDates(session: OpenSession): Map<string, string> {
  const granted = new Map<string, string>();
  const any = new Map<string, string>();
  for (const d of session.db.prepare('SELECT person_id AS p, decision_date AS d, status AS s FROM protection_decision').iterate() as Iterable<{ p: string; d: string; s: string }>) {
    const a = any.get(d.p);
    if (a === undefined || d.d < a) any.set(d.p, d.d);
    if (GRANTING.has(d.s)) {
      const g = granted.get(d.p);
      if (g === undefined || d.d < g) granted.set(d.p, d.d);
    }
  }
  for (const [p, d] of granted) any.set(p, d);
  return any;
}

export function qualityCounts(session: OpenSession): { items: QualityItem[]; persons: number; residenceRecords: number } {
  const geo = getGeography();
  const referenceDate = session.summary.referenceDate;
  const supplierVintage = session.summary.nisVintage;
  const decisions = decisionDates(session);
  const tally = new Tally();
  const residences = session.db
    .prepare('SELECT person_id AS p, start_date AS start, end_date AS "end", kind, nis_code AS nis FROM residence ORDER BY person_id, start_date')
    .iterate() as IterableIterator<Res & { p: string }>;
  let pending = residences.next();
  let persons = 0;
  let residenceRecords = 0;
  const people = session.db.prepare('SELECT person_id AS p, death_date AS death FROM person ORDER BY person_id').iterate() as Iterable<{ p: string; death: string | null }>;
  for (const person of people) {
    persons++;
    tally.nextPerson();
    // Residence records of persons missing from `person` are skipped (the import refuses them).
    while (!pending.done && pending.value.p < person.p) pending = residences.next();
    const trail: Res[] = [];
    while (!pending.done && pending.value.p === person.p) {
      trail.push(pending.value);
      pending = residences.next();
    }
    residenceRecords += trail.length;
    checkPerson(person.death, decisions.get(person.p) ?? null, trail, referenceDate, supplierVintage, geo, tally);
  }
  const items = QUALITY_CHECKS.map((check) => ({
    check,
    persons: tally.persons.get(check) ?? 0,
    records: PERSON_LEVEL.has(check) ? null : (tally.records.get(check) ?? 0),
  }));
  return { items, persons, residenceRecords };
}

function checkPerson(
  death: string | null,
  decision: string | null,
  trail: Res[],
  referenceDate: string,
  supplierVintage: string,
  geo: ReturnType<typeof getGeography>,
  tally: Tally,
): void {
  for (let i = 0; i + 1 < trail.length; i++) {
    const end = trail[i].end;
    if (end === null) continue;
    const next = dayOf(trail[i + 1].start);
    if (dayOf(end) + 1 < next) tally.add('gap');
    else if (dayOf(end) >= next) tally.add('overlap');
  }
  const last = trail[trail.length - 1];
  if (last && last.end !== null && last.end < referenceDate && last.kind !== 'DECEASED') tally.add('endsBeforeReference');

  // A death is the death date or the first DECEASED record, whichever comes first.
  const deceasedRecord = trail.find((r) => r.kind === 'DECEASED')?.start ?? null;
  if (death !== null && deceasedRecord === null) tally.add('deathWithoutRecord');
  const diedOn = [death, deceasedRecord].filter((d): d is string => d !== null).sort()[0];
  if (diedOn !== undefined) for (const r of trail) if (r.kind !== 'DECEASED' && r.start > diedOn) tally.add('recordAfterDeath');

  for (const r of trail) {
    if (!IN_MUNICIPALITY.has(r.kind)) continue;
    if (!r.nis) {
      tally.add('nisMissing');
      continue;
    }
    // A supplier who converted every code to one vintage: valid means in that vintage.
    const valid = supplierVintage === '2019' || supplierVintage === '2025' ? isValidInVintage(r.nis, supplierVintage) : isValidOn(r.nis, r.start);
    if (!valid) tally.add('nisInvalidOnDate');
    for (const v of VINTAGES) if (geo.toVintage(r.nis, v) === null) tally.add(`nisNoMunicipality${v}`);
  }

  if (decision === null) {
    tally.add('noDecision');
    return;
  }
  const onDay = trail.findIndex((r) => r.start === decision);
  if (onDay > 0 && locationOf(trail[onDay - 1]) !== locationOf(trail[onDay])) tally.add('moveOnDecisionDay');
  let atDecision: Res | null = null;
  for (const r of trail) if (r.start <= decision) atDecision = r;
  if (atDecision === null || (atDecision.end !== null && atDecision.end < decision) || atDecision.kind === 'UNKNOWN') tally.add('noResidenceAtDecision');
}
