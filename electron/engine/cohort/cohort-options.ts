import type { ColumnarIndex } from './columnar-index';

/** The values present in the extract for the builder's pick lists (no counts). */
export function cohortOptions(ix: ColumnarIndex): { nationalities: string[]; decisionYears: number[]; applicationYears: number[] } {
  ix.loadExtras();
  const years = (m: Map<number, unknown>) => [...m.keys()].sort((a, b) => a - b);
  return {
    nationalities: [...ix.nationalities].sort(),
    decisionYears: years(ix.bitsets.decisionYear),
    applicationYears: years(ix.bitsets.applicationYear),
  };
}
