import { useMemo } from 'react';
import { ChartFrame } from './chart-frame';
import type { SankeyData } from '../features/matrix/sankey-data';
import { useMatrixText } from '../features/matrix/matrix-i18n';

interface Props {
  data: SankeyData;
  revision: number;
  onDrawn?: (revision: number) => void;
}

/** Flows from origin areas (left) to destination areas (right), coloured by the origin's region. */
export function SankeyChart({ data, revision, onDrawn }: Props) {
  const { lang, mt } = useMatrixText();
  const nodesPerSide = Math.max(1, Math.ceil(data.labels.length / 2));
  const height = Math.max(460, Math.min(1100, nodesPerSide * 34 + 80));
  const trace = useMemo(
    () => ({
      type: 'sankey',
      arrangement: 'snap',
      valueformat: ',d',
      valuesuffix: lang === 'nl' ? ' personen' : ' persons',
      node: { label: data.labels, color: data.colors, pad: 10, thickness: 16, line: { width: 0 } },
      link: { source: data.source, target: data.target, value: data.value, color: data.linkColors },
    }),
    [data, lang],
  );
  const layout = useMemo(() => ({ margin: { l: 10, r: 10, t: 10, b: 10 }, font: { size: 12 } }), []);
  return (
    <ChartFrame testId="matrix-sankey" ariaLabel={mt('matrix.tab.sankey')} data={[trace]} layout={layout} revision={revision} onDrawn={onDrawn} height={height} />
  );
}
