import path from 'node:path';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { setRefdataDir } from '../geo/refdata';
import { computeMatrix } from './compute-matrix';
import { computeFiche } from './fiche';

export function matrixHandlers(state: EngineState): HandlerTable<'matrix.compute' | 'matrix.fiche'> {
  setRefdataDir(path.join(state.config.resourcesDir, 'refdata'));
  const session = () => {
    if (!state.session) throw new AppError('NO_EXTRACT_OPEN');
    return state.session;
  };
  return {
    'matrix.compute': ({ cohort, definition }, { emit }) => {
      // Person keys and persons per cell (not computed here) stay in the engine for disclosure control.
      const { keys: _keys, persons: _persons, ...result } = computeMatrix(session(), cohort, definition, emit);
      return result;
    },
    'matrix.fiche': ({ cohort, level, vintage, areaCode }) => computeFiche(session(), cohort, level, vintage, areaCode),
  };
}
