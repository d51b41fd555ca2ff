import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorMessage } from '../../shared/api/errors';
import { en } from '../../renderer/src/i18n/en';
import { nl } from '../../renderer/src/i18n/nl';
import { interpolate, pick, translate } from '../../renderer/src/i18n/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI texts', () => {
  it('has every Dutch text in English with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('nl', 'cohort.count', { n: '12.345' })).toBe('n = 12.345 personen');
    expect(translate('en', 'cohort.count', { n: '12.345' })).toBe('n = 12.345 persons');
    expect(interpolate('{a} en {b}', { a: 1 })).toBe('1 en {b}');
  });

  it('shows engine error messages in the chosen language', () => {
    for (const code of ERROR_CODES) {
      const message = errorMessage(code, { file: 'x.db', missing: 'person', total: 3, what: 'x', min: 12 });
      expect(pick(message, 'nl')).toBe(message.nl);
      expect(pick(message, 'en')).toBe(message.en);
    }
  });
});
