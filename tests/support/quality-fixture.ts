import type { ExtractRows, Row } from './make-extract';
import { mulberry32 } from './seeded-random';

/**
 * A crafted extract with every anomaly of the data-quality report, each from an explicit
 * pattern of records repeated a few times (some at least the threshold 10, most below it).
 * Birth years, sexes and nationalities come from a seed; the anomalies never do.
 * Reference date 2025-06-30; the usual decision is 2016-03-01.
 */
export const QUALITY_REFERENCE_DATE = '2025-06-30';

type Res = [start: string, end: string | null, kind: string, nis: string | null];
interface Pattern {
  /** What the pattern is for (documentation only). */
  why: string;
  times: number;
  death?: string;
  decisions?: [date: string, status: string][];
  res: Res[];
}

const DECIDED: [string, string][] = [['2016-03-01', 'REFUGEE']];

export const QUALITY_PATTERNS: Pattern[] = [
  { why: 'clean trail', times: 15, decisions: DECIDED, res: [['2015-06-01', '2016-04-30', 'MAIN', '21004'], ['2016-05-01', null, 'MAIN', '11002']] },
  { why: 'gap of a month', times: 12, decisions: DECIDED, res: [['2015-06-01', '2016-04-30', 'MAIN', '21004'], ['2016-06-01', null, 'MAIN', '11002']] },
  { why: 'trail ends before the reference date', times: 3, decisions: DECIDED, res: [['2015-06-01', '2020-12-31', 'MAIN', '21004']] },
  { why: 'overlap', times: 2, decisions: DECIDED, res: [['2015-06-01', '2016-06-30', 'MAIN', '21004'], ['2016-05-01', null, 'MAIN', '11002']] },
  { why: 'next day exactly: neither gap nor overlap', times: 2, decisions: DECIDED, res: [['2015-06-01', '2016-02-28', 'MAIN', '21004'], ['2016-02-29', null, 'WAITING_REGISTER', '21004']] },
  {
    why: 'DECEASED record, then a record after death',
    times: 2,
    death: '2018-01-10',
    decisions: DECIDED,
    res: [['2015-06-01', '2018-01-09', 'MAIN', '21004'], ['2018-01-10', '2018-02-28', 'DECEASED', null], ['2018-03-01', null, 'MAIN', '11002']],
  },
  { why: 'death without DECEASED record', times: 4, death: '2019-05-05', decisions: DECIDED, res: [['2015-06-01', null, 'MAIN', '21004']] },
  { why: 'death without record, moved after it', times: 1, death: '2017-01-01', decisions: DECIDED, res: [['2015-06-01', '2017-06-30', 'MAIN', '21004'], ['2017-07-01', null, 'MAIN', '11002']] },
  {
    why: 'DECEASED record without death date, two records after it',
    times: 1,
    decisions: DECIDED,
    res: [['2015-06-01', '2017-12-31', 'MAIN', '21004'], ['2018-01-01', '2018-01-31', 'DECEASED', null], ['2018-02-01', '2019-01-31', 'ABROAD', null], ['2019-02-01', null, 'MAIN', '11002']],
  },
  { why: 'move on the decision day', times: 5, decisions: DECIDED, res: [['2015-06-01', '2016-02-29', 'MAIN', '21004'], ['2016-03-01', null, 'MAIN', '11002']] },
  { why: 'new address in the same municipality on the decision day: no move', times: 2, decisions: DECIDED, res: [['2015-06-01', '2016-02-29', 'MAIN', '11002'], ['2016-03-01', null, 'MAIN', '11002']] },
  {
    why: 'move on the day of a rejection before the grant: not the decision day',
    times: 2,
    decisions: [['2015-01-01', 'REJECTED'], ['2016-03-01', 'SUBSIDIARY']],
    res: [['2014-06-01', '2014-12-31', 'MAIN', '21004'], ['2015-01-01', null, 'MAIN', '11002']],
  },
  { why: 'never granted: first decision is the decision day', times: 1, decisions: [['2016-03-01', 'REJECTED']], res: [['2015-06-01', '2016-02-29', 'MAIN', '21004'], ['2016-03-01', null, 'ABROAD', null]] },
  { why: 'municipality record without NIS code', times: 1, decisions: DECIDED, res: [['2015-06-01', null, 'MAIN', null]] },
  { why: 'recode 58001 recorded before 2019: not valid on its date, maps back to 55022', times: 3, decisions: DECIDED, res: [['2015-06-01', '2016-12-31', 'MAIN', '21004'], ['2017-01-01', null, 'MAIN', '58001']] },
  { why: '2019 merger recorded in 2019: no municipality in 2014', times: 2, decisions: DECIDED, res: [['2015-06-01', '2019-05-31', 'MAIN', '21004'], ['2019-06-01', null, 'MAIN', '12041']] },
  { why: '2025 merger recorded in 2025: none in 2014 or 2019', times: 2, decisions: DECIDED, res: [['2015-06-01', '2025-01-31', 'MAIN', '21004'], ['2025-02-01', null, 'MAIN', '71072']] },
  { why: '2025 code recorded in 2020', times: 1, decisions: DECIDED, res: [['2015-06-01', '2020-01-31', 'MAIN', '21004'], ['2020-02-01', null, 'MAIN', '71072']] },
  { why: 'unknown code', times: 1, decisions: DECIDED, res: [['2015-06-01', '2016-12-31', 'MAIN', '21004'], ['2017-01-01', null, 'MAIN', '99999']] },
  { why: 'Borsbeek code before 2025 and Antwerpen after: valid', times: 1, decisions: DECIDED, res: [['2015-06-01', '2025-01-31', 'MAIN', '11007'], ['2025-02-01', null, 'MAIN', '11002']] },
  { why: 'no decision', times: 11, res: [['2015-06-01', null, 'MAIN', '11002']] },
  { why: 'first record after the decision', times: 3, decisions: DECIDED, res: [['2016-09-01', null, 'MAIN', '11002']] },
  { why: 'gap over the decision day', times: 1, decisions: DECIDED, res: [['2015-06-01', '2016-01-31', 'MAIN', '21004'], ['2016-04-01', null, 'MAIN', '11002']] },
  { why: 'UNKNOWN record at the decision', times: 1, decisions: DECIDED, res: [['2015-06-01', '2016-12-31', 'UNKNOWN', null], ['2017-01-01', null, 'MAIN', '11002']] },
];

export function qualityFixtureRows(seed = 13): ExtractRows {
  const rnd = mulberry32(seed);
  const person: Row[] = [];
  const protection_decision: Row[] = [];
  const residence: Row[] = [];
  let n = 0;
  for (const p of QUALITY_PATTERNS) {
    for (let k = 0; k < p.times; k++) {
      const id = `Q${String(++n).padStart(5, '0')}`;
      person.push({ person_id: id, birth_year: 1960 + Math.floor(rnd() * 50), birth_month: 1 + Math.floor(rnd() * 12), sex: rnd() < 0.62 ? 'M' : 'F', nationality: rnd() < 0.5 ? 'SYR' : 'AFG', death_date: p.death ?? null });
      for (const [date, status] of p.decisions ?? []) protection_decision.push({ person_id: id, decision_date: date, status, application_id: null });
      for (const [start, end, kind, nis] of p.res) residence.push({ person_id: id, start_date: start, end_date: end, kind, nis_code: nis, country_code: kind === 'ABROAD' ? 'DE' : null });
    }
  }
  return { person, protection_decision, residence };
}
