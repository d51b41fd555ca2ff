import { COHORT_VERSION, CohortRecipe, type CohortDefinition } from '../../../shared/cohort/cohort-definition';
import type { CrosstabDefinition } from '../../../shared/crosstab/crosstab-definition';
import type { ExtractSummary } from '../../../shared/api/methods/extract';
import { describeIssue } from '../core/dispatch';
import { AppError } from '../core/app-error';

/** A portable recipe file for a cohort, carrying the fingerprint of the extract it was made on. */
export function makeRecipe(name: string, definition: CohortDefinition, summary: ExtractSummary, crosstab: CrosstabDefinition | null = null): CohortRecipe {
  return CohortRecipe.parse({
    kind: 'verhuisverkenner.cohort',
    version: COHORT_VERSION,
    name,
    definition,
    extractId: summary.extractId,
    extractFingerprint: summary.fingerprint,
    createdAt: new Date().toISOString(),
    ...(crosstab ? { crosstab } : {}),
  });
}

/** Parses recipe JSON; says whether it was made on the extract that is open. */
export function readRecipe(json: string, summary: ExtractSummary | null): { recipe: CohortRecipe; sameExtract: boolean } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('RECIPE_INVALID', { issue: 'not JSON' });
  }
  const parsed = CohortRecipe.safeParse(raw);
  if (!parsed.success) throw new AppError('RECIPE_INVALID', { issue: describeIssue(parsed.error) });
  return { recipe: parsed.data, sameExtract: summary !== null && parsed.data.extractFingerprint === summary.fingerprint };
}
