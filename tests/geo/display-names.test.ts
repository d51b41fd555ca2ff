import { describe, expect, it } from 'vitest';
import { getGeography } from '../../electron/engine/geo/geography';

const geo = getGeography();
const muni = (v: '2014' | '2019' | '2025', code: string) => geo.vintages[v].areas.municipality.find((a) => a.code === code)!;

describe('municipality names without redundant qualifiers', () => {
  it('shows "Sint-Niklaas", "Aalst", "Tielt", "Neufchâteau", not "Sint-Niklaas (Sint-Niklaas)"', () => {
    expect(muni('2019', '46021').nameNl).toBe('Sint-Niklaas');
    expect(muni('2019', '41002').nameNl).toBe('Aalst');
    expect(muni('2019', '41002').nameFr).toBe('Alost');
    expect(muni('2019', '37015').nameNl).toBe('Tielt');
    expect(muni('2025', '84043').nameNl).toBe('Neufchâteau');
    expect(muni('2014', '11021').nameNl).toBe('Hove');
  });

  it('keeps a qualifier where two municipalities share a name (French "Saint-Nicolas"), and no name repeats', () => {
    for (const v of ['2014', '2019', '2025'] as const) {
      const real = geo.vintages[v].areas.municipality.filter((a) => !a.special);
      for (const lang of ['nameNl', 'nameFr'] as const) {
        const names = real.map((a) => a[lang]);
        expect(new Set(names).size, `${v} ${lang}`).toBe(names.length);
        // No name carries its own name as qualifier.
        expect(names.filter((n) => /^(.+) \(\1\)$/.test(n)), `${v} ${lang}`).toEqual([]);
      }
      expect(muni(v, '46021').nameFr).toBe('Saint-Nicolas (Flandre orientale)');
      expect(muni(v, '62093').nameFr).toBe('Saint-Nicolas (Liège)');
      expect(muni(v, '62093').nameNl).toBe('Saint-Nicolas');
    }
  });
});
