import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDecimal, formatDuration, formatPercent, formatSigned, localeOf } from '../../shared/format/number-format';

describe('Belgian number formats', () => {
  it('groups thousands with a dot in both UI languages', () => {
    expect(formatCount(12345, 'nl')).toBe('12.345');
    expect(formatCount(2_000_000, 'en')).toBe('2.000.000');
    expect(formatCount(12345.6, 'nl')).toBe('12.346');
  });

  it('uses a decimal comma and a percent sign', () => {
    expect(formatDecimal(1234.56, 'nl', 1)).toBe('1.234,6');
    // Dutch: a non-breaking space before the sign ("12,3 %"); English keeps it attached.
    expect(formatPercent(0.1234, 'nl')).toBe('12,3\u00a0%');
    expect(formatPercent(0.1234, 'en')).toBe('12,3%');
    expect(formatPercent(1, 'en', 0)).toMatch(/^100\s?%$/);
  });

  it('signs net migration and shows a dash for missing values', () => {
    expect(formatSigned(1234, 'nl')).toBe('+1.234');
    expect(formatSigned(-56, 'nl')).toMatch(/^[-−]56$/);
    expect(formatSigned(0, 'nl')).toBe('0');
    expect(formatCount(null, 'nl')).toBe('–');
    expect(formatCount(Number.NaN, 'en')).toBe('–');
    expect(formatPercent(undefined, 'nl')).toBe('–');
  });

  it('formats ISO dates day first without shifting the day across time zones', () => {
    expect(formatDate('2019-01-27', 'nl')).toBe('27/01/2019');
    expect(formatDate('2016-03-05', 'en')).toBe('05/03/2016');
    expect(formatDate('not a date', 'nl')).toBe('not a date');
    expect(formatDate(null, 'nl')).toBe('–');
  });

  it('formats durations from milliseconds to minutes', () => {
    expect(formatDuration(850, 'nl')).toBe('850 ms');
    expect(formatDuration(12_400, 'nl')).toBe('12,4 s');
    expect(formatDuration(185_000, 'en')).toBe('3 min 05 s');
  });

  it('maps UI languages to Belgian locales', () => {
    expect(localeOf('nl')).toBe('nl-BE');
    expect(localeOf('en')).toBe('en-BE');
  });
});
