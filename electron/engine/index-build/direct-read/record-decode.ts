/**
 * SQLite records (https://www.sqlite.org/fileformat2.html#record_format) and the canonical
 * value shapes of an extract, read from bytes without creating strings. Anything that is
 * not a canonical shape returns a "no" (-1 / false) and the caller leaves that row to
 * SQLite. Self-contained factory so the worker runs the same source.
 */
export function recordModule() {
  /** Length of the last varint read. */
  let vlen = 0;

  /** A varint at `at`, as a number; -1 for values beyond 2^53 (9-byte varints: negative or huge). */
  function varint(p: Uint8Array, at: number): number {
    let v = 0;
    for (let i = 0; i < 8; i++) {
      const b = p[at + i];
      v = v * 128 + (b & 0x7f);
      if (b < 0x80) {
        vlen = i + 1;
        return v <= Number.MAX_SAFE_INTEGER ? v : -1;
      }
    }
    vlen = 9;
    return -1;
  }
  const lastLength = () => vlen;

  /**
   * Parses the record header of a payload at `at` (`len` bytes, all local): serial type and
   * body offset per column into `types`/`offs`. Returns the column count, or -1 when the
   * record is malformed or has more columns than `types` holds.
   */
  function parseRecord(p: Uint8Array, at: number, len: number, types: Int32Array, offs: Int32Array): number {
    let h = p[at];
    let i = at + 1;
    if (h >= 0x80) {
      h = varint(p, at);
      i = at + vlen;
    }
    if (h < 1 || h > len) return -1;
    const end = at + h;
    let body = end;
    let n = 0;
    while (i < end) {
      if (n >= types.length) return -1;
      // Serial types below 128 (all but long text and blobs) are one byte.
      let t = p[i];
      if (t < 0x80) i++;
      else {
        t = varint(p, i);
        if (t < 0) return -1;
        i += vlen;
      }
      if (t === 10 || t === 11) return -1;
      types[n] = t;
      offs[n] = body;
      // Body size of the serial type: text/blob length, integer widths, 8 for a REAL, 0 for NULL/0/1.
      body += t >= 12 ? (t - 12) >> 1 : t <= 4 ? t : t === 5 ? 6 : t === 6 || t === 7 ? 8 : 0;
      n++;
    }
    if (i !== end || body > at + len) return -1;
    return n;
  }

  /** An integer serial type up to 4 bytes (or 0/1): its value; NaN for any other type. */
  function smallInt(p: Uint8Array, t: number, at: number): number {
    switch (t) {
      case 1:
        return (p[at] << 24) >> 24;
      case 2:
        return (((p[at] << 8) | p[at + 1]) << 16) >> 16;
      case 3:
        return (((p[at] << 16) | (p[at + 1] << 8) | p[at + 2]) << 8) >> 8;
      case 4:
        return (p[at] << 24) | (p[at + 1] << 16) | (p[at + 2] << 8) | p[at + 3];
      case 8:
        return 0;
      case 9:
        return 1;
      default:
        return NaN;
    }
  }

  const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  /** Days before month m (1-based) in a common year. */
  const BEFORE = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

  /**
   * A text value exactly 'YYYY-MM-DD' (a real calendar date) as days since 0000-01-01
   * (= julianday − 1721059.5, SQLite's proleptic Gregorian calendar); -1 otherwise.
   */
  function isoDay(p: Uint8Array, t: number, at: number): number {
    if (t !== 13 + 2 * 10 || p[at + 4] !== 0x2d || p[at + 7] !== 0x2d) return -1;
    const y0 = p[at] - 0x30;
    const y1 = p[at + 1] - 0x30;
    const y2 = p[at + 2] - 0x30;
    const y3 = p[at + 3] - 0x30;
    const m0 = p[at + 5] - 0x30;
    const m1 = p[at + 6] - 0x30;
    const d0 = p[at + 8] - 0x30;
    const d1 = p[at + 9] - 0x30;
    // Every one a digit: (x >>> 0) <= 9 rejects the negatives too.
    if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return -1;
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const m = m0 * 10 + m1;
    const d = d0 * 10 + d1;
    if (m < 1 || m > 12 || d < 1) return -1;
    const leap = (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0);
    if (d > (m === 2 && leap ? 29 : DAYS[m - 1])) return -1;
    // Days from 0000-01-01: whole years before y (year 0 is a leap year), months, days.
    const py = y - 1;
    const yearDays = y === 0 ? 0 : 365 * y + ((py / 4) | 0) - ((py / 100) | 0) + ((py / 400) | 0) + 1;
    return yearDays + BEFORE[m] + (m > 2 && leap ? 1 : 0) + d - 1;
  }

  /** Text serial type whose bytes equal `word` (ASCII codes). */
  function textIs(p: Uint8Array, t: number, at: number, word: Uint8Array): boolean {
    if (t !== 13 + 2 * word.length) return false;
    for (let i = 0; i < word.length; i++) if (p[at + i] !== word[i]) return false;
    return true;
  }

  /** Text without a 0 byte (SQLite's GLOB stops at one; such values go to SQLite). */
  function isCleanText(p: Uint8Array, t: number, at: number): boolean {
    if (t < 13 || (t & 1) === 0) return false;
    const end = at + ((t - 13) >> 1);
    for (let i = at; i < end; i++) if (p[i] === 0) return false;
    return true;
  }

  return { varint, lastLength, parseRecord, smallInt, isoDay, textIs, isCleanText };
}
