import { AGE_BANDS } from '../../../shared/cohort/cohort-definition';
import { newBitset, type Bitset } from './bitset';

/** One bitset per value of every categorical cohort field, built in one pass at index time. */
export interface FilterBitsets {
  status: Bitset[];
  sex: Bitset[];
  nationality: Bitset[];
  decisionYear: Map<number, Bitset>;
  applicationYear: Map<number, Bitset>;
  /** Index into AGE_BANDS; persons with unknown age are in none. */
  ageBand: Bitset[];
  kbiTarget: Bitset[];
  trajectoryStarted: Bitset[];
  attestationObtained: Bitset[];
  nt2: Bitset[];
}

interface Source {
  persons: number;
  status: Uint8Array;
  sex: Uint8Array;
  nationality: Uint16Array;
  nationalities: string[];
  decisionYear: Int16Array;
  applicationYear: Int16Array;
  ageAtDecision: Int16Array;
  kbiTarget: Uint8Array;
  trajectoryStarted: Uint8Array;
  attestationObtained: Uint8Array;
  nt2Level: Uint8Array;
}

const BAND_LOWER = AGE_BANDS.map((b) => Number.parseInt(b, 10));

/** Index into AGE_BANDS of an age, or -1 when unknown. */
export function ageBandOf(age: number): number {
  if (age < 0) return -1;
  let band = 0;
  while (band + 1 < BAND_LOWER.length && age >= BAND_LOWER[band + 1]) band++;
  return band;
}

/** Bitsets of the fields read at build time; the application/KBI ones stay empty until addExtraBitsets. */
export function buildFilterBitsets(ix: Source): FilterBitsets {
  const n = ix.persons;
  const many = (k: number) => Array.from({ length: k }, () => newBitset(n));
  const status = many(3);
  const sex = many(3);
  const nationality = many(ix.nationalities.length);
  const ageBand = many(AGE_BANDS.length);
  const decisionYear = new Map<number, Bitset>();
  const bandOfAge = Int8Array.from({ length: 130 }, (_, a) => ageBandOf(a));
  for (let p = 0; p < n; p++) {
    const w = p >>> 5;
    const bit = 1 << (p & 31);
    status[ix.status[p]][w] |= bit;
    sex[ix.sex[p]][w] |= bit;
    nationality[ix.nationality[p]][w] |= bit;
    const age = ix.ageAtDecision[p];
    if (age >= 0) ageBand[bandOfAge[Math.min(age, 129)]][w] |= bit;
    const dy = ix.decisionYear[p];
    if (dy) {
      let b = decisionYear.get(dy);
      if (!b) decisionYear.set(dy, (b = newBitset(n)));
      b[w] |= bit;
    }
  }
  return {
    status,
    sex,
    nationality,
    decisionYear,
    applicationYear: new Map(),
    ageBand,
    kbiTarget: [],
    trajectoryStarted: [],
    attestationObtained: [],
    nt2: [],
  };
}

/** Fills the application-year and KBI bitsets once those columns are loaded. */
export function addExtraBitsets(ix: Source, bs: FilterBitsets): void {
  const n = ix.persons;
  const many = (k: number) => Array.from({ length: k }, () => newBitset(n));
  bs.kbiTarget = many(4);
  bs.trajectoryStarted = many(2);
  bs.attestationObtained = many(2);
  bs.nt2 = many(5);
  for (let p = 0; p < n; p++) {
    const w = p >>> 5;
    const bit = 1 << (p & 31);
    bs.kbiTarget[ix.kbiTarget[p]][w] |= bit;
    bs.trajectoryStarted[ix.trajectoryStarted[p]][w] |= bit;
    bs.attestationObtained[ix.attestationObtained[p]][w] |= bit;
    bs.nt2[ix.nt2Level[p]][w] |= bit;
    const ay = ix.applicationYear[p];
    if (ay) {
      let b = bs.applicationYear.get(ay);
      if (!b) bs.applicationYear.set(ay, (b = newBitset(n)));
      b[w] |= bit;
    }
  }
}
