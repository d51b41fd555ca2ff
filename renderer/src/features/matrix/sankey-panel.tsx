import { useMemo, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { MatrixDefinitionInput } from '../../../../shared/matrix/matrix-definition';
import { SankeyChart } from '../../charts/sankey-chart';
import { ErrorMessage } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { useProgress } from '../../api/use-progress';
import type { NameLanguage } from './area-order';
import { sankeyData } from './sankey-data';
import { useMatrix } from './use-matrix';
import { type MatrixTextKey, useMatrixText } from './matrix-i18n';
import { SelectField } from '../../components/select-field';
import { ExportButtons } from './export-buttons';

interface Props {
  cohort: CohortDefinition;
  /** The main view's definition; the Sankey uses it at its own (coarser) level. */
  definition: MatrixDefinitionInput;
  nameLang: NameLanguage;
}

/** Sankey at region or province level: a municipality Sankey would be an unreadable hairball. */
export function SankeyPanel({ cohort, definition, nameLang }: Props) {
  const { lang, mt } = useMatrixText();
  const [level, setLevel] = useState<'region' | 'province'>('province');
  const [stayers, setStayers] = useState(false);
  const def = useMemo(() => ({ ...definition, level }), [definition, level]);
  const state = useMatrix(cohort, def);
  const progress = useProgress('matrix', state.pending);
  const data = useMemo(() => (state.result ? sankeyData(state.result, nameLang, stayers, lang) : null), [state.result, nameLang, stayers, lang]);
  return (
    <div className="matrix-chart-panel">
      <div className="matrix-chart-panel__options">
        <SelectField
          className="matrix-controls__field matrix-controls__field--inline"
          label={mt('sankey.level')}
          value={level}
          options={(['region', 'province'] as const).map((l) => ({ value: l, label: mt(`level.${l}` as MatrixTextKey) }))}
          onChange={setLevel}
          testId="sankey-level"
        />
        <label className="matrix-controls__check">
          <input type="checkbox" checked={stayers} onChange={(e) => setStayers(e.target.checked)} data-testid="sankey-stayers" />
          {definition.kind === 'all-moves' ? mt('sankey.withinArea') : mt('sankey.stayers')}
        </label>
      </div>
      {state.pending && <ProgressBar progress={progress} label={mt('matrix.computing')} testId="sankey-progress" />}
      <ErrorMessage error={state.error} testId="sankey-error" />
      {data && data.value.length === 0 && <p className="field__hint">{mt('sankey.none')}</p>}
      {data && data.value.length > 0 && <SankeyChart data={data} revision={state.revision * 2 + (stayers ? 1 : 0)} />}
      {/* The image is drawn by the engine from the protected matrix at this level, with these choices. */}
      {state.result && <ExportButtons subject={{ kind: 'chart', chart: 'sankey', cohort, definition: state.result.definition, nameLang, view: { stayers } }} />}
    </div>
  );
}
