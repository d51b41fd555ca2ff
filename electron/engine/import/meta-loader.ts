import type { Database } from 'better-sqlite3-multiple-ciphers';
import { NIS_VINTAGES, REQUIRED_META_KEYS } from '../../../shared/extract/extract-schema';
import { parseDate } from './cell-values';
import { readCsv } from './csv-reader';
import type { IssueCollector } from './import-issues';
import { metaStringProblem } from '../extract/extract-strings';

export interface ExtractMeta {
  referenceDate: string | null;
  nisVintage: (typeof NIS_VINTAGES)[number];
}

/**
 * Reads extract_meta.csv first: its reference date bounds every other date and its
 * nis_vintage decides how NIS codes are checked. Dates are stored as ISO.
 */
export async function loadMeta(db: Database, file: string, label: string, issues: IssueCollector, onBytes: (d: number) => void): Promise<ExtractMeta> {
  const meta = new Map<string, { value: string; line: number }>();
  let keyAt = -1;
  let valueAt = -1;
  let last = 0;
  let fieldCount = 0;
  const result = await readCsv(file, {
    header(fields) {
      const names = fields.map((f) => f.trim().toLowerCase());
      keyAt = names.indexOf('key');
      valueAt = names.indexOf('value');
      fieldCount = fields.length;
      if (keyAt === -1) issues.add(label, 1, 'key', 'MISSING_COLUMN');
      if (valueAt === -1) issues.add(label, 1, 'value', 'MISSING_COLUMN');
    },
    record(fields, line) {
      if (keyAt === -1 || valueAt === -1) return;
      if (fields.length !== fieldCount) return issues.add(label, line, '', 'FIELD_COUNT', { found: fields.length, expected: fieldCount });
      const key = (fields[keyAt] ?? '').trim();
      const value = (fields[valueAt] ?? '').trim();
      if (!key) return issues.add(label, line, 'key', 'REQUIRED');
      if (meta.has(key)) return issues.add(label, line, 'key', 'DUPLICATE_KEY', { key: 'key' });
      meta.set(key, { value, line });
    },
    bytes(read) {
      onBytes(read - last);
      last = read;
    },
  });
  if (result.binary) issues.add(label, 1, '', 'NOT_TEXT');
  else if (result.empty) issues.add(label, 1, '', 'EMPTY_FILE');
  if (result.syntaxErrorLine !== null) issues.add(label, result.syntaxErrorLine, '', 'CSV_SYNTAX');

  if (keyAt !== -1 && valueAt !== -1 && !result.empty) {
    for (const key of REQUIRED_META_KEYS) if (!meta.get(key)?.value) issues.add(label, 0, 'value', 'META_MISSING_KEY', { key });
  }
  // Strings printed in every output: plain characters only (never the start of a formula).
  for (const key of ['extract_id', 'source', 'schema_version']) {
    const m = meta.get(key);
    if (m?.value && metaStringProblem(key, m.value)) issues.add(label, m.line, 'value', 'META_BAD_VALUE', { key, expected: 'letters, digits and . _ : / - (starting with a letter or digit)' });
  }
  let referenceDate: string | null = null;
  const ref = meta.get('reference_date');
  if (ref?.value) {
    referenceDate = parseDate(ref.value);
    if (referenceDate === null) issues.add(label, ref.line, 'value', 'META_BAD_VALUE', { key: 'reference_date', expected: 'YYYY-MM-DD' });
    else ref.value = referenceDate;
  }
  let nisVintage: ExtractMeta['nisVintage'] = 'as_recorded';
  const vintage = meta.get('nis_vintage');
  if (vintage?.value) {
    if ((NIS_VINTAGES as readonly string[]).includes(vintage.value)) nisVintage = vintage.value as ExtractMeta['nisVintage'];
    else issues.add(label, vintage.line, 'value', 'META_BAD_VALUE', { key: 'nis_vintage', expected: NIS_VINTAGES.join(', ') });
  }
  const insert = db.prepare('INSERT INTO extract_meta (key, value) VALUES (?, ?)');
  for (const [key, { value }] of meta) insert.run(key, value);
  return { referenceDate, nisVintage };
}
