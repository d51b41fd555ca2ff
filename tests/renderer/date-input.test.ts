import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDateInput, isCalendarDate, parseDateInput, shiftIsoDate } from '../../shared/format/date-input';

const iso = (text: string) => {
  const r = parseDateInput(text);
  return r.kind === 'ok' ? r.iso : r.kind === 'invalid' ? `invalid:${r.problem}` : 'empty';
};

describe('dates typed as dd/mm/jjjj', () => {
  it('reads day first, whatever the separator, and ISO', () => {
    expect(iso('31/12/2016')).toBe('2016-12-31');
    expect(iso('1/2/2016')).toBe('2016-02-01');
    expect(iso(' 05-03-2016 ')).toBe('2016-03-05');
    expect(iso('05.03.2016')).toBe('2016-03-05');
    expect(iso('2016-12-31')).toBe('2016-12-31');
    expect(iso('2016-3-5')).toBe('2016-03-05');
    expect(iso('')).toBe('empty');
    expect(iso('   ')).toBe('empty');
  });

  it('never reads the month first (03/05 is the 3rd of May)', () => {
    expect(iso('03/05/2016')).toBe('2016-05-03');
    expect(iso('12/31/2016')).toBe('invalid:calendar');
  });

  it('rejects days that are not in the calendar', () => {
    expect(iso('31/04/2016')).toBe('invalid:calendar');
    expect(iso('29/02/2015')).toBe('invalid:calendar');
    expect(iso('29/02/1900')).toBe('invalid:calendar'); // century, not a leap year
    expect(iso('00/01/2016')).toBe('invalid:calendar');
    expect(iso('15/13/2016')).toBe('invalid:calendar');
    expect(iso('2016-02-30')).toBe('invalid:calendar');
  });

  it('accepts leap days', () => {
    expect(iso('29/02/2016')).toBe('2016-02-29');
    expect(iso('29/02/2000')).toBe('2000-02-29');
  });

  it('rejects half-typed and malformed text', () => {
    for (const text of ['31/12/16', '31/12/201', '31/12', '31122016', '31/12/2016x', 'abc', '2016/12/31', '1/1/20161', '31 12 2016']) {
      expect(iso(text), text).toBe('invalid:format');
    }
  });

  it('keeps dates in a sensible span', () => {
    expect(iso('31/12/1899')).toBe('invalid:range');
    expect(iso('01/01/2100')).toBe('invalid:range');
    expect(iso('01/01/1900')).toBe('1900-01-01');
    expect(parseDateInput('01/01/2010', '2014-01-01', '2018-12-31')).toEqual({ kind: 'invalid', problem: 'range' });
  });

  it('shows ISO dates as dd/mm/yyyy and nothing for no date', () => {
    expect(formatDateInput('2016-12-31')).toBe('31/12/2016');
    expect(formatDateInput('2016-02-01')).toBe('01/02/2016');
    expect(formatDateInput(null)).toBe('');
    expect(formatDateInput('2016-04-31')).toBe('');
    expect(formatDateInput('31/12/2016')).toBe('');
  });

  it('round-trips every day of 1900–2099 through the field', () => {
    const day = fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 });
    fc.assert(
      fc.property(day, (d) => {
        const value = new Date(d * 86_400_000).toISOString().slice(0, 10);
        expect(parseDateInput(formatDateInput(value))).toEqual({ kind: 'ok', iso: value });
        expect(parseDateInput(value)).toEqual({ kind: 'ok', iso: value });
      }),
    );
  });

  it('moves a date by days across month and year ends (arrow keys)', () => {
    expect(shiftIsoDate('2016-12-31', 1)).toBe('2017-01-01');
    expect(shiftIsoDate('2016-03-01', -1)).toBe('2016-02-29');
    expect(shiftIsoDate('2015-03-01', -1)).toBe('2015-02-28');
  });

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => isCalendarDate(2017, m, 31))).toEqual([1, 3, 5, 7, 8, 10, 12]);
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2100, 2, 29)).toBe(false);
  });
});
