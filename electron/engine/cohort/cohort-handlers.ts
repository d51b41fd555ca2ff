import path from 'node:path';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { getGeography } from '../geo/geography';
import { setRefdataDir } from '../geo/refdata';
import { popcount } from './bitset';
import { cohortOptions } from './cohort-options';
import { cohortIdOf, deleteCohort, getCohort, listCohorts, renameCohort, saveCohort } from './cohort-store';
import { evaluateCohort } from './evaluate-cohort';
import { savedCrosstab, saveCrosstab } from '../crosstab/saved-crosstab';
import { makeRecipe, readRecipe } from './recipe';
import { settledSession } from '../export/release';
import { sessionIndex } from './session-index';

type CohortMethods =
  | 'cohort.count'
  | 'cohort.options'
  | 'cohort.list'
  | 'cohort.save'
  | 'cohort.rename'
  | 'cohort.delete'
  | 'cohort.exportRecipe'
  | 'cohort.importRecipe'
  | 'geo.areas';

export function cohortHandlers(state: EngineState): HandlerTable<CohortMethods> {
  setRefdataDir(path.join(state.config.resourcesDir, 'refdata'));
  const session = () => {
    if (!state.session) throw new AppError('NO_EXTRACT_OPEN');
    return state.session;
  };
  return {
    'cohort.count': ({ definition }, { emit }) => {
      const ix = sessionIndex(session(), emit);
      const started = performance.now();
      const persons = popcount(evaluateCohort(ix, definition));
      return { persons, computeMs: performance.now() - started };
    },
    'cohort.options': (_req, { emit }) => cohortOptions(sessionIndex(session(), emit)),
    'cohort.list': () => ({ cohorts: listCohorts(session().workspace) }),
    'cohort.save': ({ name, definition, overwrite }) => saveCohort(session().workspace, name, definition, overwrite),
    'cohort.rename': ({ from, to }) => renameCohort(session().workspace, from, to),
    'cohort.delete': ({ name }) => ({ deleted: deleteCohort(session().workspace, name) }),
    'cohort.exportRecipe': async ({ name }) => {
      const s = await settledSession(state);
      const saved = getCohort(s.workspace, name);
      const id = cohortIdOf(s.workspace, saved.name);
      const recipe = makeRecipe(saved.name, saved.definition, s.summary, id === null ? null : savedCrosstab(s.workspace, id));
      return { recipe, json: JSON.stringify(recipe, null, 2) };
    },
    'cohort.importRecipe': async ({ json, saveAs }) => {
      if (state.session) await settledSession(state);
      const { recipe, sameExtract } = readRecipe(json, state.session?.summary ?? null);
      const saved = saveAs ? saveCohort(session().workspace, saveAs, recipe.definition, false) : null;
      const id = saved && recipe.crosstab ? cohortIdOf(session().workspace, saved.name) : null;
      if (id !== null && recipe.crosstab) saveCrosstab(session().workspace, id, recipe.crosstab);
      return { recipe, sameExtract, saved };
    },
    'geo.areas': ({ level, vintage }) => ({ areas: getGeography().vintages[vintage].areas[level] }),
  };
}
