import { useMemo } from 'react';
import { ChartFrame } from './chart-frame';
import type { SankeyData } from '../features/matrix/sankey-data';
import { useMatrixText } from '../features/matrix/matrix-i18n';
import { REGION_COLOR, SPECIAL_COLOR } from '../features/matrix/sankey-data';
import { useChartText } from './chart-text';
import { ChartLegend } from './chart-legend';

interface Props {
  data: SankeyData;
  revision: number;
  onDrawn?: (revision: number) => void;
}

/** Flows from origin areas (left) to destination areas (right), coloured by the origin's region. */
export function SankeyChart({ data, revision, onDrawn }: Props) {
  const { lang, mt } = useMatrixText();
  const { ct } = useChartText();
  const nodesPerSide = Math.max(1, Math.ceil(data.labels.length / 2));
  const height = Math.max(460, Math.min(1100, nodesPerSide * 34 + 80));
  const trace = useMemo(
    () => ({
      type: 'sankey',
      arrangement: 'snap',
      valueformat: ',d',
      valuesuffix: lang === 'nl' ? ' personen' : ' persons',
      // Own hover templates: Plotly's default says "source:/target:" and "incoming flow count:".
      node: { label: data.labels, color: data.colors, pad: 10, thickness: 16, line: { width: 0 }, hovertemplate: ct('sankey.nodeHover') },
      link: { source: data.source, target: data.target, value: data.value, color: data.linkColors, hovertemplate: ct('sankey.linkHover') },
    }),
    [data, lang, ct],
  );
  const layout = useMemo(() => ({ margin: { l: 10, r: 10, t: 10, b: 10 }, font: { size: 12 } }), []);
  const legend = [
    { swatch: { kind: 'box' as const, color: REGION_COLOR.VLG }, text: ct('sankey.legendVlg') },
    { swatch: { kind: 'box' as const, color: REGION_COLOR.BRU }, text: ct('sankey.legendBru') },
    { swatch: { kind: 'box' as const, color: REGION_COLOR.WAL }, text: ct('sankey.legendWal') },
    { swatch: { kind: 'box' as const, color: SPECIAL_COLOR }, text: ct('sankey.legendSpecial') },
  ];
  return (
    <>
      <ChartLegend title={ct('sankey.legend')} items={legend} testId="sankey-legend" />
      <ChartFrame testId="matrix-sankey" ariaLabel={mt('matrix.tab.sankey')} data={[trace]} layout={layout} revision={revision} onDrawn={onDrawn} height={height} />
    </>
  );
}
