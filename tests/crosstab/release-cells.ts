import type { OpenSession } from '../../electron/engine/core/open-session';
import { buildCrosstabTables } from '../../electron/engine/crosstab/build-crosstab-tables';
import { CohortDefinition, type CohortDefinitionInput } from '../../shared/cohort/cohort-definition';
import { CrosstabSubject, type CrosstabSubjectInput } from '../../shared/crosstab/crosstab-definition';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';

/** The tables a release of a cross-tab or profile builds, with their PersonCells. */
export function personCellsOfRelease(session: OpenSession, cohort: CohortDefinitionInput, subject: CrosstabSubjectInput) {
  const built = buildCrosstabTables(session, CohortDefinition.parse(cohort), CrosstabSubject.parse(subject), DEFAULT_POLICY, 'nl');
  return { built, cells: built.personCells };
}
