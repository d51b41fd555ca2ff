import path from 'node:path';
import { CrosstabDefinition, type CrosstabVariable } from '../../../shared/crosstab/crosstab-definition';
import { parseVariableSpec } from '../../../shared/crosstab/variable-spec';
import type { CliContext } from '../cli-context';
import { UsageError } from '../cli-context';
import type { CliCommand, OptionValues } from './command';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, openExtractFromOptions } from '../open-extract-option';
import { readRecipeOption } from './recipe-option';
import { reportRelease } from './release-report';

const VARIABLE_HELP =
  'status | sex | decisionYear | applicationYear | kbiTarget | trajectoryStarted | attestationObtained | nt2Level | nationality[:top=N] | ageBand[:0-17,18-64,65+] | area:LEVEL@decision|reference|YYYY-MM-DD[:VINTAGE][:centrumsteden]';

function variable(v: OptionValues, key: 'rows' | 'cols' | 'layers'): CrosstabVariable | null {
  if (typeof v[key] !== 'string') return null;
  const r = parseVariableSpec(v[key] as string);
  if (!r.ok) throw new UsageError({ nl: `--${key}: ${r.error}. Mogelijk: ${VARIABLE_HELP}`, en: `--${key}: ${r.error}. Possible: ${VARIABLE_HELP}` });
  return r.value;
}

/**
 * `crosstab`: rows × columns (× layers) of person-level variables for a cohort, written to
 * .xlsx or .csv through the engine's one release path, exactly as the UI's export.
 */
export const command: CliCommand = {
  name: 'crosstab',
  summary: {
    nl: 'Schrijft een kruistabel (rijen × kolommen, optioneel lagen) na statistische geheimhouding naar .xlsx of .csv.',
    en: 'Writes a cross-tab (rows × columns, optionally layers) after disclosure control to .xlsx or .csv.',
  },
  usage: `${EXTRACT_USAGE} [--recipe COHORT.json] --rows VAR --cols VAR [--layers VAR] --format csv|xlsx --out FILE [--names nl|fr|en]   VAR: ${VARIABLE_HELP}`,
  options: { ...EXTRACT_OPTIONS, recipe: { type: 'string' }, rows: { type: 'string' }, cols: { type: 'string' }, layers: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, names: { type: 'string' } },
  async run(ctx: CliContext, v: OptionValues) {
    const { cohort, crosstab } = readRecipeOption(v.recipe as string | undefined);
    const rows = variable(v, 'rows') ?? crosstab?.rows ?? null;
    const cols = variable(v, 'cols') ?? crosstab?.cols ?? null;
    if (!rows || !cols) throw new UsageError({ nl: 'Geef --rows en --cols (of een recept met een kruistabel).', en: 'Give --rows and --cols (or a recipe with a cross-tab).' });
    const layers = variable(v, 'layers') ?? (typeof v.rows === 'string' ? null : crosstab?.layers ?? null);
    const { format, out, names } = outputOptions(ctx, v);
    await openExtractFromOptions(ctx, v);
    try {
      const r = await ctx.call('export.crosstab', { cohort, subject: { kind: 'crosstab', definition: CrosstabDefinition.parse({ rows, cols, layers }) }, format, path: out, language: names, channel: 'cli' });
      reportRelease(ctx, r);
      return 0;
    } finally {
      await ctx.call('extract.close', {});
    }
  },
};

export function outputOptions(ctx: CliContext, v: OptionValues): { format: 'csv' | 'xlsx'; out: string; names: 'nl' | 'fr' | 'en' } {
  if (typeof v.extract !== 'string') throw new UsageError({ nl: 'Geef --extract.', en: 'Give --extract.' });
  const format = v.format;
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError({ nl: '--format: csv of xlsx.', en: '--format: csv or xlsx.' });
  if (typeof v.out !== 'string') throw new UsageError({ nl: 'Geef --out.', en: 'Give --out.' });
  const names = (v.names as string | undefined) ?? (ctx.lang === 'nl' ? 'nl' : 'en');
  if (names !== 'nl' && names !== 'fr' && names !== 'en') throw new UsageError({ nl: '--names: nl, fr of en.', en: '--names: nl, fr or en.' });
  return { format, out: path.resolve(v.out), names };
}
