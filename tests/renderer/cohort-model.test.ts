import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CohortDefinition, DEFAULT_COHORT } from '../../shared/cohort/cohort-definition';
import {
  activeFilterCount,
  EMPTY_COHORT,
  parseAgeRange,
  parseDateRange,
  recipeFileName,
  sameDefinition,
  triToValue,
  valueToTri,
  withGeoCodes,
  withGeoLevel,
} from '../../renderer/src/features/cohort/cohort-model';

describe('cohort builder edits', () => {
  it('keeps area codes only while level and vintage stay the same', () => {
    let def = withGeoLevel(EMPTY_COHORT, 'geoAtDecision', 'arrondissement', '2019');
    def = withGeoCodes(def, 'geoAtDecision', ['11000', '44000']);
    expect(withGeoLevel(def, 'geoAtDecision', 'arrondissement', '2019').geoAtDecision?.codes).toEqual(['11000', '44000']);
    expect(withGeoLevel(def, 'geoAtDecision', 'province', '2019').geoAtDecision?.codes).toEqual([]);
    expect(withGeoLevel(def, 'geoAtDecision', 'arrondissement', '2025').geoAtDecision?.codes).toEqual([]);
    expect(withGeoLevel(def, 'geoAtDecision', null, '2019').geoAtDecision).toBeNull();
    expect(CohortDefinition.safeParse(def).success).toBe(true);
  });

  it('accepts only sensible age and date ranges', () => {
    expect(parseAgeRange('', '')).toBeNull();
    expect(parseAgeRange('18', '')).toEqual({ min: 18, max: 120 });
    expect(parseAgeRange('30', '18')).toBe('invalid');
    expect(parseAgeRange('1.5', '20')).toBe('invalid');
    expect(parseDateRange('2016-01-01', '2016-12-31')).toEqual({ from: '2016-01-01', to: '2016-12-31' });
    expect(parseDateRange('', '2016-12-31')).toEqual({ from: null, to: '2016-12-31' });
    expect(parseDateRange('2017-01-01', '2016-12-31')).toBe('invalid');
    expect(parseDateRange('', '')).toBeNull();
  });

  it('round-trips the tri-state fields', () => {
    for (const v of [true, false, null]) expect(triToValue(valueToTri(v))).toBe(v);
  });

  it('counts active filters', () => {
    expect(activeFilterCount(EMPTY_COHORT)).toBe(0);
    expect(activeFilterCount(DEFAULT_COHORT)).toBe(1);
    const syrians2016 = CohortDefinition.parse({ status: ['REFUGEE'], decisionYears: [2016], nationalities: ['SYR'], trajectoryStarted: false });
    expect(activeFilterCount(syrians2016)).toBe(4);
  });

  it('compares definitions regardless of key order', () => {
    const a = CohortDefinition.parse({ status: ['REFUGEE'], decisionYears: [2016] });
    // Same content, keys in reverse order.
    const b = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(sameDefinition(a, b)).toBe(true);
    expect(sameDefinition(a, DEFAULT_COHORT)).toBe(false);
  });

  it('makes recipe file names every file system accepts', () => {
    expect(recipeFileName('Syriërs 2016')).toBe('Syriërs 2016.cohort.json');
    expect(recipeFileName('a/b\\c:d')).toBe('a_b_c_d.cohort.json');
    expect(recipeFileName('  ')).toBe('cohort.cohort.json');
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), (name) => {
        const file = recipeFileName(name);
        expect(file.endsWith('.cohort.json')).toBe(true);
        expect(file).not.toMatch(/[\\/:*?"<>|]/);
        expect([...file].every((ch) => ch.charCodeAt(0) >= 32)).toBe(true);
        expect(file.startsWith('.')).toBe(false);
      }),
      { seed: 20240501, numRuns: 300 },
    );
  });
});
