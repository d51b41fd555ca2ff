import { useMemo } from 'react';
import { ChartFrame } from './chart-frame';
import { useMatrixText } from '../features/matrix/matrix-i18n';
import { type NetBar, selectBars } from './net-bars';

export type { NetBar };

interface Props {
  bars: NetBar[];
  revision: number;
  onDrawn?: (revision: number) => void;
}

/** Net migration (in − out) per area as horizontal bars: gains in blue, losses in red. */
export function NetBarChart({ bars, revision, onDrawn }: Props) {
  const { mt } = useMatrixText();
  const shown = useMemo(() => selectBars(bars), [bars]);
  const trace = useMemo(
    () => ({
      type: 'bar',
      orientation: 'h',
      y: shown.map((b) => b.name),
      x: shown.map((b) => b.net),
      marker: { color: shown.map((b) => (b.net < 0 ? '#c8372d' : '#2a6fbb')) },
      hovertemplate: '%{y}: %{x:+,d}<extra></extra>',
    }),
    [shown],
  );
  const layout = useMemo(
    () => ({
      margin: { l: 10, r: 20, t: 30, b: 40 },
      title: { text: mt('bar.title'), font: { size: 14 } },
      xaxis: { title: { text: mt('bar.xaxis') }, tickformat: ',d', zeroline: true, zerolinecolor: '#444' },
      yaxis: { type: 'category', automargin: true },
      bargap: 0.15,
    }),
    [mt],
  );
  return (
    <ChartFrame
      testId="matrix-bar"
      ariaLabel={mt('matrix.tab.bar')}
      data={[trace]}
      layout={layout}
      revision={revision}
      onDrawn={onDrawn}
      height={Math.max(420, shown.length * 18 + 120)}
    />
  );
}
