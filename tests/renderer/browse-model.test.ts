import { describe, expect, it } from 'vitest';
import { ColumnFilter } from '../../shared/api/methods/browse';
import { BROWSE_TABLES, columnsOf, filterFor, parseRowNumber, toColumnFilters, toSort } from '../../renderer/src/features/browse/browse-model';

describe('browse grid → contract', () => {
  it('offers every browsable table of the extract schema, never extract_meta', () => {
    expect(BROWSE_TABLES).toContain('person');
    expect(BROWSE_TABLES).toContain('residence');
    expect(BROWSE_TABLES).toContain('kbi_component');
    expect(BROWSE_TABLES).not.toContain('extract_meta');
  });

  it('maps text, number and date filter models to contract filters', () => {
    const filters = toColumnFilters('person', {
      nationality: { filterType: 'text', type: 'equals', filter: 'SYR' },
      person_id: { filterType: 'text', type: 'contains', filter: ' P00 ' },
      birth_year: { filterType: 'number', type: 'inRange', filter: 2000, filterTo: 1990 },
      death_date: { filterType: 'date', type: 'inRange', dateFrom: '2016-01-01 00:00:00', dateTo: '2016-12-31 00:00:00' },
    });
    expect(filters).toEqual([
      { column: 'nationality', op: 'equals', value: 'SYR' },
      { column: 'person_id', op: 'contains', value: 'P00' },
      { column: 'birth_year', op: 'between', from: 1990, to: 2000 },
      { column: 'death_date', op: 'between', from: '2016-01-01', to: '2016-12-31' },
    ]);
    for (const f of filters) expect(ColumnFilter.safeParse(f).success).toBe(true);
  });

  it('maps blank filters and drops what the contract cannot express', () => {
    expect(toColumnFilters('person', { death_date: { filterType: 'date', type: 'blank', dateFrom: null, dateTo: null } })).toEqual([
      { column: 'death_date', op: 'blank' },
    ]);
    // Columns outside the table's allow-list, OR-combinations and empty values are not sent.
    expect(
      toColumnFilters('person', {
        'person_id; DROP TABLE person': { filterType: 'text', type: 'equals', filter: 'x' },
        sex: { filterType: 'text', operator: 'OR', conditions: [{ type: 'equals', filter: 'M' }, { type: 'equals', filter: 'F' }] },
        nationality: { filterType: 'text', type: 'equals', filter: '   ' },
        death_date: { filterType: 'date', type: 'lessThan', dateFrom: '2017-01-01 00:00:00' },
      }),
    ).toEqual([]);
    expect(
      toColumnFilters('person', {
        sex: { filterType: 'text', operator: 'AND', conditions: [{ type: 'equals', filter: 'M' }, { type: 'notBlank' }] },
      }),
    ).toEqual([
      { column: 'sex', op: 'equals', value: 'M' },
      { column: 'sex', op: 'notBlank' },
    ]);
  });

  it('keeps at most four allow-listed sort keys', () => {
    expect(
      toSort('residence', [
        { colId: '__row', sort: 'asc' },
        { colId: 'start_date', sort: 'desc' },
        { colId: 'person_id', sort: 'asc' },
      ]),
    ).toEqual([
      { column: 'start_date', direction: 'desc' },
      { column: 'person_id', direction: 'asc' },
    ]);
    const many = columnsOf('kbi_component').map((c) => ({ colId: c.name, sort: 'asc' as const }));
    expect(toSort('kbi_component', many)).toHaveLength(4);
  });

  it('only offers filter operations the engine implements', () => {
    // <, ≤, >, ≥ on integers are sent as ranges (see browse-details.test.ts).
    const supported = new Set(['equals', 'contains', 'startsWith', 'inRange', 'blank', 'notBlank', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual']);
    for (const table of BROWSE_TABLES) {
      for (const column of columnsOf(table)) {
        const { filterOptions } = filterFor(column);
        for (const option of filterOptions) expect(supported.has(option)).toBe(true);
        expect(filterOptions.includes('blank')).toBe(column.nullable);
      }
    }
  });

  it('reads the "go to row" field as the analyst types it (1-based, Belgian grouping)', () => {
    expect(parseRowNumber('1', 100)).toBe(0);
    expect(parseRowNumber('1.500.000', 2_000_000)).toBe(1_499_999);
    expect(parseRowNumber('2 000 001', 2_000_000)).toBe(1_999_999);
    expect(parseRowNumber('0', 100)).toBeNull();
    expect(parseRowNumber('abc', 100)).toBeNull();
    expect(parseRowNumber('5', 0)).toBeNull();
    expect(parseRowNumber('42', null)).toBe(41);
  });
});
