import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * Reads the bundled REFNIS reference data (resources/refdata, see its SOURCES.md).
 * The files are public reference data, not microdata. Loaded once per process.
 */
export type CsvRow = Record<string, string>;

let refdataDirOverride: string | null = null;

/** The engine sets this from its config (resourcesDir/refdata); tools and tests fall back to a search. */
export function setRefdataDir(dir: string): void {
  refdataDirOverride = dir;
}

const PROBE = 'municipalities_2019_2024.csv';

/** resources/refdata next to the source tree or the bundle (dist/electron → ../../resources). */
export function refdataDir(): string {
  if (refdataDirOverride && existsSync(path.join(refdataDirOverride, PROBE))) return refdataDirOverride;
  const starts = [typeof __dirname === 'string' ? __dirname : '', process.cwd(), process.resourcesPath ?? ''].filter(Boolean);
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 6; i++) {
      for (const candidate of [path.join(dir, 'resources', 'refdata'), path.join(dir, 'refdata')]) {
        if (existsSync(path.join(candidate, PROBE))) return candidate;
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('reference data folder resources/refdata not found');
}

export function readRefCsv(file: string): CsvRow[] {
  const text = readFileSync(path.join(refdataDir(), file), 'utf8');
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as CsvRow[];
}
