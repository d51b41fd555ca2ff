import { AGE_BANDS, CohortDefinition, ProtectionStatus, type CohortDefinitionInput } from '../../../shared/cohort/cohort-definition';
import { SEXES } from '../../../shared/extract/extract-schema';
import { AreaLevel, Vintage } from '../../../shared/geo/area-level';
import { MatrixDefinition, MatrixKind, type MatrixDefinitionInput } from '../../../shared/matrix/matrix-definition';
import { CellMeasure } from '../../../shared/disclosure/percent-table';
import { describeIssue } from '../../engine/core/dispatch';
import { cliFailure, UsageError } from '../cli-context';
import type { OptionSpec, OptionValues } from './command';

/**
 * The matrix view's choices as flags: the definition (follow-up window, period, explicit dates)
 * and the cohort filters. Flags only say what the analyst chose; the shared zod schemas
 * (CohortDefinition, MatrixDefinition) then validate exactly as the API does, with the same
 * INVALID_REQUEST code and message, and the engine checks the dates (MATRIX_DATES_*).
 */
export const MATRIX_FLAG_OPTIONS: Record<string, OptionSpec> = {
  'follow-up-months': { type: 'string' },
  period: { type: 'string' },
  'origin-date': { type: 'string' },
  'destination-date': { type: 'string' },
  status: { type: 'string' },
  'decision-years': { type: 'string' },
  'decision-from': { type: 'string' },
  'decision-to': { type: 'string' },
  nationality: { type: 'string' },
  sex: { type: 'string' },
  age: { type: 'string' },
  'area-at-decision': { type: 'string' },
  'area-at-reference': { type: 'string' },
};

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const usage = (flag: string, nl: string, en: string) => new UsageError({ nl: `${flag}: ${nl}`, en: `${flag}: ${en}` });

const str = (v: OptionValues, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);

/** "2015,2016" or "2015-2017" (inclusive). */
function years(text: string): number[] {
  const range = /^(\d{4})-(\d{4})$/.exec(text.trim());
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (b < a || b - a > 49) throw usage('--decision-years', 'een bereik van hoogstens 50 jaar, begin vóór einde (bv. 2015-2017).', 'a range of at most 50 years, start before end (e.g. 2015-2017).');
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  return list(text).map((y) => {
    if (!/^\d{4}$/.test(y)) throw usage('--decision-years', 'jaren als 2015,2016 of 2015-2017.', 'years as 2015,2016 or 2015-2017.');
    return Number(y);
  });
}

/** "LEVEL:CODE,CODE" for a geography filter, in the matrix's vintage. */
function area(flag: string, text: string, vintage: string): CohortDefinitionInput['geoAtDecision'] {
  const m = /^([a-z]+):(.+)$/.exec(text.trim());
  const level = m ? AreaLevel.safeParse(m[1]) : null;
  if (!m || !level?.success) throw usage(flag, `NIVEAU:CODE[,CODE…] met NIVEAU ${AreaLevel.options.join(', ')} (bv. province:10000,40000).`, `LEVEL:CODE[,CODE…] with LEVEL ${AreaLevel.options.join(', ')} (e.g. province:10000,40000).`);
  return { level: level.data, vintage: vintage as Vintage, codes: list(m[2]) };
}

/**
 * The cohort: the recipe's (or everyone granted protection), with each field given as a flag
 * replacing that field. Validated with the API's schema.
 */
export function cohortFromFlags(base: CohortDefinitionInput, v: OptionValues, vintage: string): CohortDefinition {
  const c: CohortDefinitionInput = { ...base };
  const status = str(v, 'status');
  if (status !== undefined) c.status = list(status.toUpperCase()) as ProtectionStatus[];
  const dy = str(v, 'decision-years');
  if (dy !== undefined) c.decisionYears = years(dy);
  const from = str(v, 'decision-from');
  const to = str(v, 'decision-to');
  if (from !== undefined || to !== undefined) c.decisionDate = { from: from ?? null, to: to ?? null };
  const nat = str(v, 'nationality');
  if (nat !== undefined) c.nationalities = list(nat.toUpperCase());
  const sex = str(v, 'sex');
  if (sex !== undefined) c.sexes = list(sex.toUpperCase()) as (typeof SEXES)[number][];
  const age = str(v, 'age');
  if (age !== undefined) {
    const range = /^(\d{1,3})\.\.(\d{1,3})$/.exec(age.trim());
    if (range) c.ageRange = { min: Number(range[1]), max: Number(range[2]) };
    else c.ageBands = list(age) as (typeof AGE_BANDS)[number][];
  }
  const atDecision = str(v, 'area-at-decision');
  if (atDecision !== undefined) c.geoAtDecision = area('--area-at-decision', atDecision, vintage);
  const atReference = str(v, 'area-at-reference');
  if (atReference !== undefined) c.geoAtReference = area('--area-at-reference', atReference, vintage);
  const parsed = CohortDefinition.safeParse(c);
  if (!parsed.success) throw cliFailure('INVALID_REQUEST', { issue: `cohort.${describeIssue(parsed.error)}` });
  return parsed.data;
}

