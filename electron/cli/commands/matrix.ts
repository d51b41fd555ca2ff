import path from 'node:path';
import { DEFAULT_COHORT } from '../../../shared/cohort/cohort-definition';
import { MatrixKind } from '../../../shared/matrix/matrix-definition';
import type { CliContext } from '../cli-context';
import { UsageError } from '../cli-context';
import type { CliCommand, OptionValues } from './command';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, openExtractFromOptions } from '../open-extract-option';
import { readRecipeFile } from './recipe-option';
import { cohortFromFlags, definitionFromFlags, matrixHelpLines, MATRIX_FLAG_OPTIONS, measureFromFlag } from './matrix-flags';

/**
 * `matrix`: writes a relocation matrix to .xlsx or .csv through the engine's one release
 * path (policy, disclosure control, protection against the release ledger, audit entry), exactly
 * as the UI's export. Every choice of the matrix view has a flag (matrix-flags.ts).
 */
export const command: CliCommand = {
  name: 'matrix',
  summary: {
    nl: 'Schrijft een verhuismatrix na statistische geheimhouding naar .xlsx of .csv (zoals de export in de toepassing).',
    en: "Writes a relocation matrix after disclosure control to .xlsx or .csv (as the app's export does).",
  },
  usage: `${EXTRACT_USAGE} [--recipe COHORT.json] [cohort filters] --definition ${MatrixKind.options.join('|')} --level municipality|arrondissement|province|region [--vintage 2014|2019|2025] [--follow-up-months N] [--period FROM..TO] [--origin-date DATE] [--destination-date DATE] --format csv|xlsx --out FILE [--overwrite] [--names nl|fr|en] [--measure counts|rowPct|colPct]`,
  help: matrixHelpLines,
  options: {
    ...EXTRACT_OPTIONS,
    recipe: { type: 'string' },
    definition: { type: 'string' },
    level: { type: 'string' },
    vintage: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    names: { type: 'string' },
    measure: { type: 'string' },
    /** Replace an existing file (otherwise FILE_EXISTS). */
    overwrite: { type: 'boolean' },
    ...MATRIX_FLAG_OPTIONS,
  },
  async run(ctx: CliContext, v: OptionValues) {
    if (typeof v.extract !== 'string') throw new UsageError({ nl: 'Geef --extract.', en: 'Give --extract.' });
    const definition = definitionFromFlags(v);
    const format = v.format;
    if (format !== 'csv' && format !== 'xlsx') throw new UsageError({ nl: '--format: csv of xlsx.', en: '--format: csv or xlsx.' });
    if (typeof v.out !== 'string') throw new UsageError({ nl: 'Geef --out.', en: 'Give --out.' });
    const out = path.resolve(v.out);
    const names = (v.names as string | undefined) ?? (ctx.lang === 'nl' ? 'nl' : 'en');
    if (!['nl', 'fr', 'en'].includes(names)) throw new UsageError({ nl: '--names: nl, fr of en.', en: '--names: nl, fr or en.' });
    const measure = measureFromFlag(v);
    // Without a recipe: everyone granted protection; filter flags replace the fields they name.
    const recipe = typeof v.recipe === 'string' ? readRecipeFile(v.recipe) : null;
    const cohort = cohortFromFlags(recipe ? recipe.definition : DEFAULT_COHORT, v, definition.vintage);

    await openExtractFromOptions(ctx, v);
    try {
      const r = await ctx.call('export.matrix', {
        cohort,
        // The recipe's name goes to the Metadata sheet and the audit log; no recipe: unnamed.
        cohortName: recipe ? recipe.name : null,
        definition,
        format,
        path: out,
        overwrite: v.overwrite === true,
        language: names as 'nl' | 'fr' | 'en',
        channel: 'cli',
        measure,
      });
      ctx.out(`${ctx.t('Geschreven', 'Written')}: ${r.fileName}`);
      ctx.out(`SHA-256: ${r.sha256}`);
      ctx.out(
        `${ctx.t('Beschermde cellen', 'Protected cells')}: primary ${ctx.number(r.counts.primary)}, class ${ctx.number(r.counts.class)}, secondary ${ctx.number(r.counts.secondary)}, rounded ${ctx.number(r.counts.rounded)}, perturbed ${ctx.number(r.counts.perturbed)}`,
      );
      ctx.out(`${ctx.t('Uitvoerlogboek', 'Audit log')}: #${r.auditSeq}`);
      return 0;
    } finally {
      await ctx.call('extract.close', {});
    }
  },
};
