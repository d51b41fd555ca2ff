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

/**
 * The fiche of one area, as the published notes give per municipality: cohort members
 * living there on the reference date and where they lived at the decision; those decided
 * there and where they live now; the net gain; and the composition of those living there.
 * Built on the state matrix rules (decision × reference date).
 */
export function computeFiche(session: OpenSession, cohort: CohortDefinition, level: AreaLevel, vintage: Vintage, areaCode: string): Fiche {
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
  forEachBit(members, (p) => {
    const o = areaOfLoc[ix.locAtDecision[p] + LOC_OFFSET];
    const d = areaOfLoc[ix.locAtReference[p] + LOC_OFFSET];
    if (d === a) {
      livingThere++;
      origins.set(o, (origins.get(o) ?? 0) + 1);
      bump(tally.nationality, ix.nationalities[ix.nationality[p]]);
      const band = ageBandOf(ix.ageAtDecision[p]);
      bump(tally.ageBand, band < 0 ? 'UNKNOWN' : AGE_BANDS[band]);
      bump(tally.sex, SEXES[ix.sex[p]]);
      bump(tally.status, STATUS_CODES[ix.status[p]]);
      bump(tally.kbiTargetStatus, KBI_CODES[ix.kbiTarget[p]]);
    }
    if (o === a) {
      decidedThere++;
      destinations.set(d, (destinations.get(d) ?? 0) + 1);
    }
  });
  const byArea = (m: Map<number, number>) =>
    [...m.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([i, persons]) => ({ area: areas[i], persons }));
  const bandRank = (k: string) => { const i = (AGE_BANDS as readonly string[]).indexOf(k); return i < 0 ? AGE_BANDS.length : i; };
  const comp = (m: Map<string, number>) => [...m.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([key, persons]) => ({ key, persons }));
  return {
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
      // Age classes read in their natural order (0-17 … 65+, unknown last), not by size.
      ageBand: comp(tally.ageBand).sort((x, y) => bandRank(x.key) - bandRank(y.key)),
      sex: comp(tally.sex),
      status: comp(tally.status),
      kbiTargetStatus: comp(tally.kbiTargetStatus),
    },
  };
}
