import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';

// Placeholder until this capability lands.
const notYet = () => {
  throw new AppError('NOT_SUPPORTED', { what: 'not yet implemented' });
};

export function matrixHandlers(_state: EngineState): HandlerTable<'matrix.compute' | 'matrix.fiche'> {
  return {
    'matrix.compute': notYet,
    'matrix.fiche': notYet,
  };
}
