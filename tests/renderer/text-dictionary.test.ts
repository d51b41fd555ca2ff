import { describe, expect, it } from 'vitest';
import { textDictionary } from '../../renderer/src/i18n/text-dictionary';
import { chartText } from '../../renderer/src/charts/chart-text';
import { exportText } from '../../renderer/src/features/export/export-i18n';
import { ficheText } from '../../renderer/src/features/fiche/fiche-text';
import { matrixText } from '../../renderer/src/features/matrix/matrix-i18n';
import { matrixNote } from '../../renderer/src/features/matrix/matrix-notes-i18n';
import { profileText } from '../../renderer/src/features/profile/profile-i18n';

describe('one lookup for every feature dictionary', () => {
  it('fills placeholders in the chosen language and falls back to Dutch for a missing translation', () => {
    const d = textDictionary<'a' | 'b', 'tt'>({ nl: { a: '{n} personen', b: 'alleen Nederlands' }, en: { a: '{n} persons' } as Record<'a' | 'b', string> }, 'tt');
    expect(d.text('nl', 'a', { n: '1.234' })).toBe('1.234 personen');
    expect(d.text('en', 'a', { n: '1.234' })).toBe('1.234 persons');
    expect(d.text('en', 'b')).toBe('alleen Nederlands');
    expect(d.text('en', 'a')).toBe('{n} persons');
  });

  it('serves the chart, export, fiche, matrix, notes and profile texts', () => {
    expect(chartText('en', 'map.legendLine', { n: 10 })).toMatch(/^Line: one of the 10 largest flows/);
    expect(exportText('nl', 'log.chart.map')).toBe('kaart');
    expect(ficheText('nl', 'fiche.netMore', { n: '12' })).toBe('12 meer');
    expect(matrixText('en', 'matrix.title')).toBe('Relocation matrix');
    expect(matrixNote('nl', 'jumpTo')).toBe('Ga naar gebied');
    expect(profileText('en', 'profile.cohortSize', { n: '9.932' })).toBe('9.932 persons in the cohort');
  });
});
