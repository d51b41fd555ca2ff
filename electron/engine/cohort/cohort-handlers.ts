import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';

// Placeholder until this capability lands.
const notYet = () => {
  throw new AppError('NOT_SUPPORTED', { what: 'not yet implemented' });
};

export function cohortHandlers(_state: EngineState): HandlerTable<'cohort.count' | 'cohort.options' | 'cohort.list' | 'cohort.save' | 'cohort.rename' | 'cohort.delete' | 'cohort.exportRecipe' | 'cohort.importRecipe' | 'geo.areas'> {
  return {
    'cohort.count': notYet,
    'cohort.options': notYet,
    'cohort.list': notYet,
    'cohort.save': notYet,
    'cohort.rename': notYet,
    'cohort.delete': notYet,
    'cohort.exportRecipe': notYet,
    'cohort.importRecipe': notYet,
    'geo.areas': notYet,
  };
}
