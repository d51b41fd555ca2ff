import type { EngineState } from './core/engine-state';
import type { HandlerTable } from './core/handler-types';
import { appHandlers } from './app/app-handlers';
import { extractHandlers } from './extract/extract-handlers';
import { importHandlers } from './import/import-handlers';
import { cohortHandlers } from './cohort/cohort-handlers';
import { matrixHandlers } from './matrix/matrix-handlers';
import { browseHandlers } from './browse/browse-handlers';
import { exportHandlers } from './export/export-handlers';
import { crosstabHandlers } from './crosstab/crosstab-handlers';
import { draftHandlers } from './workspace/draft-handlers';
import { trustHandlers } from './audit/trust-handlers';
import { qualityHandlers } from './quality/quality-handlers';

/** The full handler table: one factory per capability; the type checks that every engine method is handled. */
export function buildHandlers(state: EngineState): HandlerTable {
  return {
    ...appHandlers(state),
    ...extractHandlers(state),
    ...importHandlers(state),
    ...cohortHandlers(state),
    ...matrixHandlers(state),
    ...browseHandlers(state),
    ...exportHandlers(state),
    ...crosstabHandlers(state),
    ...draftHandlers(state),
    ...trustHandlers(state),
    ...qualityHandlers(state),
  };
}
