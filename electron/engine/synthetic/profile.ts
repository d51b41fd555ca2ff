/**
 * The calibration of the synthetic extract: shares taken from the published Flemish notes on
 * moves of recognised refugees and subsidiary-protection holders (extraction of 27/1/2018) and
 * the federal asylum statistics. See /docs/extract-format.md and the generator tests, which
 * check that the generated figures land near these targets.
 */
export type RegionCode = 'VLG' | 'BRU' | 'WAL';
type Weights<T> = readonly (readonly [T, number])[];

/** Share of all applicants that get each outcome (pending = decision after the reference date). */
export const OUTCOME_WEIGHTS: Weights<'GRANTED' | 'REJECTED' | 'WITHDRAWN'> = [
  ['GRANTED', 0.58],
  ['REJECTED', 0.34],
  ['WITHDRAWN', 0.08],
];
/** Among those granted: ~78% refugee status, ~22% subsidiary protection. */
export const REFUGEE_SHARE = 0.78;

/** Nationality at application (ISO 3166-1 alpha-3) among those granted protection: Syria ~40%. */
export const NATIONALITY_GRANTED: Weights<string> = [
  ['SYR', 40], ['AFG', 13], ['IRQ', 12], ['SOM', 7], ['ERI', 6], ['PSE', 3], ['STATELESS', 2.5], ['IRN', 2],
  ['GIN', 1.5], ['RUS', 1.5], ['COD', 1.5], ['TUR', 1.5], ['YEM', 1], ['SDN', 1], ['ETH', 1], ['CMR', 1],
  ['BDI', 1], ['NGA', 1], ['LBY', 0.5], ['PAK', 0.5], ['UKR', 0.5], ['UNKNOWN', 0.5],
];
/** Among applicants without protection. */
export const NATIONALITY_OTHER: Weights<string> = [
  ['AFG', 18], ['IRQ', 14], ['ALB', 7], ['GIN', 7], ['SYR', 6], ['RUS', 5], ['COD', 5], ['PSE', 4], ['SOM', 4],
  ['MAR', 4], ['DZA', 3], ['CMR', 3], ['NGA', 3], ['PAK', 3], ['GEO', 3], ['ERI', 2], ['UKR', 2], ['SEN', 2],
  ['TUR', 2], ['IRN', 2], ['STATELESS', 2], ['UNKNOWN', 1],
];
export const MALE_SHARE = { granted: 0.62, other: 0.7 } as const;
export const MINOR_SHARE = { granted: 0.2, other: 0.15 } as const;

/** Applications per month, 2014-01 … 2018-01 (the 2015 peak; grants per year then resemble 2015 10,783 / 2016 15,478 / 2017 13,833). */
export function applicationMonthWeight(year: number, month: number): number {
  if (year === 2014) return 1.0;
  if (year === 2015) return [1.1, 1.1, 1.2, 1.2, 1.3, 1.5, 2.4, 3.4, 5.4, 5.4, 4.4, 3.0][month - 1];
  if (year === 2016) return month <= 3 ? 2.2 : 1.7;
  if (year === 2017) return 1.9;
  return 1.7;
}

/** Region of the reception centre at the decision: ~40% Wallonia. */
export const DECISION_REGION: Weights<RegionCode> = [
  ['VLG', 0.44],
  ['WAL', 0.4],
  ['BRU', 0.16],
];

/** Reception-centre municipalities (2014 NIS codes) with relative capacity. Includes codes recoded in 2019. */
export const RECEPTION_CENTRES: Record<RegionCode, Weights<string>> = {
  VLG: [
    ['11002', 6], ['44021', 4], ['12025', 3], ['24062', 2], ['35013', 2], ['33021', 3], ['72029', 3], ['44029', 2],
    ['13053', 2], ['13025', 3], ['72020', 3], ['71053', 3], ['23003', 2], ['31005', 2], ['34022', 2], ['71022', 2], ['46021', 2],
  ],
  WAL: [
    ['62063', 5], ['52011', 5], ['92094', 4], ['53053', 3], ['55022', 3], ['56011', 2], ['54007', 2], ['57081', 2],
    ['25091', 2], ['25048', 2], ['63072', 2], ['82037', 2], ['84029', 2], ['91143', 2], ['81001', 3], ['93014', 2],
    ['83028', 2], ['83055', 2], ['85045', 2], ['62118', 3], ['93022', 2],
  ],
  BRU: [['21004', 5], ['21015', 3], ['21019', 2], ['21006', 2], ['21001', 2], ['21012', 2], ['21009', 1]],
};

/** Where movers settle within a region: mostly the cities. 'OTHER' = any other municipality of the region. */
export const DESTINATIONS: Record<RegionCode, Weights<string>> = {
  VLG: [
    ['11002', 26], ['44021', 6.5], ['24062', 6.5], ['35013', 5], ['12025', 3.5], ['31005', 2.5], ['34022', 2.5],
    ['46021', 2.5], ['71022', 2], ['71016', 2.5], ['41002', 2.5], ['13040', 1.5], ['36015', 1.5], ['OTHER', 34],
  ],
  BRU: [
    ['21004', 14], ['21015', 16], ['21012', 14], ['21001', 14], ['21009', 6], ['21013', 6], ['21014', 5], ['21007', 5],
    ['21010', 4], ['21006', 4], ['21005', 4], ['21011', 3], ['21008', 2], ['21003', 2], ['OTHER', 3],
  ],
  WAL: [
    ['62063', 22], ['52011', 18], ['92094', 8], ['53053', 6], ['63079', 5], ['55022', 4], ['62096', 4], ['57081', 3],
    ['54007', 2], ['OTHER', 28],
  ],
};

/**
 * Region on the reference date, for those still in Belgium, by region at the decision:
 * the published retention (Flanders ~89%, Brussels ~76%, Wallonia ~46%; from Wallonia ~38%
 * to Flanders and ~16% to Brussels).
 */
export const FINAL_REGION: Record<RegionCode, Weights<RegionCode>> = {
  VLG: [['VLG', 0.89], ['BRU', 0.07], ['WAL', 0.04]],
  BRU: [['BRU', 0.76], ['VLG', 0.18], ['WAL', 0.06]],
  WAL: [['WAL', 0.46], ['VLG', 0.38], ['BRU', 0.16]],
};
/** Chance that someone who stays in the region keeps living in the reception-centre municipality. */
export const STAY_IN_CENTRE_MUNICIPALITY: Record<RegionCode, number> = { VLG: 0.3, BRU: 0.5, WAL: 0.45 };

/** Exits after the decision (beside the matrix rows): abroad, ex-officio removal, death. */
export const EXIT_SHARE = { abroad: 0.03, radiated: 0.025, deceased: 0.003 } as const;
export const ABROAD_COUNTRIES: Weights<string> = [['DEU', 30], ['NLD', 15], ['FRA', 15], ['GBR', 12], ['SWE', 10], ['CAN', 5], ['NOR', 5], ['CHE', 4], ['USA', 4]];
