import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, test } from 'vitest';
import { recordModule } from '../../electron/engine/index-build/direct-read/record-decode';

/**
 * The direct reader's date reading is SQLite's day number for every canonical date, and
 * "not canonical" (left to SQLite) for anything else.
 */
const record = recordModule();
const text = (s: string): { p: Uint8Array; t: number } => {
  const p = Buffer.from(s, 'utf8');
  return { p, t: 13 + 2 * p.length };
};
const isoDay = (s: string): number => {
  const { p, t } = text(s);
  return record.isoDay(p, t, 0);
};

describe('record decode', () => {
  test('every day of leap and common years, year 0000 to 9999, as SQLite counts it', () => {
    const db = new Database(':memory:');
    const sqlite = db.prepare('SELECT CAST(julianday(?) - 1721059.5 AS INTEGER)').pluck();
    const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const days = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    let checked = 0;
    let expected = 0;
    for (const year of [0, 1, 3, 4, 99, 100, 399, 400, 1582, 1600, 1700, 1899, 1900, 1970, 1999, 2000, 2016, 2024, 2100, 2400, 9999]) {
      expected += leap(year) ? 366 : 365;
      const y = String(year).padStart(4, '0');
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (d <= days(year, m)) {
            expect(isoDay(iso), iso).toBe(sqlite.get(iso));
            checked++;
          } else expect(isoDay(iso), iso).toBe(-1); // SQLite would roll it over: left to SQLite
        }
      }
    }
    expect(checked).toBe(expected);
    db.close();
  });

  test('anything but YYYY-MM-DD is not canonical', () => {
    for (const s of ['2019-03-04 10:00:00', '2019-03-04T10:00', '2019-3-4', ' 2019-03-04', '2019-03-04 ', '2019/03/04', '2019-13-01', '2019-00-10', '2019-01-00', '2019-02-29', '1900-02-29', '２０１９-03-04', '', 'now']) {
      expect(isoDay(s), s).toBe(-1);
    }
    // Not text at all: an integer, a BLOB of the same bytes.
    const p = Buffer.from('2019-03-04');
    expect(record.isoDay(p, 12 + 2 * 10, 0)).toBe(-1);
    expect(record.isoDay(p, 1, 0)).toBe(-1);
  });

  test('records: serial types and body offsets', () => {
    // Header: size 4, types NULL, 1-byte int, text of 3; body: 0x2a, 'ABC'.
    const p = Uint8Array.from([4, 0, 1, 19, 0x2a, 0x41, 0x42, 0x43]);
    const types = new Int32Array(8);
    const offs = new Int32Array(8);
    expect(record.parseRecord(p, 0, p.length, types, offs)).toBe(3);
    expect(Array.from(types.subarray(0, 3))).toEqual([0, 1, 19]);
    expect(Array.from(offs.subarray(0, 3))).toEqual([4, 4, 5]);
    expect(record.smallInt(p, 1, 4)).toBe(42);
    // A body that runs past the payload is malformed.
    expect(record.parseRecord(p, 0, p.length - 1, types, offs)).toBe(-1);
    // Negative and wide integers.
    expect(record.smallInt(Uint8Array.from([0xff, 0xfe]), 2, 0)).toBe(-2);
    expect(Number.isNaN(record.smallInt(Uint8Array.from([0, 0, 0, 0, 0, 1]), 5, 0))).toBe(true);
  });
});
