import { AGE_BANDS, type CohortDefinition } from '../../../shared/cohort/cohort-definition';
import type { Fiche } from '../../../shared/api/methods/matrix';
import { SEXES } from '../../../shared/extract/extract-schema';
import type { AreaLevel, Vintage } from '../../../shared/geo/area-level';
import { AppError } from '../core/app-error';
import type { OpenSession } from '../core/open-session';
import { forEachBit } from '../cohort/bitset';
import { KBI_CODES, LOC_OFFSET, STATUS_CODES } from '../cohort/columnar-index';
import { evaluateCohort } from '../cohort/evaluate-cohort';
import { ageBandOf } from '../cohort/filter-bitsets';
import { areaOfLocLookup } from '../cohort/location-lookup';
import { sessionIndex } from '../cohort/session-index';
import { getGeography } from '../geo/geography';
import { personCellsFromCellOf, type PersonCells } from '../ledger/person-cells';

/**
 * The fiche of one area, as the published notes give per municipality: cohort members
 * living there on the reference date and where they lived at the decision; those decided
 * there and where they live now; the net gain; and the composition of those living there.
 * Built on the state matrix rules (decision × reference date).
 */
export function computeFiche(session: OpenSession, cohort: CohortDefinition, level: AreaLevel, vintage: Vintage, areaCode: string): Fiche {
  return computeFicheForRelease(session, cohort, level, vintage, areaCode, { allCategories: false, naturalOrder: false }).fiche;
}

/** The fiche's lists in the order of `Fiche`: origins, destinations, then each composition. */
export const FICHE_COMPOSITIONS = ['nationality', 'ageBand', 'sex', 'status', 'kbiTargetStatus'] as const;

export interface FicheRelease {
  fiche: Fiche;
  /** Per list (origins, destinations, compositions in FICHE_COMPOSITIONS order): who counts in which entry. */
  personCells: PersonCells[];
}

/**
 * The fiche as it is released. With `allCategories` (zeros unsafe) every area of the level
 * and every known category is listed, zeros included, so that the list's zero/non-zero
 * pattern goes through disclosure control like any other cell instead of showing by omission.
 * With `naturalOrder` (every release) lists follow area and category order, not counts: an
 * order by count would place a suppressed value between its published neighbours.
 */
