import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ExtractSummary } from '../../../shared/api/methods/extract';
import { EXTRACT_SCHEMA, type ExtractTable } from '../../../shared/extract/extract-schema';
import type { ConcreteCipher } from './cipher';
import type { ExtractMeta } from './extract-check';

/**
 * Row counts of every extract table, exact. Tables whose rows were already counted (the
 * index build reads person, protection_decision and residence in full) are not read again;
 * the others are counted with count(*).
 */
export function countRows(
  db: Database,
  onTable?: (index: number, total: number) => void,
  known: Partial<Record<ExtractTable, number>> = {},
): { name: ExtractTable; rows: number }[] {
  return EXTRACT_SCHEMA.map((t, i) => {
    const rows = known[t.name] ?? (db.prepare(`SELECT count(*) FROM ${t.name}`).pluck().get() as number);
    onTable?.(i + 1, EXTRACT_SCHEMA.length);
    return { name: t.name, rows };
  });
}

export function buildSummary(args: {
  filePath: string;
  meta: ExtractMeta;
  fingerprint: string;
  cipher: ConcreteCipher;
  tables: { name: ExtractTable; rows: number }[];
  openMs: number;
}): ExtractSummary {
  return {
    fileName: path.basename(args.filePath),
    extractId: args.meta.extractId,
    source: args.meta.source,
    referenceDate: args.meta.referenceDate,
    schemaVersion: args.meta.schemaVersion,
    nisVintage: args.meta.nisVintage,
    fingerprint: args.fingerprint,
    cipher: args.cipher.preset,
    tables: args.tables,
    persons: args.tables.find((t) => t.name === 'person')?.rows ?? 0,
    openMs: args.openMs,
  };
}
