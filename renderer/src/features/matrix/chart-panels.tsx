import { useMemo, useState } from 'react';
import type { MatrixResult } from '../../../../shared/matrix/matrix-definition';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import { formatCount, formatSigned } from '../../../../shared/format/number-format';
import { HeatmapChart } from '../../charts/heatmap-chart';
import { NetBarChart, type NetBar } from '../../charts/net-bar-chart';
import { type NameLanguage, areaName } from './area-order';
import { heatmapData } from './heatmap-data';
import type { MatrixMeasures } from './matrix-measures';
import { useMatrixText } from './matrix-i18n';
import { ExportButtons } from './export-buttons';
import { useExportText } from '../export/export-i18n';
import { MAX_HEATMAP_CELLS } from '../../../../shared/disclosure/chart-kind';
import { useMatrixNotes } from './matrix-notes-i18n';

interface HeatmapProps {
  /** The cohort of the matrix: the chart export recomputes and protects it in the engine. */
  cohort: CohortDefinition;
  result: MatrixResult;
  nameLang: NameLanguage;
  revision: number;
  onDrawn: (revision: number) => void;
}

/** The heatmap with its log-scale switch (a few large cells otherwise wash out the rest). */
export function HeatmapPanel({ cohort, result, nameLang, revision, onDrawn }: HeatmapProps) {
  const { lang, mt } = useMatrixText();
  const { xt } = useExportText();
  const [log, setLog] = useState(true);
  const data = useMemo(() => heatmapData(result, nameLang, log, lang), [result, nameLang, log, lang]);
  return (
    <div className="matrix-chart-panel">
      <div className="matrix-chart-panel__options">
        <label className="matrix-controls__check">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} data-testid="heatmap-log" />
          {mt('heatmap.log')}
        </label>
        {result.rows.length > 80 && <span className="field__hint">{mt('matrix.tooLargeForHeatmap')}</span>}
      </div>
      <HeatmapChart data={data} log={log} revision={revision * 2 + (log ? 1 : 0)} onDrawn={onDrawn} />
      {result.rows.length * result.cols.length <= MAX_HEATMAP_CELLS ? (
        <ExportButtons subject={{ kind: 'chart', chart: 'heatmap', cohort, definition: result.definition, nameLang }} />
      ) : (
        <p className="field__hint" data-testid="heatmap-image-too-large">{xt('export.imageTooLarge')}</p>
      )}
    </div>
  );
}

interface BarProps {
  cohort: CohortDefinition;
  result: MatrixResult;
  measures: MatrixMeasures;
  nameLang: NameLanguage;
  revision: number;
}

/** Net migration per area (areas that are both an origin and a destination). */
export function NetBarPanel({ cohort, result, measures, nameLang, revision }: BarProps) {
  const { lang } = useMatrixText();
  const bars = useMemo<NetBar[]>(
    () =>
      result.rows
        .filter((a) => !a.special && measures.flows.has(a.code))
        .map((a) => ({ name: areaName(a, nameLang, lang), net: measures.flows.get(a.code)!.net })),
    [result, measures, nameLang, lang],
  );
  return (
    <div className="matrix-chart-panel">
      <NetBarChart bars={bars} revision={revision} />
      <ExportButtons subject={{ kind: 'chart', chart: 'net-bar', cohort, definition: result.definition, nameLang }} />
    </div>
  );
}

interface CorridorProps {
  measures: MatrixMeasures;
  nameLang: NameLanguage;
}

const TOP_CHOICES = [10, 20, 50] as const;

/** The largest flows between two different areas, with the flow back and the net flow. */
export function CorridorsPanel({ measures, nameLang }: CorridorProps) {
  const { lang, mt } = useMatrixText();
  const [top, setTop] = useState<number>(20);
  const [withoutExits, setWithoutExits] = useState(false);
  // Each pair once: A→B with its counter-flow B→A, not B→A again further down.
  const rows = useMemo(() => measures.corridors(top, { pairsOnce: true, withoutExits }), [measures, top, withoutExits]);
  const { nt } = useMatrixNotes();
  return (
    <div className="matrix-corridors">
      <label className="matrix-controls__field matrix-controls__field--inline">
        <span className="field__label">{mt('corridors.top')}</span>
        <select className="input" value={top} onChange={(e) => setTop(Number(e.target.value))} data-testid="corridors-top">
          {TOP_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="matrix-controls__check">
        <input type="checkbox" checked={withoutExits} onChange={(e) => setWithoutExits(e.target.checked)} data-testid="corridors-without-exits" />
        {nt('corridors.withoutExits')}
      </label>
      {rows.length === 0 ? (
        <p className="field__hint">{mt('corridors.none')}</p>
      ) : (
        <table className="data-table" data-testid="corridors-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{mt('corridors.origin')}</th>
              <th scope="col">{mt('corridors.destination')}</th>
              <th scope="col" className="num">{mt('corridors.flow')}</th>
              <th scope="col" className="num">{mt('corridors.counter')}</th>
              <th scope="col" className="num">{mt('corridors.net')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => (
              <tr key={`${c.origin.code}-${c.destination.code}`}>
                <td>{i + 1}</td>
                <td>{areaName(c.origin, nameLang, lang)}</td>
                <td>{areaName(c.destination, nameLang, lang)}</td>
                <td className="num">{formatCount(c.flow, lang)}</td>
                <td className="num">{formatCount(c.counterFlow, lang)}</td>
                <td className="num">{formatSigned(c.net, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
