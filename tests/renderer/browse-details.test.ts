import { describe, expect, it } from 'vitest';
import { columnsOf, filterFor, toColumnFilters } from '../../renderer/src/features/browse/browse-model';
import { cellText, columnLabel } from '../../renderer/src/features/browse/browse-labels';
import { clearGridStates, gridStateKey, loadGridState, saveGridState } from '../../renderer/src/features/browse/browse-state';

const col = (table: Parameters<typeof columnsOf>[0], name: string) => columnsOf(table).find((c) => c.name === name)!;
const names = new Map([['11002', 'Antwerpen']]);

describe('browse: number filters with <, ≤, >, ≥', () => {
  it('offers them on integer columns', () => {
    expect(filterFor(col('person', 'birth_year')).filterOptions).toEqual(expect.arrayContaining(['lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual']));
  });

  it('sends them as ranges the engine understands, exact on integers', () => {
    const f = (type: string, filter: number) => toColumnFilters('person', { birth_year: { filterType: 'number', type, filter } })[0];
    expect(f('lessThan', 1990)).toMatchObject({ op: 'between', to: 1989 });
    expect(f('lessThanOrEqual', 1990)).toMatchObject({ op: 'between', to: 1990 });
    expect(f('greaterThan', 1990)).toMatchObject({ op: 'between', from: 1991 });
    expect(f('greaterThanOrEqual', 1990)).toMatchObject({ op: 'between', from: 1990 });
    expect((f('lessThan', 1990) as { from: number }).from).toBeLessThan(-1e9);
    expect((f('greaterThan', 1990) as { to: number }).to).toBeGreaterThan(1e9);
  });
});

describe('browse: labelled columns, codes as names, dd/mm/jjjj dates', () => {
  it('labels column headers in the UI language', () => {
    expect(columnLabel('birth_year', 'nl')).toBe('Geboortejaar');
    expect(columnLabel('nis_code', 'en')).toBe('Municipality');
  });

  it('shows codes as names and dates as dd/mm/jjjj', () => {
    expect(cellText('protection_decision', col('protection_decision', 'status'), 'REFUGEE', 'nl', names)).toBe('Erkend vluchteling');
    expect(cellText('person', col('person', 'sex'), 'F', 'en', names)).toBe('Female');
    expect(cellText('residence', col('residence', 'kind'), 'RADIATED', 'nl', names)).toBe('Ambtshalve afgevoerd');
    expect(cellText('residence', col('residence', 'nis_code'), '11002', 'nl', names)).toBe('Antwerpen (11002)');
    expect(cellText('person', col('person', 'nationality'), 'SYR', 'nl', names)).toBe('Syrië (SYR)');
    expect(cellText('protection_decision', col('protection_decision', 'decision_date'), '2016-03-01', 'nl', names)).toBe('01/03/2016');
    expect(cellText('person', col('person', 'birth_year'), 1990, 'nl', names)).toBe('1990');
    expect(cellText('person', col('person', 'death_date'), null, 'nl', names)).toBe('');
  });
});

describe('browse: filter and sort per table survive switching away', () => {
  it('keeps what was saved per extract and table, and forgets an emptied state', () => {
    clearGridStates();
    const key = gridStateKey('x1', 'person');
    saveGridState(key, { filterModel: { sex: { filterType: 'text', type: 'equals', filter: 'F' } }, sort: [{ colId: 'birth_year', sort: 'desc', sortIndex: 0 }] });
    expect(loadGridState(key)).toEqual({ filterModel: { sex: { filterType: 'text', type: 'equals', filter: 'F' } }, sort: [{ colId: 'birth_year', sort: 'desc', sortIndex: 0 }] });
    expect(loadGridState(gridStateKey('x1', 'residence'))).toBeNull();
    expect(loadGridState(gridStateKey('x2', 'person'))).toBeNull();
    saveGridState(key, { filterModel: {}, sort: [] });
    expect(loadGridState(key)).toBeNull();
  });
});

describe('saved cohorts in one line', () => {
  it('summarises what restricts the cohort, in the UI language', async () => {
    const { cohortSummary } = await import('../../renderer/src/features/cohort/cohort-summary');
    const { CohortDefinition } = await import('../../shared/cohort/cohort-definition');
    const def = CohortDefinition.parse({ status: ['SUBSIDIARY'], decisionYears: [2016, 2015], nationalities: ['AFG'], sexes: ['F'] });
    expect(cohortSummary(def, 'nl')).toBe('Subsidiair beschermd · 2015, 2016 · Afghanistan (AFG) · Vrouw');
    expect(cohortSummary(def, 'en')).toBe('Subsidiary protection · 2015, 2016 · Afghanistan (AFG) · Female');
    expect(cohortSummary(CohortDefinition.parse({}), 'nl')).toBe('iedereen in het extract');
  });
});
