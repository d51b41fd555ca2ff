import { describe, expect, it } from 'vitest';
import { CohortDefinition } from '../../shared/cohort/cohort-definition';
import { cohortBrief } from '../../renderer/src/features/export-log/cohort-brief';
import { chartFileName } from '../../renderer/src/features/export/export-names';
import { withExtension } from '../../renderer/src/features/export/save-path';

describe('the export log names the cohort of each output', () => {
  it('says status, decision years, nationality, sex and age in one line, and counts other filters', () => {
    const c = CohortDefinition.parse({
      status: ['SUBSIDIARY'],
      decisionYears: [2016, 2015],
      nationalities: ['AFG'],
      sexes: ['F'],
      trajectoryStarted: true,
      geoAtDecision: { level: 'province', codes: ['10000'] },
    });
    expect(cohortBrief(c, 'nl')).toBe('Subsidiair beschermd · beslist 2015, 2016 · AFG · vrouw · +2 andere filters');
    expect(cohortBrief(c, 'en')).toBe('Subsidiary protection · decided 2015, 2016 · AFG · female · +2 other filters');
  });

  it('writes a run of years as a range and many nationalities as a count', () => {
    const c = CohortDefinition.parse({ decisionYears: [2014, 2015, 2016, 2017], nationalities: ['AFG', 'SYR', 'IRQ', 'ERI', 'SOM'], ageRange: { min: 18, max: 30 } });
    expect(cohortBrief(c, 'nl')).toBe('iedereen · beslist 2014–2017 · 5 nationaliteiten · 18–30 jaar');
  });
});

describe('chart file names', () => {
  it('name the chart, the matrix and the day, and keep the image extension', () => {
    expect(chartFileName({ kind: 'state', level: 'province', vintage: '2019' }, 'net-bar', 'svg', new Date(2025, 2, 14))).toBe('netto-migratie-toestand-provincie-2019-2025-03-14.svg');
    expect(chartFileName({ kind: 'state', level: 'arrondissement', vintage: '2025' }, 'map', 'png', new Date(2025, 2, 14), 'en')).toBe('map-state-arrondissement-2025-2025-03-14.png');
    expect(chartFileName({ kind: 'first-move', level: 'region', vintage: '2019' }, 'sankey', 'svg', new Date(2025, 2, 14))).toBe('sankey-eerste-verhuizing-gewest-2019-2025-03-14.svg');
    expect(withExtension('/tmp/kaart.svg', 'png')).toBe('/tmp/kaart.png');
  });
});
