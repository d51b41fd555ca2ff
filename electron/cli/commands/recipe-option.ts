import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CohortRecipe, DEFAULT_COHORT, type CohortDefinition } from '../../../shared/cohort/cohort-definition';
import type { CrosstabDefinition } from '../../../shared/crosstab/crosstab-definition';
import { cliFailure } from '../cli-context';

/** A recipe file, validated with the API's schema (RECIPE_INVALID otherwise). */
export function readRecipeFile(file: string): CohortRecipe {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw cliFailure('RECIPE_INVALID', { issue: path.basename(file) });
  }
  const parsed = CohortRecipe.safeParse(json);
  if (!parsed.success) throw cliFailure('RECIPE_INVALID', { issue: parsed.error.issues[0]?.path.join('.') || 'recipe' });
  return parsed.data;
}

/** The cohort (and any saved cross-tab with its custom groups) of --recipe; without one, everyone granted protection. */
export function readRecipeOption(file: string | undefined): { cohort: CohortDefinition; crosstab: CrosstabDefinition | null } {
  if (file === undefined) return { cohort: DEFAULT_COHORT, crosstab: null };
  const recipe = readRecipeFile(file);
  return { cohort: recipe.definition, crosstab: recipe.crosstab ?? null };
}
