import { describe, expect, it } from 'vitest';
import { ALPHA3_TO_ALPHA2, alpha2Of } from '../../shared/geo/countries';
import { nationalityLabel, nationalityName, nationalityOptions } from '../../shared/format/nationality-name';
import { matchesSearch } from '../../renderer/src/components/search-match';
import { NATIONALITY_GRANTED, NATIONALITY_OTHER } from '../../electron/engine/synthetic/profile';

describe('ISO 3166-1 alpha-3 → alpha-2', () => {
  it('holds every officially assigned code once, plus Kosovo', () => {
    expect(ALPHA3_TO_ALPHA2.size).toBe(250);
    expect(new Set(ALPHA3_TO_ALPHA2.values()).size).toBe(250);
    for (const [a3, a2] of ALPHA3_TO_ALPHA2) {
      expect(a3).toMatch(/^[A-Z]{3}$/);
      expect(a2).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('maps the codes whose alpha-2 is not their first letters correctly', () => {
    const pairs: Record<string, string> = {
      SYR: 'SY', AFG: 'AF', IRQ: 'IQ', IRN: 'IR', SOM: 'SO', ERI: 'ER', PSE: 'PS', GIN: 'GN', GNB: 'GW', GNQ: 'GQ', COD: 'CD', COG: 'CG',
      TUR: 'TR', TCD: 'TD', SDN: 'SD', SSD: 'SS', ETH: 'ET', CMR: 'CM', BDI: 'BI', NGA: 'NG', NER: 'NE', LBY: 'LY', UKR: 'UA', ALB: 'AL',
      MAR: 'MA', DZA: 'DZ', SEN: 'SN', SRB: 'RS', MNE: 'ME', AUT: 'AT', AUS: 'AU', DEU: 'DE', CHE: 'CH', CHN: 'CN', KOR: 'KR', PRK: 'KP',
      MMR: 'MM', MDG: 'MG', SWZ: 'SZ', ZAF: 'ZA', ESH: 'EH', BLR: 'BY', CIV: 'CI', GBR: 'GB', SVK: 'SK', SVN: 'SI', SLB: 'SB', LKA: 'LK',
    };
    for (const [a3, a2] of Object.entries(pairs)) expect(alpha2Of(a3), a3).toBe(a2);
    expect(alpha2Of('syr')).toBe('SY');
    expect(alpha2Of('XYZ')).toBeNull();
  });

  it('gives every alpha-2 a name in Dutch and English', () => {
    const names = new Intl.DisplayNames(['nl-BE'], { type: 'region', fallback: 'none' });
    const missing = [...ALPHA3_TO_ALPHA2].filter(([, a2]) => !names.of(a2) || names.of(a2) === a2).map(([a3]) => a3);
    expect(missing).toEqual([]);
  });
});

describe('nationality names', () => {
  it('shows the name with the code: "Syrië (SYR)" in Dutch, "Syria (SYR)" in English', () => {
    expect(nationalityLabel('SYR', 'nl')).toBe('Syrië (SYR)');
    expect(nationalityLabel('SYR', 'en')).toBe('Syria (SYR)');
    expect(nationalityLabel('AFG', 'nl')).toBe('Afghanistan (AFG)');
    expect(nationalityLabel('IRQ', 'nl')).toBe('Irak (IRQ)');
    expect(nationalityLabel('SOM', 'nl')).toBe('Somalië (SOM)');
    expect(nationalityLabel('RUS', 'en')).toBe('Russia (RUS)');
  });

  it('translates stateless and unknown, and shows an unknown code as it is', () => {
    expect(nationalityLabel('STATELESS', 'nl')).toBe('staatloos');
    expect(nationalityLabel('STATELESS', 'en')).toBe('stateless');
    expect(nationalityLabel('UNKNOWN', 'nl')).toBe('onbekend');
    expect(nationalityLabel('UNKNOWN', 'en')).toBe('unknown');
    expect(nationalityLabel('XXZ', 'nl')).toBe('XXZ');
    expect(nationalityName('XXZ', 'en')).toBeNull();
  });

  it('names every nationality of the demo extract', () => {
    const codes = [...NATIONALITY_GRANTED, ...NATIONALITY_OTHER].map(([code]) => code);
    for (const code of codes) {
      for (const lang of ['nl', 'en'] as const) expect(nationalityName(code, lang), `${code} ${lang}`).toMatch(/^\p{L}/u);
    }
  });

  it('sorts the pick list by name in the UI language, special values last', () => {
    const codes = ['SYR', 'UNKNOWN', 'DEU', 'AFG', 'STATELESS', 'IRQ', 'DZA'];
    expect(nationalityOptions(codes, 'nl').map((o) => o.value)).toEqual(['AFG', 'DZA', 'DEU', 'IRQ', 'SYR', 'UNKNOWN', 'STATELESS']); // Algerije, Duitsland; onbekend, staatloos
    expect(nationalityOptions(codes, 'en').map((o) => o.value)).toEqual(['AFG', 'DZA', 'DEU', 'IRQ', 'SYR', 'STATELESS', 'UNKNOWN']); // Algeria, Germany
    expect(nationalityOptions(['DEU', 'DZA', 'AUT'], 'nl').map((o) => o.label)).toEqual(['Algerije (DZA)', 'Duitsland (DEU)', 'Oostenrijk (AUT)']);
    expect(nationalityOptions(['DEU', 'DZA', 'AUT'], 'en').map((o) => o.label)).toEqual(['Algeria (DZA)', 'Austria (AUT)', 'Germany (DEU)']);
  });

  it('is found by name or code, in either language', () => {
    const [syria] = nationalityOptions(['SYR'], 'nl');
    const finds = (q: string) => matchesSearch(q, syria!.label, syria!.value, syria!.keywords);
    expect(finds('syr')).toBe(true);
    expect(finds('Syri')).toBe(true);
    expect(finds('syrie')).toBe(true); // accents do not matter
    expect(finds('Syria')).toBe(true); // the English name also finds it in the Dutch UI
    expect(finds('irak')).toBe(false);
  });
});
