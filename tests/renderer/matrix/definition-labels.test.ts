import { describe, expect, it } from 'vitest';
import { MatrixDefinition, MatrixKind } from '../../../shared/matrix/matrix-definition';
import { cornerLabel, diagonalLabel, diagonalShareDefinition, diagonalShareLabel } from '../../../shared/matrix/matrix-labels';
import { datesUsed } from '../../../renderer/src/features/matrix/matrix-summary-text';

/** The matrix view names each definition, its corner and its diagonal in NL and EN. */
describe('labels per definition', () => {
  it('the dates line of a first-move-out-of-the-area matrix says so, in NL and EN', () => {
    const def = MatrixDefinition.parse({ kind: 'first-area-move', level: 'province', followUpMonths: 12 });
    expect(datesUsed(def, '2025-06-30', 'nl')).toBe('Eerste verhuizing uit het gebied van beslissing, binnen 12 maanden na de beslissing');
    expect(datesUsed(def, '2025-06-30', 'en')).toBe('First move out of the area of decision, within 12 months after the decision');
    expect(datesUsed({ ...def, kind: 'first-move' }, '2025-06-30', 'en')).toMatch(/^First move after the decision/);
  });

  it('no two definitions share a corner label; all-moves never calls its diagonal stayers or retention', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      expect(new Set(MatrixKind.options.map((kind) => cornerLabel({ kind, originDate: null }, lang))).size).toBe(4);
      expect(diagonalLabel('all-moves', lang)).not.toBe(diagonalLabel('state', lang));
      expect(diagonalShareLabel('all-moves', lang)).not.toBe(diagonalShareLabel('state', lang));
      for (const kind of MatrixKind.options) expect(diagonalShareDefinition(kind, lang)).toContain(diagonalShareLabel(kind, lang));
    }
    expect(cornerLabel({ kind: 'state', originDate: '2019-01-01' }, 'nl')).toBe('Op herkomstdatum \\ op einddatum');
  });
});
