import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
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
import { publishedFlows, visibleGrid } from './grid-view-options';
import { GridTools } from './grid-tools';
import { cornerLabel } from '../../../../shared/matrix/matrix-labels';

interface Props {
  cohort: CohortDefinition;
  result: MatrixResult;
  measures: MatrixMeasures;
  measure: CellMeasure;
  nameLang: NameLanguage;
  revision: number;
  onRendered: (revision: number) => void;
  /** Where the export buttons go (the tab row); in the panel's own bar when absent. */
  actionsSlot?: HTMLElement | null;
  /** Where the grid tools go (the matrix bar); above the grid when absent. */
  toolsSlot?: HTMLElement | null;
}

/** The matrix table with its disclosure marks, legend and export. */
export function TablePanel({ cohort, result, measures, measure, nameLang, revision, onRendered, actionsSlot = null, toolsSlot = null }: Props) {
  const { lang, mt } = useMatrixText();
  const shape = useMemo(() => ({ rows: result.rows.length, cols: result.cols.length }), [result]);
  const disclosure = useDisclosureFlags(cohort, result.definition, shape, revision);
  const values = useMemo(() => withPublishedCounts(measures.values(measure), disclosure.protectedTable), [measures, measure, disclosure.protectedTable]);
  const [hideEmpty, setHideEmpty] = useState(false);
  const [jump, setJump] = useState<{ code: string; seq: number } | null>(null);
  // Under rounding, in/out/net follow the rounded values on screen (as an export derives them).
  const rounded = disclosure.protectedTable?.method === 'rounding';
  const flows = useMemo(() => (rounded ? publishedFlows(result, values, measures.flows) : measures.flows), [rounded, result, values, measures]);
  const model = useMemo(
    () => visibleGrid(buildGridModel(result, values, flows, disclosure.flags, nameLang, mt('grid.totalRow'), lang), result, { hideEmpty }),
    [result, values, flows, disclosure.flags, nameLang, mt, lang, hideEmpty],
  );
  const tools = (
    <GridTools rows={model.rows} hideEmpty={hideEmpty} onHideEmpty={setHideEmpty} onJump={(code) => setJump((j) => ({ code, seq: (j?.seq ?? 0) + 1 }))} />
  );
  const exportButtons = <ExportButtons subject={{ kind: 'matrix', cohort, definition: result.definition, nameLang, measure }} />;
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
        {actionsSlot ? createPortal(exportButtons, actionsSlot) : exportButtons}
      </div>
      {toolsSlot ? createPortal(tools, toolsSlot) : tools}
      <MatrixGrid jumpTo={jump} corner={cornerLabel(result.definition, lang)} model={model} percent={values.percent} revision={revision} threshold={disclosure.threshold} onRendered={onRendered} marks={disclosure.flags} />
    </div>
  );
}
