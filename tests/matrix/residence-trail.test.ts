import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { LOC_OFFSET, locationOfPerson, type ColumnarIndex } from '../../electron/engine/cohort/columnar-index';
import { NO_DAY, isoToDay } from '../../electron/engine/cohort/day-number';
import type { RuleMutation } from '../../electron/engine/matrix/rule-mutations';
import { vintageLookup } from '../../electron/engine/cohort/location-lookup';
import { sessionIndex } from '../../electron/engine/cohort/session-index';
import { vintageMoves } from '../../electron/engine/matrix/moves';
import { residenceTrail, trailLocation } from '../../electron/engine/matrix/trail';
import { makeSyntheticSession } from '../support/matrix-fixture';
import { mulberry32 } from '../support/seeded-random';

/**
 * State and move matrices read one residence trail: the residence on any day (what a state
 * matrix counts) is the residence on an earlier day with the moves in between applied (what
 * move matrices count). On the generator's messy register, for every person.
 */
let session: OpenSession;
let ix: ColumnarIndex;
beforeAll(() => {
  session = makeSyntheticSession({ seed: 7, persons: 3000, referenceDate: '2025-06-30' });
  ix = sessionIndex(session);
});
afterAll(() => session.close());

const rnd = mulberry32(99);
const days = Array.from({ length: 12 }, () => isoToDay('2014-01-01') + Math.floor(rnd() * 4200));

describe('one residence trail for state and move matrices', () => {
  it('the trail gives the residence on a day that state matrices count, for every person and day', () => {
    const trail = residenceTrail(ix);
    let differ = 0;
    for (let p = 0; p < ix.persons; p++) for (const d of days) if (trailLocation(trail, p, d) !== locationOfPerson(ix, p, d)) differ++;
    expect(differ).toBe(0);
  });

  /** Breaks of "residence on b = residence on a + the moves in (a, b]" over all persons and day pairs. */
  function stockFlowBreaks(vintage: '2014' | '2019' | '2025', mutation?: RuleMutation): { broken: number; movesChecked: number } {
    const { muniOfLoc } = vintageLookup(ix, vintage);
    const mv = vintageMoves(ix, vintage, mutation);
    const muniOn = (p: number, d: number) => muniOfLoc[locationOfPerson(ix, p, d) + LOC_OFFSET];
    let broken = 0;
    let movesChecked = 0;
    for (let p = 0; p < ix.persons; p++) {
      for (let i = 0; i + 1 < days.length; i++) {
        const [a, b] = days[i] < days[i + 1] ? [days[i], days[i + 1]] : [days[i + 1], days[i]];
        let here = muniOn(p, a);
        for (let k = mv.moveOffset[p]; k < mv.moveOffset[p + 1]; k++) {
          if (mv.moveDay[k] <= a || mv.moveDay[k] > b) continue;
          // Every move leaves from where the person is, and lands where the next one leaves.
          if (mv.moveFrom[k] !== here) broken++;
          here = mv.moveTo[k];
          movesChecked++;
        }
        if (here !== muniOn(p, b)) broken++;
      }
    }
    return { broken, movesChecked };
  }

  it.each(['2014', '2019', '2025'] as const)('residence on a later day = residence on an earlier day + the moves between (vintage %s)', (vintage) => {
    const { broken, movesChecked } = stockFlowBreaks(vintage);
    expect(movesChecked).toBeGreaterThan(1000);
    expect(broken).toBe(0);
  });

  it.each(['gap-bridged', 'trail-end-invisible', 'first-record-no-move'] as const)('the old readings break it (%s)', (mutation) => {
    expect(stockFlowBreaks('2019', mutation).broken).toBeGreaterThan(0);
  });

  it('a death ends the trail: no move after it, whatever the records say', () => {
    const mv = vintageMoves(ix, '2019');
    let afterDeath = 0;
    let deaths = 0;
    for (let p = 0; p < ix.persons; p++) {
      const death = ix.deathDay[p];
      if (death === NO_DAY) continue;
      deaths++;
      for (let k = mv.moveOffset[p]; k < mv.moveOffset[p + 1]; k++) if (mv.moveDay[k] > death) afterDeath++;
    }
    expect(deaths).toBeGreaterThan(0);
    expect(afterDeath).toBe(0);
  });
});
