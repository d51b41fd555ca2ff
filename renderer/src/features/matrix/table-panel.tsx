import { useMemo } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { MatrixResult } from '../../../../shared/matrix/matrix-definition';
import { buildGridModel, withPublishedCounts } from './grid-rows';
import type { MatrixMeasures, CellMeasure } from './matrix-measures';
import type { NameLanguage } from './area-order';
import { MatrixGrid } from './matrix-grid';
import { DisclosureLegend } from './disclosure-legend';
import { useDisclosureFlags } from './use-disclosure-flags';
import { useMatrixText } from './matrix-i18n';
import { ExportButtons } from './export-buttons';

interface Props {
  cohort: CohortDefinition;
  result: MatrixResult;
  measures: MatrixMeasures;
  measure: CellMeasure;
  nameLang: NameLanguage;
  revision: number;
  onRendered: (revision: number) => void;
}

/** The matrix table with its disclosure marks, legend and export. */
export function TablePanel({ cohort, result, measures, measure, nameLang, revision, onRendered }: Props) {
  const { lang, mt } = useMatrixText();
  const shape = useMemo(() => ({ rows: result.rows.length, cols: result.cols.length }), [result]);
  const disclosure = useDisclosureFlags(cohort, result.definition, shape, revision);
  const values = useMemo(() => withPublishedCounts(measures.values(measure), disclosure.protectedTable), [measures, measure, disclosure.protectedTable]);
  const model = useMemo(
    () => buildGridModel(result, values, measures.flows, disclosure.flags, nameLang, mt('grid.totalRow'), lang),
    [result, values, measures, disclosure.flags, nameLang, mt, lang],
  );
  return (
    <div className="matrix-table-panel">
      <div className="matrix-table-panel__bar">
        <DisclosureLegend
          flags={disclosure.flags}
          threshold={disclosure.threshold}
          method={disclosure.method}
          roundingBase={disclosure.roundingBase}
          perturbation={disclosure.perturbation}
          available={disclosure.available}
          error={disclosure.error}
          linkedReleases={[...new Set((disclosure.protectedTable?.linkedTo ?? []).map(([, seq]) => seq))].sort((a, b) => a - b)}
        />
        <ExportButtons subject={{ kind: 'matrix', cohort, definition: result.definition, nameLang }} />
      </div>
      <MatrixGrid model={model} percent={values.percent} revision={revision} threshold={disclosure.threshold} onRendered={onRendered} marks={disclosure.flags} />
    </div>
  );
}
