import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';

// Placeholder until this capability lands.
const notYet = () => {
  throw new AppError('NOT_SUPPORTED', { what: 'not yet implemented' });
};

export function extractHandlers(_state: EngineState): HandlerTable<'extract.open' | 'extract.close' | 'extract.summary' | 'extract.recent'> {
  return {
    'extract.open': notYet,
    'extract.close': notYet,
    'extract.summary': notYet,
    'extract.recent': notYet,
  };
}
