import type { Vintage } from '../../../shared/geo/area-level';
import { readRefCsv } from './refdata';

/**
 * Is a municipality NIS code valid on a date, or in a vintage? Used by the generator and
 * the import check. Backed by refnis_timeline_2014_2025.csv (level 4 records with
 * valid_from/valid_to) and the three municipality lists.
 */
interface Validity {
  timeline: Map<string, { from: string; to: string }[]>;
  vintages: Record<Vintage, Set<string>>;
}

let cached: Validity | null = null;

const VINTAGE_FILES: Record<Vintage, string> = {
  '2014': 'municipalities_2014_2018.csv',
  '2019': 'municipalities_2019_2024.csv',
  '2025': 'municipalities_2025.csv',
};

function load(): Validity {
  if (cached) return cached;
  const timeline = new Map<string, { from: string; to: string }[]>();
  for (const row of readRefCsv('refnis_timeline_2014_2025.csv')) {
    if (row.level !== '4') continue;
    const list = timeline.get(row.nis_code) ?? [];
    list.push({ from: row.valid_from, to: row.valid_to });
    timeline.set(row.nis_code, list);
  }
  const vintages = {} as Record<Vintage, Set<string>>;
  for (const [v, file] of Object.entries(VINTAGE_FILES) as [Vintage, string][]) {
    vintages[v] = new Set(readRefCsv(file).map((r) => r.nis_code));
  }
  cached = { timeline, vintages };
  return cached;
}

/** True when `code` is a municipality code valid on `isoDate` (YYYY-MM-DD, 2014 or later). */
export function isValidOn(code: string, isoDate: string): boolean {
  const records = load().timeline.get(code);
  return !!records && records.some((r) => r.from <= isoDate && isoDate <= r.to);
}

/** The periods (ISO dates, inclusive) in which `code` was a municipality; empty for an unknown code. */
export function validPeriods(code: string): readonly { from: string; to: string }[] {
  return load().timeline.get(code) ?? [];
}

/** True when `code` is one of the municipalities of the vintage (589 / 581 / 565). */
export function isValidInVintage(code: string, vintage: Vintage): boolean {
  return load().vintages[vintage].has(code);
}

/** The vintage whose period contains the date: before 2019 → 2014, 2019–2024 → 2019, from 2025 → 2025. */
export function vintageOfDate(isoDate: string): Vintage {
  if (isoDate < '2019-01-01') return '2014';
  if (isoDate < '2025-01-01') return '2019';
  return '2025';
}

/** Municipality codes of a vintage (for generators: pick valid codes). */
export function municipalityCodes(vintage: Vintage): string[] {
  return [...load().vintages[vintage]];
}