/** The definition from --definition, --level, --vintage and the date flags, validated with the API's schema. */
export function definitionFromFlags(v: OptionValues): MatrixDefinition {
  const need = (k: string) => {
    if (typeof v[k] !== 'string') throw new UsageError({ nl: `Geef --${k}.`, en: `Give --${k}.` });
    return v[k] as string;
  };
  const kind = MatrixKind.safeParse(need('definition'));
  if (!kind.success) throw usage('--definition', `${MatrixKind.options.join(', ')}.`, `${MatrixKind.options.join(', ')}.`);
  const level = AreaLevel.safeParse(need('level'));
  if (!level.success) throw usage('--level', `${AreaLevel.options.join(', ')}.`, `${AreaLevel.options.join(', ')}.`);
  const vintage = Vintage.safeParse(str(v, 'vintage') ?? '2019');
  if (!vintage.success) throw usage('--vintage', `${Vintage.options.join(', ')}.`, `${Vintage.options.join(', ')}.`);
  const d: MatrixDefinitionInput = { kind: kind.data, level: level.data, vintage: vintage.data };
  const months = str(v, 'follow-up-months');
  if (months !== undefined) {
    if (!/^\d{1,4}$/.test(months)) throw usage('--follow-up-months', 'een geheel aantal maanden (1–240).', 'a whole number of months (1–240).');
    d.followUpMonths = Number(months);
  }
  const period = str(v, 'period');
  if (period !== undefined) {
    const m = /^(.+)\.\.(.+)$/.exec(period);
    if (!m) throw usage('--period', 'VAN..TOT, bv. 2016-01-01..2016-12-31.', 'FROM..TO, e.g. 2016-01-01..2016-12-31.');
    d.period = { from: m[1], to: m[2] };
  }
  if (str(v, 'origin-date') !== undefined) d.originDate = str(v, 'origin-date');
  if (str(v, 'destination-date') !== undefined) d.destinationDate = str(v, 'destination-date');
  const parsed = MatrixDefinition.safeParse(d);
  if (!parsed.success) throw cliFailure('INVALID_REQUEST', { issue: `definition.${describeIssue(parsed.error)}` });
  return parsed.data;
}

export function measureFromFlag(v: OptionValues): CellMeasure {
  const measure = CellMeasure.safeParse(str(v, 'measure') ?? 'counts');
  if (!measure.success) throw usage('--measure', `${CellMeasure.options.join(', ')}.`, `${CellMeasure.options.join(', ')}.`);
  return measure.data;
}

/** The help of `matrix`: every option with every value it takes, from the shared enums. */
export function matrixHelpLines(lang: 'nl' | 'en'): string[] {
  const nl = lang === 'nl';
  const rows: [string, string][] = [
    ['--definition', MatrixKind.options.join(' | ')],
    ['--level', AreaLevel.options.join(' | ')],
    ['--vintage', `${Vintage.options.join(' | ')} (${nl ? 'standaard' : 'default'} 2019)`],
    ['--follow-up-months N', nl ? '1–240: vaste opvolgtermijn na de beslissing' : '1–240: fixed follow-up window after the decision'],
    ['--period FROM..TO', nl ? 'all-moves: verhuizingen van FROM tot en met TO (JJJJ-MM-DD)' : 'all-moves: moves from FROM to TO inclusive (YYYY-MM-DD)'],
    ['--origin-date DATE', nl ? 'state: herkomst op deze datum i.p.v. de beslissing' : 'state: origin on this date instead of the decision'],
    ['--destination-date DATE', nl ? 'state: bestemming op deze datum i.p.v. de referentiedatum' : 'state: destination on this date instead of the reference date'],
    ['--status', `${ProtectionStatus.options.join(',')} (${nl ? 'komma-lijst' : 'comma list'})`],
    ['--decision-years', nl ? '2015,2016 of 2015-2017' : '2015,2016 or 2015-2017'],
    ['--decision-from DATE, --decision-to DATE', nl ? 'beslissingsdatum vanaf / tot en met' : 'decision date from / up to and including'],
    ['--nationality', nl ? 'ISO 3166 alpha-3-codes, STATELESS, UNKNOWN (komma-lijst)' : 'ISO 3166 alpha-3 codes, STATELESS, UNKNOWN (comma list)'],
    ['--sex', SEXES.join(',')],
    ['--age', `${AGE_BANDS.join(',')} ${nl ? 'of MIN..MAX (leeftijd bij de beslissing)' : 'or MIN..MAX (age at the decision)'}`],
    ['--area-at-decision LEVEL:CODES', nl ? `LEVEL ${AreaLevel.options.join(' | ')}; CODES NIS-codes met komma's, in de gekozen --vintage (bv. province:10000,40000)` : `LEVEL ${AreaLevel.options.join(' | ')}; CODES comma-separated NIS codes in the chosen --vintage (e.g. province:10000,40000)`],
    ['--area-at-reference LEVEL:CODES', nl ? 'idem, woonplaats op de referentiedatum; ook ABROAD, RADIATED, DECEASED, UNKNOWN' : 'the same, residence on the reference date; also ABROAD, RADIATED, DECEASED, UNKNOWN'],
    ['--recipe FILE', nl ? 'cohortrecept (.cohort.json); een filtervlag vervangt dat veld van het recept' : 'cohort recipe (.cohort.json); a filter flag replaces that field of the recipe'],
    ['--format', 'csv | xlsx'],
    ['--out FILE, --overwrite', nl ? 'doelbestand; --overwrite vervangt een bestaand bestand' : 'target file; --overwrite replaces an existing file'],
    ['--names', 'nl | fr | en'],
    ['--measure', CellMeasure.options.join(' | ')],
  ];
  return rows.map(([flag, values]) => `  ${flag.padEnd(42)} ${values}`);
}
