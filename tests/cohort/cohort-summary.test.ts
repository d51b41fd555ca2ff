import { describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { cohortSummary, yearRanges } from '../../shared/cohort/cohort-summary';

describe('cohort summary line', () => {
  it('reads the cohort of the issue in Dutch and in English', () => {
    const def = CohortDefinition.parse({ status: ['SUBSIDIARY'], decisionYears: [2016, 2015], nationalities: ['AFG'], sexes: ['F'] });
    expect(cohortSummary(def, 'nl')).toBe('subsidiair beschermden · beslissing 2015–2016 · Afghanistan · vrouwen');
    expect(cohortSummary(def, 'en')).toBe('subsidiary protection · decision 2015–2016 · Afghanistan · women');
  });

  it('says "all persons" for no restriction and shortens long lists', () => {
    expect(cohortSummary(CohortDefinition.parse({}), 'nl')).toBe('alle personen');
    const many = CohortDefinition.parse({ status: ['REFUGEE', 'SUBSIDIARY'], nationalities: ['SYR', 'AFG', 'IRQ', 'ERI', 'SOM'], ageRange: { min: 30, max: 40 } });
    expect(cohortSummary(many, 'nl')).toBe('erkende vluchtelingen en subsidiair beschermden · Syrië, Afghanistan, Irak en 2 andere · leeftijd 30–40 jaar');
  });

  it('groups consecutive years', () => {
    expect(yearRanges([2019, 2014, 2015, 2016])).toBe('2014–2016, 2019');
    expect(yearRanges([2017])).toBe('2017');
  });
});
