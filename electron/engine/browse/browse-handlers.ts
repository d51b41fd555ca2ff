import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';

// Placeholder until this capability lands.
const notYet = () => {
  throw new AppError('NOT_SUPPORTED', { what: 'not yet implemented' });
};

export function browseHandlers(_state: EngineState): HandlerTable<'browse.rows'> {
  return {
    'browse.rows': notYet,
  };
}
