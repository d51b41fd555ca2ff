import { ProfileOptions } from '../../../shared/crosstab/crosstab-definition';
import type { CliContext } from '../cli-context';
import { UsageError } from '../cli-context';
import type { CliCommand, OptionValues } from './command';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, openExtractFromOptions } from '../open-extract-option';
import { outputOptions } from './crosstab';
import { readRecipeOption } from './recipe-option';
import { reportRelease } from './release-report';

/** `profile`: the note's standard profile tables of a cohort in one workbook (one sheet per table, Metadata sheet). */
export const command: CliCommand = {
  name: 'profile',
  summary: {
    nl: 'Schrijft het standaardprofiel van een cohort (één blad per tabel, Metadata) na statistische geheimhouding naar .xlsx of .csv.',
    en: 'Writes the standard profile of a cohort (one sheet per table, Metadata) after disclosure control to .xlsx or .csv.',
  },
  usage: `${EXTRACT_USAGE} [--recipe COHORT.json] [--top N] [--vintage 2014|2019|2025] --format csv|xlsx --out FILE [--names nl|fr|en]`,
  options: { ...EXTRACT_OPTIONS, recipe: { type: 'string' }, top: { type: 'string' }, vintage: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, names: { type: 'string' } },
  async run(ctx: CliContext, v: OptionValues) {
    const { cohort } = readRecipeOption(v.recipe as string | undefined);
    const options = ProfileOptions.safeParse({ topNationalities: v.top === undefined ? undefined : Number(v.top), vintage: v.vintage });
    if (!options.success) throw new UsageError({ nl: '--top: 1..100; --vintage: 2014, 2019 of 2025.', en: '--top: 1..100; --vintage: 2014, 2019 or 2025.' });
    const { format, out, names } = outputOptions(ctx, v);
    await openExtractFromOptions(ctx, v);
    try {
      const r = await ctx.call('export.crosstab', { cohort, subject: { kind: 'profile', options: options.data }, format, path: out, language: names, channel: 'cli' });
      reportRelease(ctx, r);
      return 0;
    } finally {
      await ctx.call('extract.close', {});
    }
  },
};
