import { CohortDefinition, type GeoFilter } from '../../../../shared/cohort/cohort-definition';
import type { AreaLevel, Vintage } from '../../../../shared/geo/area-level';

/**
 * Pure editing helpers for the cohort builder. Every edit returns a new definition that
 * still passes the contract's schema, so what the live count shows is what gets saved.
 */
export type Definition = CohortDefinition;

export const EMPTY_COHORT: Definition = CohortDefinition.parse({});

/** Sets or clears the geography filter at the decision or on the reference date. */
export function withGeoLevel(def: Definition, which: 'geoAtDecision' | 'geoAtReference', level: AreaLevel | null, vintage: Vintage): Definition {
  if (level === null) return { ...def, [which]: null };
  const current = def[which];
  // Codes belong to a level and vintage: changing either empties the selection.
  const keep = current && current.level === level && current.vintage === vintage ? current.codes : [];
  const geo: GeoFilter = { level, vintage, codes: keep };
  return { ...def, [which]: geo };
}

export function withGeoCodes(def: Definition, which: 'geoAtDecision' | 'geoAtReference', codes: string[]): Definition {
  const current = def[which];
  if (!current) return def;
  return { ...def, [which]: { ...current, codes } };
}

/** A custom age range typed as two fields; null when either is empty, 'invalid' when it makes no sense. */
export function parseAgeRange(min: string, max: string): { min: number; max: number } | null | 'invalid' {
  if (min.trim() === '' && max.trim() === '') return null;
  const lo = min.trim() === '' ? 0 : Number(min);
  const hi = max.trim() === '' ? 120 : Number(max);
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi > 120 || lo > hi) return 'invalid';
  return { min: lo, max: hi };
}

/** A date range from two date inputs (YYYY-MM-DD or empty); 'invalid' when from is after to. */
export function parseDateRange(from: string, to: string): { from: string | null; to: string | null } | null | 'invalid' {
  const f = from.trim() === '' ? null : from.trim();
  const t = to.trim() === '' ? null : to.trim();
  if (f === null && t === null) return null;
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if ((f !== null && !iso.test(f)) || (t !== null && !iso.test(t))) return 'invalid';
  if (f !== null && t !== null && f > t) return 'invalid';
  return { from: f, to: t };
}

/** Tri-state select value ↔ boolean | null. */
export const triToValue = (v: string): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);
export const valueToTri = (v: boolean | null): '' | 'yes' | 'no' => (v === true ? 'yes' : v === false ? 'no' : '');

/** Number of restricted fields: shown beside the count so an analyst sees how narrow the cohort is. */
export function activeFilterCount(def: Definition): number {
  const lists = [def.status, def.decisionYears, def.applicationYears, def.nationalities, def.sexes, def.ageBands, def.kbiTargetStatus, def.nt2Reached];
  let n = lists.filter((l) => l.length > 0).length;
  for (const v of [def.decisionDate, def.ageRange, def.trajectoryStarted, def.attestationObtained]) if (v !== null) n += 1;
  for (const g of [def.geoAtDecision, def.geoAtReference]) if (g && g.codes.length > 0) n += 1;
  return n;
}

/** Stable comparison of two definitions (key order does not matter). */
export function sameDefinition(a: Definition, b: Definition): boolean {
  return canonical(a) === canonical(b);
}
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y))) : v,
  );

/** A file name for a downloaded recipe: the cohort's name without characters file systems refuse. */
export function recipeFileName(name: string): string {
  const printable = [...name.normalize('NFKC')].map((ch) => (ch.charCodeAt(0) < 32 ? '_' : ch)).join('');
  const safe = printable
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80);
  return `${safe === '' ? 'cohort' : safe}.cohort.json`;
}

/** Years for the pick lists when the engine cannot list them yet. */
export function fallbackYears(now = new Date()): number[] {
  const last = now.getUTCFullYear();
  const years: number[] = [];
  for (let y = 2010; y <= last; y++) years.push(y);
  return years;
}
