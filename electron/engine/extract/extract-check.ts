import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { EXTRACT_SCHEMA, NIS_VINTAGES, REQUIRED_META_KEYS } from '../../../shared/extract/extract-schema';
import { AppError } from '../core/app-error';

export type NisVintage = (typeof NIS_VINTAGES)[number];

export interface ExtractMeta {
  extractId: string;
  source: string;
  referenceDate: string;
  schemaVersion: string;
  nisVintage: NisVintage;
}

/** How many missing names the message lists; the detail carries all of them. */
const LISTED = 8;

/**
 * Checks that the file holds every table and column of docs/extract-format.md and the
 * required extract_meta keys. Extra tables and columns are allowed (and ignored).
 * Throws NOT_AN_EXTRACT naming what is missing (schema names only, never data).
 */
export function checkExtractSchema(db: Database, filePath: string): ExtractMeta {
  const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view')").pluck().all() as string[]).map((n) => n.toLowerCase()));
  const columnsOf = db.prepare('SELECT name FROM pragma_table_info(?)').pluck();
  const missingTables: string[] = [];
  const missingColumns: string[] = [];
  for (const table of EXTRACT_SCHEMA) {
    if (!present.has(table.name)) {
      missingTables.push(table.name);
      continue;
    }
    const cols = new Set((columnsOf.all(table.name) as string[]).map((c) => c.toLowerCase()));
    for (const col of table.columns) if (!cols.has(col.name)) missingColumns.push(`${table.name}.${col.name}`);
  }
  if (missingTables.length || missingColumns.length) {
    throw notAnExtract(filePath, { missingTables, missingColumns, missingMeta: [], invalidMeta: [] });
  }

  const meta = new Map<string, string>();
  for (const row of db.prepare('SELECT key, value FROM extract_meta').raw().all() as [unknown, unknown][]) {
    if (typeof row[0] === 'string' && row[1] !== null && row[1] !== undefined) meta.set(row[0], String(row[1]));
  }
  const missingMeta = REQUIRED_META_KEYS.filter((k) => !meta.get(k)?.trim()).map((k) => `extract_meta.${k}`);
  const invalidMeta: string[] = [];
  const referenceDate = meta.get('reference_date') ?? '';
  if (referenceDate && !isIsoDate(referenceDate)) invalidMeta.push('extract_meta.reference_date');
  const vintage = meta.get('nis_vintage') ?? 'as_recorded';
  if (!(NIS_VINTAGES as readonly string[]).includes(vintage)) invalidMeta.push('extract_meta.nis_vintage');
  if (missingMeta.length || invalidMeta.length) throw notAnExtract(filePath, { missingTables, missingColumns, missingMeta, invalidMeta });

  return {
    extractId: meta.get('extract_id')!,
    source: meta.get('source')!,
    referenceDate,
    schemaVersion: meta.get('schema_version')!,
    nisVintage: vintage as NisVintage,
  };
}

interface Missing {
  missingTables: string[];
  missingColumns: string[];
  missingMeta: string[];
  invalidMeta: string[];
}

function notAnExtract(filePath: string, missing: Missing): AppError {
  // The message's one {missing} slot gets schema names, the same in both languages:
  // tables as `residence`, columns as `person.sex`, meta keys as `extract_meta.reference_date`.
  const names = [...missing.missingTables, ...missing.missingColumns, ...missing.missingMeta, ...missing.invalidMeta];
  const listed = names.slice(0, LISTED).join(', ') + (names.length > LISTED ? ` (+${names.length - LISTED})` : '');
  return new AppError('NOT_AN_EXTRACT', { missing: listed, file: path.basename(filePath) }, { ...missing });
}

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
