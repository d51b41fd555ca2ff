import type { ExtractTable } from '../../../shared/extract/extract-schema';
import { dayToIso, monthOfDay, yearOfDay } from './day';
import { codeAsRecorded, type GeneratorGeo } from './geo-tables';
import { Rng, WeightedTable } from './prng';
import * as P from './profile';
import { MESSINESS, messRng, messyDeath, registerEnds, type Stay } from './register-messiness';

export type Cell = string | number | null;
/** Receives rows in the column order of shared/extract/extract-schema.ts. */
export interface RowSink {
  row(table: ExtractTable, values: Cell[]): void;
}

export interface ModelContext {
  seed: number;
  geo: GeneratorGeo;
  referenceDay: number;
  /** First day of each application month with its weight. */
  applicationMonths: WeightedTable<number>;
  lastApplicationDay: number;
  tables: ReturnType<typeof buildTables>;
}

export function buildTables() {
  const t = <T>(w: readonly (readonly [T, number])[]) => new WeightedTable(w);
  return {
    outcome: t(P.OUTCOME_WEIGHTS),
    natGranted: t(P.NATIONALITY_GRANTED),
    natOther: t(P.NATIONALITY_OTHER),
    decisionRegion: t(P.DECISION_REGION),
    centres: { VLG: t(P.RECEPTION_CENTRES.VLG), BRU: t(P.RECEPTION_CENTRES.BRU), WAL: t(P.RECEPTION_CENTRES.WAL) },
    destinations: { VLG: t(P.DESTINATIONS.VLG), BRU: t(P.DESTINATIONS.BRU), WAL: t(P.DESTINATIONS.WAL) },
    finalRegion: { VLG: t(P.FINAL_REGION.VLG), BRU: t(P.FINAL_REGION.BRU), WAL: t(P.FINAL_REGION.WAL) },
    abroad: t(P.ABROAD_COUNTRIES),
    cefr: t([['A1', 55], ['A2', 35], ['B1', 8], ['B2', 2]] as const),
  };
}


/** Residence history under construction: start dates strictly increase and never pass the reference date. */
class Timeline {
  readonly stays: Stay[] = [];
  constructor(private readonly refDay: number) {}
  get last(): Stay | undefined {
    return this.stays[this.stays.length - 1];
  }
  add(start: number, kind: Stay['kind'], nis: string | null, country: string | null = null): boolean {
    const prev = this.last;
    if (prev && start <= prev.start) start = prev.start + 1;
    if (start > this.refDay) return false;
    this.stays.push({ start, kind, nis, country });
    return true;
  }
}

export const personId = (index: number): string => `P${String(index + 1).padStart(8, '0')}`;

