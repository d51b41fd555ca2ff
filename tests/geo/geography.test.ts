import { describe, expect, it } from 'vitest';
import { getGeography } from '../../electron/engine/geo/geography';
import { isValidInVintage, isValidOn, vintageOfDate } from '../../electron/engine/geo/nis-validity';

const geo = getGeography();
const realAreas = (v: '2014' | '2019' | '2025', level: 'municipality' | 'arrondissement' | 'province' | 'region') =>
  geo.vintages[v].areas[level].filter((a) => !a.special);

describe('geography vintages', () => {
  it('has 589, 581 and 565 municipalities, 43 arrondissements, 10 provinces + Brussels-Capital, 3 regions', () => {
    expect(realAreas('2014', 'municipality')).toHaveLength(589);
    expect(realAreas('2019', 'municipality')).toHaveLength(581);
    expect(realAreas('2025', 'municipality')).toHaveLength(565);
    for (const v of ['2014', '2019', '2025'] as const) {
      expect(realAreas(v, 'arrondissement')).toHaveLength(43);
      expect(realAreas(v, 'province').map((a) => a.code)).toContain('04000');
      expect(realAreas(v, 'province')).toHaveLength(11);
      expect(realAreas(v, 'region').map((a) => a.code)).toEqual(['02000', '04000', '03000']);
    }
  });

  it('orders areas by region (VLG, BRU, WAL), then province, then name, and ends with the special areas', () => {
    const munis = geo.vintages['2019'].areas.municipality;
    const regions = munis.filter((a) => !a.special).map((a) => a.regionCode);
    expect(regions.indexOf('BRU')).toBe(300);
    expect(regions.indexOf('WAL')).toBe(319);
    expect(munis.slice(-4).map((a) => a.code)).toEqual(['ABROAD', 'RADIATED', 'DECEASED', 'UNKNOWN']);
    const antwerpProvince = munis.filter((a) => a.provinceCode === '10000').map((a) => a.nameNl);
    expect(antwerpProvince).toEqual([...antwerpProvince].sort((a, b) => a.localeCompare(b, 'nl')));
    const brussels = geo.vintages['2019'].areas.province.find((a) => a.code === '04000')!;
    expect(brussels.nameFr).toBe('Région de Bruxelles-Capitale');
  });

  it('maps codes as recorded to a vintage, including 2019 recodes recorded before 2019', () => {
    expect(geo.toVintage('44029', '2019')).toBe('44084'); // Knesselare → Aalter
    expect(geo.toVintage('55022', '2019')).toBe('58001'); // La Louvière recoded
    expect(geo.toVintage('58001', '2019')).toBe('58001');
    expect(geo.toVintage('58001', '2025')).toBe('58001');
    expect(geo.toVintage('11007', '2025')).toBe('11002'); // Borsbeek → Antwerpen
    expect(geo.toVintage('44029', '2025')).toBe('44084');
  });

  it('maps a recoded municipality back to 2014 but not a merged one (→ null, shown as Unknown)', () => {
    expect(geo.toVintage('58001', '2014')).toBe('55022');
    expect(geo.toVintage('12041', '2014')).toBeNull(); // Puurs-Sint-Amands: merged in 2019
    expect(geo.toVintage('71072', '2019')).toBeNull(); // Hasselt 2025 absorbed Kortessem
    expect(geo.toVintage('99999', '2019')).toBeNull();
  });

  it('knows when a code is valid', () => {
    expect(isValidOn('44029', '2015-03-01')).toBe(true);
    expect(isValidOn('44029', '2019-03-01')).toBe(false);
    expect(isValidOn('58001', '2018-12-31')).toBe(false);
    expect(isValidOn('58001', '2019-01-01')).toBe(true);
    expect(isValidInVintage('12041', '2019')).toBe(true);
    expect(isValidInVintage('12041', '2014')).toBe(false);
    expect(vintageOfDate('2024-12-31')).toBe('2019');
  });
});
