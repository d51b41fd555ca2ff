import { useMemo } from 'react';
import { ChartFrame } from './chart-frame';
import type { HeatmapData } from '../features/matrix/heatmap-data';
import { useMatrixText } from '../features/matrix/matrix-i18n';
import { maxOf, ZERO_GREY, zeroDistinctScale } from './heatmap-colors';
import { useChartText } from './chart-text';
import { ChartLegend } from './chart-legend';

interface Props {
  data: HeatmapData;
  log: boolean;
  revision: number;
  onDrawn?: (revision: number) => void;
}

/** The matrix as a heatmap: origins top to bottom, destinations left to right, region then province. */
export function HeatmapChart({ data, log, revision, onDrawn }: Props) {
  const { mt } = useMatrixText();
  const { ct } = useChartText();
  const rows = data.y.length;
  const height = rows <= 80 ? Math.max(420, rows * 16 + 220) : 900;
  const figure = useMemo(() => {
    const zmax = maxOf(data.z);
    const wide = data.wide;
    // A wide matrix has a numeric x axis (cell edges): the hover names the column from `text`,
    // one shared array of names per row (no copy per cell).
    const hover = mt('heatmap.hover').replace('%{customdata}', '%{customdata:,}');
    const trace = {
      type: 'heatmap',
      x: wide ? wide.edges : data.x,
      y: data.y,
      z: data.z,
      customdata: data.counts,
      ...(wide ? { text: data.y.map(() => data.x) } : {}),
      hovertemplate: wide ? hover.replace('%{x}', '%{text}') : hover,
      // Zero has its own grey, so an empty cell never looks like a cell of 1 person.
      colorscale: zeroDistinctScale(zmax, log ? Math.log10(2) : 1),
      xgap: rows <= 80 ? 1 : 0,
      ygap: rows <= 80 ? 1 : 0,
      zmin: 0,
      ...(zmax > 0 ? { zmax } : {}),
      colorbar: {
        title: { text: mt('heatmap.colorbar') },
        ...(log && data.tickvals ? { tickvals: data.tickvals, ticktext: data.ticktext?.map((v) => v.toLocaleString('nl-BE')) } : {}),
        tickformat: log ? undefined : ',d',
      },
    };
    const layout = {
      margin: { l: 10, r: 10, t: 10, b: 10 },
      // Destinations along the top: the chart is taller than most screens, and the names must be readable without scrolling.
      // The axis title is an HTML caption above the chart: Plotly places a top axis title over rotated tick labels.
      xaxis: wide
        ? { type: 'linear', range: [0, wide.edges[wide.edges.length - 1]], tickmode: 'array', tickvals: wide.tickvals, ticktext: wide.ticktext, showgrid: false, zeroline: false, side: 'top', tickangle: -50, automargin: true, tickfont: { size: 7 } }
        : { type: 'category', side: 'top', tickangle: -50, automargin: true, tickfont: { size: rows <= 80 ? 11 : 7 } },
      yaxis: { type: 'category', autorange: 'reversed', automargin: true, title: { text: mt('heatmap.yaxis') }, tickfont: { size: rows <= 80 ? 11 : 7 } },
    };
    return { trace, layout };
  }, [data, log, mt, rows]);
  return (
    <>
      <ChartLegend title={mt('heatmap.colorbar')} items={[{ swatch: { kind: 'box', color: ZERO_GREY }, text: ct('heatmap.legendZero') }]} testId="heatmap-legend" />
      <p className="chart-caption" data-testid="heatmap-xaxis-title">
        {mt('heatmap.xaxis')} →
      </p>
      <ChartFrame
        testId="matrix-heatmap"
        ariaLabel={mt('matrix.tab.heatmap')}
        data={[figure.trace]}
        layout={figure.layout}
        revision={revision}
        onDrawn={onDrawn}
        height={height}
      />
    </>
  );
}
