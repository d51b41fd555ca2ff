import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { EXTRACT_SCHEMA, EXTRACT_TABLES, type ExtractTable } from '../../../shared/extract/extract-schema';
import { AppError } from '../core/app-error';
import type { Cell, RowSink } from './person-model';

/** Where generated rows go. `flush()` ends a batch (a transaction for the database). */
export interface ExtractSink extends RowSink {
  flush(): void;
  close(): void;
}

/**
 * Streams rows into an open extract with one prepared INSERT per table, committing every
 * batch: memory stays bounded however many persons are generated.
 */
export class DatabaseSink implements ExtractSink {
  private readonly inserts = new Map<ExtractTable, Statement>();
  private open = false;

  constructor(private readonly db: Database) {
    for (const t of EXTRACT_SCHEMA) {
      const cols = t.columns.map((c) => c.name);
      this.inserts.set(t.name, db.prepare(`INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`));
    }
  }

  row(table: ExtractTable, values: Cell[]): void {
    if (!this.open) {
      this.db.exec('BEGIN');
      this.open = true;
    }
    this.inserts.get(table)!.run(values);
  }

  flush(): void {
    if (this.open) this.db.exec('COMMIT');
    this.open = false;
  }

  close(): void {
    this.flush();
  }
}

export interface CsvSinkOptions {
  delimiter?: ',' | ';';
  /** 'dmy' writes dd/mm/yyyy, as Excel in a Belgian locale would. */
  dateFormat?: 'iso' | 'dmy';
  lineEnding?: '\n' | '\r\n';
}

/**
 * Writes one CSV file per table (person.csv, …) into a folder, for import tests and the
 * import benchmark. Synthetic data only; real extracts never leave the encrypted file.
 */
export class CsvSink implements ExtractSink {
  private readonly fds = new Map<ExtractTable, number>();
  private readonly buffers = new Map<ExtractTable, string[]>();
  private readonly dateColumns = new Map<ExtractTable, boolean[]>();
  private buffered = 0;
  private readonly delimiter: string;
  private readonly eol: string;

  constructor(
    dir: string,
    private readonly options: CsvSinkOptions = {},
  ) {
    this.delimiter = options.delimiter ?? ',';
    this.eol = options.lineEnding ?? '\n';
    mkdirSync(dir, { recursive: true });
    for (const t of EXTRACT_SCHEMA) {
      const file = path.join(dir, `${t.name}.csv`);
      let fd: number;
      try {
        fd = openSync(file, 'wx');
      } catch (err) {
        for (const open of this.fds.values()) closeSync(open);
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('IMPORT_TARGET_EXISTS', { file: path.basename(file) });
        throw new AppError('WRITE_FAILED', { reason: (err as NodeJS.ErrnoException).code ?? 'io' });
      }
      this.fds.set(t.name, fd);
      this.buffers.set(t.name, [t.columns.map((c) => c.name).join(this.delimiter)]);
      this.dateColumns.set(t.name, t.columns.map((c) => c.type === 'date'));
    }
  }

  row(table: ExtractTable, values: Cell[]): void {
    const dates = this.dateColumns.get(table)!;
    const cells = values.map((v, i) => {
      if (v === null) return '';
      let s = String(v);
      if (dates[i] && this.options.dateFormat === 'dmy') s = `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
      return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    });
    this.buffers.get(table)!.push(cells.join(this.delimiter));
    if (++this.buffered >= 20_000) this.flush();
  }

  flush(): void {
    for (const t of EXTRACT_TABLES) {
      const lines = this.buffers.get(t)!;
      if (lines.length === 0) continue;
      writeSync(this.fds.get(t)!, lines.join(this.eol) + this.eol);
      lines.length = 0;
    }
    this.buffered = 0;
  }

  close(): void {
    this.flush();
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/** Sends every row to several sinks (e.g. the encrypted extract and a CSV folder). */
export class TeeSink implements ExtractSink {
  constructor(private readonly sinks: ExtractSink[]) {}
  row(table: ExtractTable, values: Cell[]): void {
    for (const s of this.sinks) s.row(table, values);
  }
  flush(): void {
    for (const s of this.sinks) s.flush();
  }
  close(): void {
    for (const s of this.sinks) s.close();
  }
}