export function computeFicheForRelease(
  session: OpenSession,
  cohort: CohortDefinition,
  level: AreaLevel,
  vintage: Vintage,
  areaCode: string,
  options: { allCategories: boolean; naturalOrder: boolean },
): FicheRelease {
  const areas = getGeography().vintages[vintage].areas[level];
  const a = areas.findIndex((x) => x.code === areaCode);
  if (a < 0) throw new AppError('INVALID_REQUEST', { issue: 'areaCode: not an area of this level and vintage' });
  const ix = sessionIndex(session);
  ix.loadExtras(); // composition by KBI target status
  const members = evaluateCohort(ix, cohort);
  const areaOfLoc = areaOfLocLookup(ix, vintage, level);
  const origins = new Map<number, number>();
  const destinations = new Map<number, number>();
  const tally = { nationality: new Map<string, number>(), ageBand: new Map<string, number>(), sex: new Map<string, number>(), status: new Map<string, number>(), kbiTargetStatus: new Map<string, number>() };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let livingThere = 0;
  let decidedThere = 0;
  // Who counts where, for the release ledger: area index or category key per person.
  const originOf = new Int32Array(ix.persons).fill(-1);
  const destinationOf = new Int32Array(ix.persons).fill(-1);
  const categoryOf: Record<(typeof FICHE_COMPOSITIONS)[number], (string | undefined)[]> = { nationality: [], ageBand: [], sex: [], status: [], kbiTargetStatus: [] };
  forEachBit(members, (p) => {
    const o = areaOfLoc[ix.locAtDecision[p] + LOC_OFFSET];
    const d = areaOfLoc[ix.locAtReference[p] + LOC_OFFSET];
    if (d === a) {
      livingThere++;
      origins.set(o, (origins.get(o) ?? 0) + 1);
      originOf[p] = o;
      const band = ageBandOf(ix.ageAtDecision[p]);
      const keys = {
        nationality: ix.nationalities[ix.nationality[p]],
        ageBand: band < 0 ? 'UNKNOWN' : AGE_BANDS[band],
        sex: SEXES[ix.sex[p]],
        status: STATUS_CODES[ix.status[p]],
        kbiTargetStatus: KBI_CODES[ix.kbiTarget[p]],
      };
      for (const k of FICHE_COMPOSITIONS) {
        bump(tally[k], keys[k]);
        categoryOf[k][p] = keys[k];
      }
    }
    if (o === a) {
      decidedThere++;
      destinations.set(d, (destinations.get(d) ?? 0) + 1);
      destinationOf[p] = d;
    }
  });
  if (options.allCategories) {
    for (let i = 0; i < areas.length; i++) {
      if (!origins.has(i)) origins.set(i, 0);
      if (!destinations.has(i)) destinations.set(i, 0);
    }
    const known: Record<(typeof FICHE_COMPOSITIONS)[number], readonly string[]> = {
      nationality: ix.nationalities,
      ageBand: [...AGE_BANDS, 'UNKNOWN'],
      sex: SEXES,
      status: STATUS_CODES,
      kbiTargetStatus: KBI_CODES,
    };
    for (const k of FICHE_COMPOSITIONS) for (const c of known[k]) if (!tally[k].has(c)) tally[k].set(c, 0);
  }
  const natural = options.naturalOrder;
  const byArea = (m: Map<number, number>) =>
    [...m.entries()].sort((x, y) => (natural ? x[0] - y[0] : y[1] - x[1] || x[0] - y[0])).map(([i, persons]) => ({ area: areas[i], persons }));
  const order = (k: string) => {
    const i = (AGE_BANDS as readonly string[]).indexOf(k);
    return i < 0 ? AGE_BANDS.length : i;
  };
  const comp = (m: Map<string, number>) =>
    [...m.entries()].sort((x, y) => (natural ? order(x[0]) - order(y[0]) || x[0].localeCompare(y[0]) : y[1] - x[1] || x[0].localeCompare(y[0]))).map(([key, persons]) => ({ key, persons }));
  const fiche: Fiche = {
    area: areas[a],
    level,
    vintage,
    livingThere,
    originsOfResidents: byArea(origins),
    decidedThere,
    destinationsOfDecided: byArea(destinations),
    netGain: livingThere - decidedThere,
    composition: {
      nationality: comp(tally.nationality),
      ageBand: comp(tally.ageBand),
      sex: comp(tally.sex),
      status: comp(tally.status),
      kbiTargetStatus: comp(tally.kbiTargetStatus),
    },
  };
  const areaCells = (list: { area: { code: string } }[], of: Int32Array) => {
    const column = new Map<string, number>(list.map((x, i) => [x.area.code, i]));
    const cellOf = new Int32Array(of.length).fill(-1);
    for (let p = 0; p < of.length; p++) if (of[p] >= 0) cellOf[p] = column.get(areas[of[p]].code) ?? -1;
    return personCellsFromCellOf(cellOf);
  };
  const categoryCells = (list: { key: string }[], of: (string | undefined)[]) => {
    const column = new Map<string, number>(list.map((x, i) => [x.key, i]));
    const cellOf = new Int32Array(ix.persons).fill(-1);
    of.forEach((key, p) => {
      if (key !== undefined) cellOf[p] = column.get(key) ?? -1;
    });
    return personCellsFromCellOf(cellOf);
  };
  return {
    fiche,
    personCells: [
      areaCells(fiche.originsOfResidents, originOf),
      areaCells(fiche.destinationsOfDecided, destinationOf),
      ...FICHE_COMPOSITIONS.map((k) => categoryCells(fiche.composition[k], categoryOf[k])),
    ],
  };
}
