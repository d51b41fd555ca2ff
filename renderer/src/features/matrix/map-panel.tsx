import { useEffect, useMemo, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { MatrixDefinitionInput } from '../../../../shared/matrix/matrix-definition';
import type { Vintage } from '../../../../shared/geo/area-level';
import { ChoroplethMap, type FlowLine, type MapValue } from '../../charts/choropleth-map';
import { ErrorMessage } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { useProgress } from '../../api/use-progress';
import { loadGeometry } from '../../geo/load-geometry';
import type { AreaGeometrySet, MapLevel } from '../../../../shared/geo/map/area-geometry';
import { formatCount } from '../../../../shared/format/number-format';
import { type NameLanguage, areaName } from './area-order';
import { matrixMeasures } from './matrix-measures';
import { useMatrix } from './use-matrix';
import { type MatrixTextKey, useMatrixText } from './matrix-i18n';
import { SelectField } from '../../components/select-field';
import { diagonalShareDefinition, diagonalShareLabel } from '../../../../shared/matrix/matrix-labels';
import { ExportButtons } from './export-buttons';

type MapMeasure = 'netRate' | 'retention';

interface Props {
  cohort: CohortDefinition;
  definition: MatrixDefinitionInput;
  vintage: Vintage;
  nameLang: NameLanguage;
  /** The main view's level, used as the map's starting level when it can be mapped. */
  initialLevel: MapLevel;
}

/** Choropleth of net rate or retention per municipality or arrondissement, with the top corridors as lines. */
export function MapPanel({ cohort, definition, vintage, nameLang, initialLevel }: Props) {
  const { lang, mt } = useMatrixText();
  const [level, setLevel] = useState<MapLevel>(initialLevel);
  const [measure, setMeasure] = useState<MapMeasure>('netRate');
  const [showFlows, setShowFlows] = useState(true);
  const [geometry, setGeometry] = useState<AreaGeometrySet | null>(null);
  const def = useMemo(() => ({ ...definition, level }), [definition, level]);
  // Retention means something else per definition (in all-moves: a share of moves): name and define it.
  const shareLabel = definition.kind === 'state' ? mt('map.retention') : diagonalShareLabel(definition.kind, lang);
  const state = useMatrix(cohort, def);
  const progress = useProgress('matrix', state.pending);

  useEffect(() => {
    let live = true;
    setGeometry(null);
    void loadGeometry(vintage, level).then((g) => live && setGeometry(g));
    return () => {
      live = false;
    };
  }, [vintage, level]);

  const view = useMemo(() => {
    if (!state.result) return null;
    const result = state.result;
    const m = matrixMeasures(result);
    const source = measure === 'netRate' ? m.netRatePer1000 : m.retention;
    const values: MapValue[] = result.rows
      .filter((a) => !a.special)
      .map((a) => ({ code: a.code, name: areaName(a, nameLang, lang), value: source.get(a.code) ?? NaN }));
    const flows: FlowLine[] = showFlows
      ? m.corridors(10).map((c) => {
          const from = c.origin;
          const to = c.destination;
          return {
            fromCode: from.code,
            toCode: to.code,
            persons: c.flow,
            label: `${areaName(from, nameLang, lang)} → ${areaName(to, nameLang, lang)}: ${formatCount(c.flow, lang)}`,
          };
        })
      : [];
    return { values, flows };
  }, [state.result, measure, nameLang, showFlows, lang]);

  return (
    <div className="matrix-chart-panel">
      <div className="matrix-chart-panel__options">
        <SelectField
          className="matrix-controls__field matrix-controls__field--inline"
          label={mt('map.level')}
          value={level}
          options={(['arrondissement', 'municipality'] as const).map((l) => ({ value: l, label: mt(`level.${l}` as MatrixTextKey) }))}
          onChange={setLevel}
          testId="map-level"
        />
        <SelectField
          className="matrix-controls__field matrix-controls__field--inline"
          label={mt('map.measure')}
          value={measure}
          options={[
            { value: 'netRate', label: mt('map.netRate') },
            { value: 'retention', label: shareLabel },
          ]}
          onChange={setMeasure}
          testId="map-measure"
        />
        <label className="matrix-controls__check">
          <input type="checkbox" checked={showFlows} onChange={(e) => setShowFlows(e.target.checked)} data-testid="map-flows" />
          {mt('map.flows')}
        </label>
      </div>
      {measure === 'retention' && (
        <p className="field__hint" data-testid="map-retention-definition">
          {diagonalShareDefinition(definition.kind, lang)}
        </p>
      )}
      {(state.pending || !geometry) && <ProgressBar progress={state.pending ? progress : null} label={geometry ? mt('matrix.computing') : mt('map.loading')} testId="map-progress" />}
      <ErrorMessage error={state.error} testId="map-error" />
      {geometry && view && (
        <ChoroplethMap
          geometry={geometry}
          values={view.values}
          scale={measure === 'netRate' ? 'diverging' : 'sequential'}
          valueTitle={measure === 'netRate' ? mt('map.netRate') : shareLabel}
          valueFormat={measure === 'netRate' ? ',.1f' : '.0%'}
          flows={view.flows}
          revision={state.revision * 4 + (measure === 'netRate' ? 0 : 1) * 2 + (showFlows ? 1 : 0)}
        />
      )}
      {state.result && <ExportButtons subject={{ kind: 'chart', chart: 'map', cohort, definition: state.result.definition, nameLang, view: { mapMeasure: measure, flows: showFlows } }} />}
    </div>
  );
}
