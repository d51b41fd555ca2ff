import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { EXTRACT_TABLES, type ExtractTable } from '../../../shared/extract/extract-schema';
import { AppError } from '../core/app-error';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ConcreteCipher } from '../extract/cipher';
import { createEncryptedExtract, finishExtract } from '../extract/create-extract';
import { asWriteFailure } from '../extract/write-failure';
import { isoToDay } from './day';
import { generatorGeo } from './geo-tables';
import { buildTables, generatePerson, type Cell, type ModelContext } from './person-model';
import { WeightedTable } from './prng';
import { applicationMonthWeight } from './profile';
import { CsvSink, DatabaseSink, TeeSink, type CsvSinkOptions, type ExtractSink } from './sinks';

export interface SyntheticOptions {
  persons: number;
  seed: number;
  /** Extraction date; default 2018-01-27 (all codes then are 2014-vintage). A later date yields post-2019 codes for later records. */
  referenceDate?: string;
  /** Persons per transaction. */
  batchPersons?: number;
  onProgress?(personsDone: number, persons: number): void;
}

export const DEFAULT_REFERENCE_DATE = '2018-01-27';
export const SYNTHETIC_SCHEMA_VERSION = '1';

export function syntheticMeta(opts: SyntheticOptions): Record<string, string> {
  return {
    extract_id: `synthetic-${opts.seed}-${opts.persons}`,
    source: 'synthetic',
    reference_date: opts.referenceDate ?? DEFAULT_REFERENCE_DATE,
    schema_version: SYNTHETIC_SCHEMA_VERSION,
    nis_vintage: 'as_recorded',
    seed: String(opts.seed),
    persons: String(opts.persons),
  };
}

function modelContext(opts: SyntheticOptions): ModelContext {
  const referenceDate = opts.referenceDate ?? DEFAULT_REFERENCE_DATE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) || referenceDate < '2014-02-01') throw new Error('reference date must be ISO and after January 2014');
  const referenceDay = isoToDay(referenceDate);
  const months: [number, number][] = [];
  for (let y = 2014; y <= 2018; y++) {
    for (let m = 1; m <= 12; m++) {
      if (y === 2018 && m > 1) break;
      const start = isoToDay(`${y}-${String(m).padStart(2, '0')}-01`);
      if (start < referenceDay) months.push([start, applicationMonthWeight(y, m)]);
    }
  }
  return {
    seed: opts.seed >>> 0,
    geo: generatorGeo(),
    referenceDay,
    applicationMonths: new WeightedTable(months),
    lastApplicationDay: Math.min(isoToDay('2018-01-26'), referenceDay - 1),
    tables: buildTables(),
  };
}

/** Generates the whole extract into a sink, person by person. Returns the row count per table. */
export function generateSynthetic(sink: ExtractSink, opts: SyntheticOptions): Record<ExtractTable, number> {
  const ctx = modelContext(opts);
  const counts = Object.fromEntries(EXTRACT_TABLES.map((t) => [t, 0])) as Record<ExtractTable, number>;
  const counting: ExtractSink = {
    row(table: ExtractTable, values: Cell[]) {
      counts[table]++;
      sink.row(table, values);
    },
    flush: () => sink.flush(),
    close: () => sink.close(),
  };
  for (const [key, value] of Object.entries(syntheticMeta(opts))) counting.row('extract_meta', [key, value]);
  const batch = opts.batchPersons ?? 5000;
  for (let i = 0; i < opts.persons; i++) {
    generatePerson(i, ctx, counting);
    if ((i + 1) % batch === 0) {
      counting.flush();
      opts.onProgress?.(i + 1, opts.persons);
    }
  }
  counting.flush();
  opts.onProgress?.(opts.persons, opts.persons);
  return counts;
}

export interface WriteSyntheticOptions extends SyntheticOptions {
  /** Also write the same rows as CSV files into this folder. */
  csvDir?: string;
  csv?: CsvSinkOptions;
  /** Replace an existing target (demo:regenerate only); otherwise an existing target is refused. */
  replace?: boolean;
}

/**
 * Writes a synthetic ENCRYPTED extract: into a temporary file beside the target, renamed at
 * the end, so a failed run leaves nothing behind.
 */
export function writeSyntheticExtract(
  targetPath: string,
  passphrase: string,
  cipher: ConcreteCipher,
  opts: WriteSyntheticOptions,
): Record<ExtractTable, number> {
  const target = path.resolve(targetPath);
  if (!opts.replace && existsSync(target)) throw new AppError('IMPORT_TARGET_EXISTS', { file: path.basename(target) });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.generating`);
  let db: Database.Database | undefined;
  let tempIsOurs = true;
  let csv: CsvSink | null = null;
  try {
    // Inside the guarded region: a failure after the temp file exists still removes it.
    try {
      db = createEncryptedExtract(temp, passphrase, cipher);
    } catch (err) {
      // A temp file of that name that was already there is not ours to delete.
      if (err instanceof AppError && err.code === 'IMPORT_TARGET_EXISTS') tempIsOurs = false;
      throw asWriteFailure(err);
    }
    csv = opts.csvDir ? new CsvSink(opts.csvDir, opts.csv) : null;
    const dbSink = new DatabaseSink(db);
    const counts = generateSynthetic(csv ? new TeeSink([dbSink, csv]) : dbSink, opts);
    csv?.close();
    csv = null;
    finishExtract(db);
    db.close();
    if (opts.replace) renameSync(temp, target);
    else {
      // link() fails when the target appeared meanwhile: never overwrite.
      linkSync(temp, target);
      rmSync(temp);
    }
    return counts;
  } catch (err) {
    csv?.close();
    if (db?.open) db.close();
    if (tempIsOurs) rmSync(temp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('IMPORT_TARGET_EXISTS', { file: path.basename(target) });
    throw err;
  }
}

/** Writes only the CSV folder (no database): import tests and the import benchmark. */
export function writeSyntheticCsv(dir: string, opts: SyntheticOptions, csv: CsvSinkOptions = {}): Record<ExtractTable, number> {
  const sink = new CsvSink(dir, csv);
  try {
    return generateSynthetic(sink, opts);
  } finally {
    sink.close();
  }
}