/** Generates one person and all their rows. Uses only its own random stream (seed, index). */
export function generatePerson(index: number, ctx: ModelContext, out: RowSink): void {
  const rng = new Rng(ctx.seed, index);
  const mess = messRng(ctx.seed, index);
  const T = ctx.tables;
  const ref = ctx.referenceDay;
  const pid = personId(index);
  const tail = pid.slice(1);

  // Application, outcome and decision.
  const monthStart = ctx.applicationMonths.pick(rng);
  const appDay = Math.min(monthStart + rng.int(0, 30), ctx.lastApplicationDay);
  const outcome = T.outcome.pick(rng);
  const delay =
    outcome === 'GRANTED' ? 40 + Math.min(rng.exp(170), 1100) : outcome === 'REJECTED' ? 60 + Math.min(rng.exp(230), 1200) : 20 + Math.min(rng.exp(120), 900);
  const decisionDay = appDay + Math.floor(delay);
  const decided = decisionDay <= ref;
  const granted = decided && outcome === 'GRANTED';
  // Nationality and demographics follow the outcome group (published shares are among those granted).
  const grantedGroup = outcome === 'GRANTED';
  const nationality = (grantedGroup ? T.natGranted : T.natOther).pick(rng);
  const minor = rng.chance(grantedGroup ? P.MINOR_SHARE.granted : P.MINOR_SHARE.other);
  const ageAtApplication = minor ? rng.int(0, 17) : 18 + Math.min(Math.floor(rng.exp(11)), 57);
  const birthDay = appDay - Math.floor(ageAtApplication * 365.25) - rng.int(1, 364);
  const sexDraw = rng.next();
  const male = grantedGroup ? P.MALE_SHARE.granted : P.MALE_SHARE.other;
  const sex = sexDraw < male ? 'M' : sexDraw < 0.999 ? 'F' : 'X';
  const birthMonth = rng.chance(0.04) ? null : monthOfDay(birthDay);

  const applicationId = `A${tail}-1`;
  out.row('asylum_application', [applicationId, pid, dayToIso(appDay)]);

  // Reception centre (region at decision) and, for some, an earlier centre.
  const region = T.decisionRegion.pick(rng);
  const centre = T.centres[region].pick(rng);
  const tl = new Timeline(ref);
  const waitStart = Math.min(appDay + rng.int(0, 7), ref);
  const lastWaitingDay = decided ? decisionDay - 1 : ref;
  if (rng.chance(0.15) && lastWaitingDay - waitStart > 20) {
    const earlierRegion = T.decisionRegion.pick(rng);
    tl.add(waitStart, 'WAITING_REGISTER', T.centres[earlierRegion].pick(rng));
    tl.add(waitStart + rng.int(10, lastWaitingDay - waitStart), 'WAITING_REGISTER', centre);
  } else {
    tl.add(waitStart, 'WAITING_REGISTER', centre);
  }

  let deathDay: number | null = null;
  if (granted) {
    const status = rng.chance(P.REFUGEE_SHARE) ? 'REFUGEE' : 'SUBSIDIARY';
    out.row('protection_decision', [pid, dayToIso(decisionDay), status, rng.chance(0.9) ? applicationId : null]);
    deathDay = grantedHistory(rng, ctx, tl, region, centre, decisionDay, mess);
    const decisionDays = new Set([decisionDay]);
    if (rng.chance(0.005)) {
      const ceased = decisionDay + rng.int(180, 900);
      if (ceased <= ref) out.row('protection_decision', [pid, dayToIso(ceased), 'CEASED', null]);
      decisionDays.add(ceased);
    }
    // Granted on appeal after a rejection; subsidiary protection later upgraded to refugee status.
    const rejected = appDay + mess.int(1, decisionDay - appDay - 1);
    if (mess.chance(MESSINESS.rejectionBeforeGrant)) out.row('protection_decision', [pid, dayToIso(rejected), 'REJECTED', applicationId]);
    const upgraded = decisionDay + mess.int(180, 1100);
    if (status === 'SUBSIDIARY' && mess.chance(MESSINESS.upgradeToRefugee) && upgraded <= ref && !decisionDays.has(upgraded)) {
      out.row('protection_decision', [pid, dayToIso(upgraded), 'REFUGEE', null]);
    }
    if (deathDay !== null) deathDay = messyDeath(mess, tl.stays, deathDay, ref);
  } else if (decided) {
    out.row('protection_decision', [pid, dayToIso(decisionDay), outcome, rng.chance(0.9) ? applicationId : null]);
    if (outcome === 'WITHDRAWN') {
      tl.add(decisionDay + rng.int(0, 30), 'ABROAD', null, T.abroad.pick(rng));
    } else {
      const leave = decisionDay + rng.int(30, 150);
      const u = rng.next();
      if (u < 0.4) tl.add(leave, 'RADIATED', null);
      else if (u < 0.65) tl.add(leave, 'ABROAD', null, rng.chance(0.5) && /^[A-Z]{3}$/.test(nationality) ? nationality : T.abroad.pick(rng));
      if (rng.chance(0.06)) {
        const again = decisionDay + rng.int(60, 400);
        if (again <= ref) out.row('asylum_application', [`A${tail}-2`, pid, dayToIso(again)]);
      }
    }
  }

  out.row('person', [pid, yearOfDay(birthDay), birthMonth, sex, nationality, deathDay === null ? null : dayToIso(deathDay)]);
  writeResidences(ctx, pid, tl, out, mess);
  if (granted) {
    const ageAtDecision = (decisionDay - birthDay) / 365.25;
    kbi(rng, ctx, pid, tail, tl, ageAtDecision, out);
  }
}

