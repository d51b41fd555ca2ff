import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CohortRecipe, DEFAULT_COHORT, type CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { AreaLevel, Vintage } from '../../../shared/geo/area-level';
import { MatrixKind } from '../../../shared/matrix/matrix-definition';
import { CellMeasure } from '../../../shared/disclosure/percent-table';
import type { CliContext } from '../cli-context';
import { UsageError, cliFailure } from '../cli-context';
import type { CliCommand, OptionValues } from './command';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, openExtractFromOptions } from '../open-extract-option';

function readRecipe(file: string): { definition: CohortDefinition; name: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw cliFailure('RECIPE_INVALID', { issue: path.basename(file) });
  }
  const parsed = CohortRecipe.safeParse(json);
  if (!parsed.success) throw cliFailure('RECIPE_INVALID', { issue: parsed.error.issues[0]?.path.join('.') || 'recipe' });
  return { definition: parsed.data.definition, name: parsed.data.name };
}

/**
 * `matrix`: writes a relocation matrix to .xlsx or .csv through the engine's one release
 * path (policy, disclosure control, protection against the release ledger, audit entry), exactly as the UI's export.
 */
export const command: CliCommand = {
  name: 'matrix',
  summary: {
    nl: 'Schrijft een verhuismatrix na statistische geheimhouding naar .xlsx of .csv (zoals de export in de toepassing).',
    en: 'Writes a relocation matrix after disclosure control to .xlsx or .csv (as the app\'s export does).',
  },
  usage:
    `${EXTRACT_USAGE} [--recipe COHORT.json] --definition ${MatrixKind.options.join('|')} --level municipality|arrondissement|province|region [--vintage 2019|2025] --format csv|xlsx --out FILE [--overwrite] [--names nl|fr] [--measure counts|rowPct|colPct]`,
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
  },
  async run(ctx: CliContext, v: OptionValues) {
    const need = (k: string) => {
      if (typeof v[k] !== 'string') throw new UsageError({ nl: `Geef --${k}.`, en: `Give --${k}.` });
      return v[k] as string;
    };
    need('extract');
    const kind = MatrixKind.safeParse(need('definition'));
    if (!kind.success) throw new UsageError({ nl: `--definition: ${MatrixKind.options.join(', ')}.`, en: `--definition: ${MatrixKind.options.join(', ')}.` });
    const level = AreaLevel.safeParse(need('level'));
    if (!level.success) throw new UsageError({ nl: '--level: municipality, arrondissement, province of region.', en: '--level: municipality, arrondissement, province or region.' });
    const vintage = Vintage.safeParse((v.vintage as string | undefined) ?? '2019');
    if (!vintage.success) throw new UsageError({ nl: '--vintage: 2014, 2019 of 2025.', en: '--vintage: 2014, 2019 or 2025.' });
    const format = need('format');
    if (format !== 'csv' && format !== 'xlsx') throw new UsageError({ nl: '--format: csv of xlsx.', en: '--format: csv or xlsx.' });
    const out = path.resolve(need('out'));
    const names = (v.names as string | undefined) ?? (ctx.lang === 'nl' ? 'nl' : 'en');
    if (!['nl', 'fr', 'en'].includes(names)) throw new UsageError({ nl: '--names: nl of fr.', en: '--names: nl or fr.' });
    const measure = CellMeasure.safeParse((v.measure as string | undefined) ?? 'counts');
    if (!measure.success) throw new UsageError({ nl: '--measure: counts, rowPct of colPct.', en: '--measure: counts, rowPct or colPct.' });
    // Without a recipe: everyone granted protection.
    const recipe = typeof v.recipe === 'string' ? readRecipe(v.recipe) : null;
    const cohort = recipe ? recipe.definition : DEFAULT_COHORT;

    await openExtractFromOptions(ctx, v);
    try {
      const r = await ctx.call('export.matrix', {
        cohort,
        // The recipe's name goes to the Metadata sheet and the audit log; no recipe: unnamed.
        cohortName: recipe ? recipe.name : null,
        definition: { kind: kind.data, level: level.data, vintage: vintage.data },
        format,
        path: out,
        overwrite: v.overwrite === true,
        language: names as 'nl' | 'fr' | 'en',
        channel: 'cli',
        measure: measure.data,
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
