import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { EXTRACT_SCHEMA } from '../../shared/extract/extract-schema';
import { writeSyntheticCsv } from '../../electron/engine/synthetic/generate-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';
import { tempDir } from './csv-fixture';
import { PASS, openImported } from './import-run';

/** A generated folder (dd/mm/yyyy dates, semicolons, CRLF: the Excel way) imported through the engine. */
describe('import of a generated CSV folder', () => {
  let te: TestEngine;
  let source: string;
  let target: string;
  const progress: { fraction: number | null; rows?: number }[] = [];
  const tempHeaders: string[] = [];

  beforeAll(async () => {
    source = path.join(tempDir('vv-gen-'), 'csv');
    writeSyntheticCsv(source, { persons: 3000, seed: 7 }, { delimiter: ';', dateFormat: 'dmy', lineEnding: '\r\n' });
    te = makeTestEngine();
    const targetDir = tempDir('vv-target-');
    target = path.join(targetDir, 'imported.db');
    te.engine.onEvent((e) => {
      if (e.type !== 'progress' || e.task !== 'import') return;
      progress.push({ fraction: e.fraction, rows: e.rows });
      // While the import runs, whatever is in the target folder must already be encrypted.
      for (const f of readdirSync(targetDir)) {
        const fd = openSync(path.join(targetDir, f), 'r');
        const head = Buffer.alloc(16);
        readSync(fd, head, 0, 16, 0);
        closeSync(fd);
        tempHeaders.push(head.toString('latin1'));
      }
    });
    const r = await te.call('import.fromCsv', { sourceDir: source, targetPath: target, passphrase: PASS });
    if (!r.ok) throw new Error(r.error.code);
  });
  afterAll(() => te.dispose());

  it('opens with extract.open and reports the same row counts as the CSV files', async () => {
    const summary = await te.value('extract.open', { path: target, passphrase: PASS });
    for (const t of summary.tables) {
      const lines = parse(readFileSync(path.join(source, `${t.name}.csv`)), { delimiter: ';' }) as string[][];
      expect([t.name, t.rows]).toEqual([t.name, lines.length - 1]);
    }
    expect(summary.referenceDate).toBe('2018-01-27');
    expect(summary.cipher).toBe('sqlcipher4');
    await te.value('extract.close', {});
  });

  it('holds exactly the CSV contents, dates converted to ISO', () => {
    const db = openImported(target);
    for (const spec of EXTRACT_SCHEMA) {
      const [header, ...rows] = parse(readFileSync(path.join(source, `${spec.name}.csv`)), { delimiter: ';' }) as string[][];
      const toStored = (v: string, i: number) => {
        if (v === '') return null;
        const col = spec.columns.find((c) => c.name === header[i])!;
        if (col.type === 'int') return Number(v);
        if (col.type === 'date') return `${v.slice(6, 10)}-${v.slice(3, 5)}-${v.slice(0, 2)}`;
        return v;
      };
      const expected = rows.map((r) => r.map(toStored)).map((r) => JSON.stringify(r)).sort();
      const actual = (db.prepare(`SELECT ${header.join(', ')} FROM ${spec.name}`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      expect(actual.length).toBe(expected.length);
      expect(actual).toEqual(expected);
    }
    db.close();
  });

  it('reported progress by bytes, ending at 1, and never showed a plaintext file', () => {
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.fraction).toBe(1);
    const fractions = progress.map((p) => p.fraction ?? 0);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(tempHeaders.length).toBeGreaterThan(0);
    expect(tempHeaders.filter((h) => h.startsWith('SQLite format 3'))).toEqual([]);
  });
});