/** After a grant: MAIN registration in the centre municipality, moves (mostly to cities), exits. Returns the death day, if any. */
function grantedHistory(rng: Rng, ctx: ModelContext, tl: Timeline, region: P.RegionCode, centre: string, decisionDay: number, mess: Rng): number | null {
  const T = ctx.tables;
  const ref = ctx.referenceDay;
  const u = rng.next();
  const exit = u < P.EXIT_SHARE.deceased ? 'DECEASED' : u < P.EXIT_SHARE.deceased + P.EXIT_SHARE.radiated ? 'RADIATED' : u < P.EXIT_SHARE.deceased + P.EXIT_SHARE.radiated + P.EXIT_SHARE.abroad ? 'ABROAD' : null;
  const finalRegion = T.finalRegion[region].pick(rng);
  const stays = finalRegion === region && rng.chance(P.STAY_IN_CENTRE_MUNICIPALITY[region]);
  const finalMunicipality = stays ? centre : destination(rng, ctx, finalRegion);
  const moves = exit && rng.chance(0.5) ? [] : finalMunicipality === centre ? [] : [finalMunicipality];
  if (moves.length && rng.chance(0.2)) {
    const between = destination(rng, ctx, region);
    if (between !== centre && between !== finalMunicipality) moves.unshift(between);
  }
  // Messy: the first move on the decision day itself, or no residence on the decision day.
  const onDecisionDay = moves.length > 0 && mess.chance(MESSINESS.decisionDayMove);
  let last = decisionDay;
  if (!onDecisionDay && mess.chance(MESSINESS.noResidenceAtDecision) && tl.last && tl.last.start < decisionDay - 1) {
    tl.last.end = Math.max(tl.last.start, decisionDay - mess.int(1, 30));
    last = Math.min(ref, decisionDay + mess.int(1, 60));
  }
  tl.add(last, 'MAIN', onDecisionDay ? moves.shift()! : centre);
  for (let i = 0; i < moves.length; i++) {
    const room = ref - last;
    if (room < 1) break;
    // Early moves are likelier: most leave the centre within months.
    const span = i === 0 ? Math.min(room, 600) : room;
    const day = last + 1 + Math.floor((span - 1) * Math.pow(rng.next(), i === 0 ? 1.7 : 1));
    if (!tl.add(day, 'MAIN', moves[i])) break;
    last = day;
  }
  // A change of address inside the same municipality: same NIS code, not a move.
  if (rng.chance(0.2) && ref - last > 2) {
    const current = tl.last!;
    const day = last + 1 + Math.floor((ref - last - 1) * rng.next());
    if (tl.add(day, 'MAIN', current.nis)) last = day;
  }
  // Messy: removed ex officio, then registered again (same municipality or the next one).
  if (ref - last > 700 && mess.chance(MESSINESS.removedThenBack)) {
    const removed = last + mess.int(60, ref - last - 600);
    const current = tl.last!;
    if (tl.add(removed, 'RADIATED', null) && tl.add(removed + mess.int(60, 540), 'MAIN', mess.chance(0.5) ? current.nis : destination(mess, ctx, region))) last = tl.last!.start;
  }
  if (exit && ref - last >= 1) {
    const day = last + 1 + Math.floor((ref - last - 1) * rng.next());
    if (tl.add(day, exit, null, exit === 'ABROAD' ? T.abroad.pick(rng) : null) && exit === 'DECEASED') return day;
  }
  return null;
}

function destination(rng: Rng, ctx: ModelContext, region: P.RegionCode): string {
  const code = ctx.tables.destinations[region].pick(rng);
  if (code !== 'OTHER') return code;
  const all = ctx.geo.municipalitiesOf[region];
  return all[rng.int(0, all.length - 1)];
}

function writeResidences(ctx: ModelContext, pid: string, tl: Timeline, out: RowSink, mess: Rng): void {
  const stays = tl.stays;
  // end_date is the last day of the stay (inclusive): the day before the next one starts, with register messiness.
  const ends = registerEnds(mess, stays, ctx.referenceDay);
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i];
    const nis = s.nis === null ? null : codeAsRecorded(ctx.geo, s.nis, s.start);
    const end = ends[i];
    out.row('residence', [pid, dayToIso(s.start), end === null ? null : dayToIso(end), s.kind, nis, s.country]);
  }
}

