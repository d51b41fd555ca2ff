import { existsSync, linkSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXTRACT_TABLES, tableSpec, type ExtractTable } from '../../../shared/extract/extract-schema';
import type { ImportIssue } from '../../../shared/api/methods/import';
import { AppError } from '../core/app-error';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ConcreteCipher } from '../extract/cipher';
import { createEncryptedExtract, finishExtract } from '../extract/create-extract';
import { asWriteFailure } from '../extract/write-failure';
import { IssueCollector } from './import-issues';
import { loadMeta } from './meta-loader';
import { refdataNisValidator, type NisValidator } from './nis-validator';
import { PersonIdSet } from './person-id-set';
import { loadTable } from './table-loader';

export interface ImportProgress {
  fraction: number;
  rows: number;
  rowsPerSecond: number;
  stage: string;
}

export interface CsvImportOptions {
  sourceDir: string;
  targetPath: string;
  passphrase: string;
  cipher: ConcreteCipher;
  nis?: NisValidator;
  onProgress?(p: ImportProgress): void;
  /** Milliseconds between progress reports. */
  progressEveryMs?: number;
  /** Told the temp file's path before it is created and after it is gone (leftovers are removed at the next start). */
  onTemp?(temp: string, state: 'creating' | 'gone'): void;
}

export type CsvImportOutcome =
  | { ok: true; targetPath: string; rows: number; rowsPerSecond: number; tables: { name: ExtractTable; rows: number }[] }
  | { ok: false; issues: ImportIssue[]; total: number };

/** The CSV file of a table: `person.csv`, matched case-insensitively. */
function findCsv(dir: string, table: ExtractTable, listing: string[]): string | null {
  const name = listing.find((f) => f.toLowerCase() === `${table}.csv`);
  return name ? path.join(dir, name) : null;
}

/**
 * Turns a folder of CSV files into a new encrypted extract. Writes a temporary ENCRYPTED
 * file in the target folder and renames it at the end; on any validation error the
 * temporary file is deleted and the findings are returned, so no output is left behind.
 * Nothing is written in plaintext (temp_store=MEMORY, journal in memory).
 */
export async function importCsvFolder(opts: CsvImportOptions): Promise<CsvImportOutcome> {
  const target = path.resolve(opts.targetPath);
  if (existsSync(target)) throw new AppError('IMPORT_TARGET_EXISTS', { file: path.basename(target) });
  let listing: string[];
  try {
    listing = readdirSync(opts.sourceDir);
  } catch {
    throw new AppError('FILE_NOT_FOUND', { file: path.basename(opts.sourceDir) });
  }
  const files = new Map<ExtractTable, string>();
  const missing: string[] = [];
  for (const t of EXTRACT_TABLES) {
    const f = findCsv(opts.sourceDir, t, listing);
    if (f) files.set(t, f);
    else missing.push(`${t}.csv`);
  }
  if (missing.length) throw new AppError('IMPORT_SOURCE_MISSING', { file: missing.join(', ') }, { missing });

  const totalBytes = [...files.values()].reduce((s, f) => s + statSync(f).size, 0) || 1;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Date.now()}.importing`);
  const started = Date.now();
  let bytes = 0;
  let rows = 0;
  let stage = 'extract_meta';
  let lastReport = 0;
  const every = opts.progressEveryMs ?? 250;
  const report = (force = false) => {
    const now = Date.now();
    if (!opts.onProgress || (!force && now - lastReport < every)) return;
    lastReport = now;
    const secs = Math.max((now - started) / 1000, 1e-3);
    opts.onProgress({ fraction: Math.min(bytes / totalBytes, 1), rows, rowsPerSecond: rows / secs, stage });
  };
  const onBytes = (d: number) => {
    bytes += d;
    report();
  };
  const issues = new IssueCollector(100);
  const counts: { name: ExtractTable; rows: number }[] = [];
  let done = false;
  let db: Database | undefined;
  let tempIsOurs = true;
  opts.onTemp?.(temp, 'creating');
  try {
    // Inside the guarded region: a failure after the temp file exists still removes it.
    try {
      db = createEncryptedExtract(temp, opts.passphrase, opts.cipher);
    } catch (err) {
      // A temp file of that name that was already there is not ours to delete.
      if (err instanceof AppError && err.code === 'IMPORT_TARGET_EXISTS') tempIsOurs = false;
      throw asWriteFailure(err);
    }
    db.exec('BEGIN');
    const meta = await loadMeta(db, files.get('extract_meta')!, 'extract_meta.csv', issues, onBytes);
    counts.push({ name: 'extract_meta', rows: (db.prepare('SELECT count(*) FROM extract_meta').pluck().get() as number) ?? 0 });
    const opened = db;
    const ctx = {
      db: opened,
      issues,
      persons: new PersonIdSet(),
      personsReadable: true,
      minDate: '1900-01-01',
      maxDate: meta.referenceDate ?? new Date().toISOString().slice(0, 10),
      nisVintage: meta.nisVintage,
      nis: opts.nis ?? refdataNisValidator,
      onBytes,
      onRows: (d: number) => {
        rows += d;
        // Commit regularly so the statement journal stays small.
        if (rows % 100_000 < d) {
          opened.exec('COMMIT');
          opened.exec('BEGIN');
        }
      },
    };
    for (const t of EXTRACT_TABLES) {
      if (t === 'extract_meta') continue;
      stage = t;
      const res = await loadTable(tableSpec(t), files.get(t)!, `${t}.csv`, ctx);
      if (t === 'person' && !res.headerOk) ctx.personsReadable = false;
      counts.push({ name: t, rows: res.rows });
    }
    db.exec('COMMIT');
    if (issues.total > 0) return { ok: false, issues: issues.issues, total: issues.total };
    stage = 'index';
    report(true);
    finishExtract(db);
    db.close();
    publish(temp, target);
    done = true;
    const secs = Math.max((Date.now() - started) / 1000, 1e-3);
    const total = rows + counts[0].rows;
    bytes = totalBytes;
    report(true);
    return { ok: true, targetPath: target, rows: total, rowsPerSecond: total / secs, tables: counts };
  } finally {
    if (db?.open) db.close();
    if (!done && tempIsOurs) rmSync(temp, { force: true });
    opts.onTemp?.(temp, 'gone');
  }
}

/** Moves the finished file to its name without ever overwriting an existing file. */
function publish(temp: string, target: string): void {
  try {
    linkSync(temp, target);
    rmSync(temp);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new AppError('IMPORT_TARGET_EXISTS', { file: path.basename(target) });
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (existsSync(target)) throw new AppError('IMPORT_TARGET_EXISTS', { file: path.basename(target) });
    renameSync(temp, target);
  }
}