/** KBI records for those who lived in Flanders or Brussels after the decision. */
function kbi(rng: Rng, ctx: ModelContext, pid: string, tail: string, tl: Timeline, ageAtDecision: number, out: RowSink): void {
  const ref = ctx.referenceDay;
  let firstVlg: number | null = null;
  let firstBru: number | null = null;
  for (const s of tl.stays) {
    if (s.kind !== 'MAIN' || s.nis === null) continue;
    const region = ctx.geo.regionOf.get(s.nis);
    if (region === 'VLG' && firstVlg === null) firstVlg = s.start;
    if (region === 'BRU' && firstBru === null) firstBru = s.start;
  }
  const first = firstVlg ?? firstBru;
  if (first === null || ageAtDecision < 12) return;
  let status: 'OBLIGED' | 'ENTITLED' | 'EXEMPT' | 'NONE';
  if (ageAtDecision < 18) status = 'NONE';
  else if (firstVlg !== null) status = ageAtDecision >= 65 || rng.chance(0.08) ? 'EXEMPT' : 'OBLIGED';
  else status = 'ENTITLED';
  const obligation = status === 'OBLIGED' ? Math.min(first + rng.int(0, 30), ref) : null;
  out.row('kbi_person', [pid, status, obligation === null ? null : dayToIso(obligation)]);

  const pTrajectory = { OBLIGED: 0.85, ENTITLED: 0.45, EXEMPT: 0.1, NONE: 0 }[status];
  const start = (obligation ?? first) + 14 + Math.floor(rng.exp(60));
  let components = 0;
  if (rng.chance(pTrajectory) && start <= ref) {
    const trajectoryId = `T${tail}-1`;
    const elapsed = ref - start;
    let trStatus: 'RUNNING' | 'COMPLETED' | 'STOPPED' = 'RUNNING';
    let end: number | null = null;
    let attest: number | null = null;
    if (elapsed > 30 && rng.chance(0.12)) {
      trStatus = 'STOPPED';
      end = start + rng.int(30, Math.min(elapsed, 400));
    } else if (elapsed > 240) {
      const a = start + 180 + Math.floor(rng.exp(120));
      if (a <= ref) {
        trStatus = 'COMPLETED';
        attest = end = a;
      }
    }
    const contractRaw = start + rng.int(0, 45);
    const contract = contractRaw <= Math.min(ref, end ?? ref) ? contractRaw : null;
    out.row('kbi_trajectory', [trajectoryId, pid, dayToIso(start), iso(contract), iso(attest), iso(end), trStatus]);
    const parts: [string, number, number, number][] = [['MO', 1, 60, 120], ['NT2', 0.9, 90, 300], ['LO', 0.35, 30, 90], ['TB', 0.5, 60, 365]];
    for (const [type, p, minDays, maxDays] of parts) {
      if (!rng.chance(p)) continue;
      const cStart = start + rng.int(0, 60);
      const level = type === 'NT2' ? ctx.tables.cefr.pick(rng) : null;
      if (cStart > ref || (end !== null && cStart > end)) continue;
      let cEnd: number | null = cStart + rng.int(minDays, maxDays);
      let cStatus = 'COMPLETED';
      if (trStatus === 'STOPPED' && end !== null && cEnd > end) {
        cStatus = 'STOPPED';
        cEnd = end;
      } else if (cEnd > ref) {
        cStatus = 'RUNNING';
        cEnd = null;
      }
      out.row('kbi_component', [`C${tail}-${++components}`, trajectoryId, pid, type, dayToIso(cStart), iso(cEnd), cStatus, cStatus === 'COMPLETED' ? level : null]);
    }
  } else if (status !== 'OBLIGED' && rng.chance(0.2)) {
    // Dutch lessons without a trajectory.
    const cStart = first + 30 + Math.floor(rng.exp(90));
    if (cStart <= ref) {
      const cEnd = cStart + rng.int(90, 300);
      const done = cEnd <= ref;
      out.row('kbi_component', [`C${tail}-1`, null, pid, 'NT2', dayToIso(cStart), done ? dayToIso(cEnd) : null, done ? 'COMPLETED' : 'RUNNING', done ? ctx.tables.cefr.pick(rng) : null]);
    }
  }
}

const iso = (day: number | null): string | null => (day === null ? null : dayToIso(day));
