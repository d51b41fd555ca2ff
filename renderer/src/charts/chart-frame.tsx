import { useMemo } from 'react';
import { Plot } from './plotly-bundle';
import type { PlotConfig, PlotData, PlotLayout } from './plot-types';
import { plotlyLocaleConfig } from './plotly-locale';
import { useI18n } from '../i18n/i18n';

/**
 * Plotly config shared by every chart. The modebar keeps zoom and reset but loses "download
 * as PNG": a picture of the screen's unprotected counts would leave the app without disclosure
 * control. Charts leave as images through the engine instead (the panels' PNG/SVG buttons, export.chart). topojsonURL
 * points at the app's own origin (never the CDN default); the geo asset cache is seeded in
 * plotly-bundle.ts so even that local path is not requested.
 */
export const BASE_CONFIG: PlotConfig = {
  displaylogo: false,
  responsive: true,
  showLink: false,
  showSendToCloud: false,
  showEditInChartStudio: false,
  typesetMath: false,
  topojsonURL: './topojson/',
  modeBarButtonsToRemove: ['toImage', 'sendDataToCloud', 'lasso2d', 'select2d'],
};

/** Belgian separators in both UI languages: decimal comma, thousands dot. */
export const BASE_LAYOUT: PlotLayout = {
  separators: ',.',
  font: { family: 'system-ui, "Segoe UI", Roboto, sans-serif', size: 12 },
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: 'rgba(0,0,0,0)',
};

interface Props {
  data: PlotData[];
  layout: PlotLayout;
  /** Bumped by the caller when the data changed; also written to data-revision for tests. */
  revision: number;
  testId: string;
  /** Called once the figure is drawn (first plot and every update): drives timing and tests. */
  onDrawn?: (revision: number) => void;
  height?: number | string;
  ariaLabel: string;
}

/** A Plotly chart that fills its container width; height from the caller (charts differ). */
export function ChartFrame({ data, layout, revision, testId, onDrawn, height = '100%', ariaLabel }: Props) {
  const { lang } = useI18n();
  const fullLayout = useMemo(() => ({ ...BASE_LAYOUT, ...layout, autosize: true }), [layout]);
  // The toolbar and Plotly's own hover words follow the UI language.
  const config = useMemo(() => ({ ...BASE_CONFIG, ...plotlyLocaleConfig(lang) }), [lang]);
  const drawn = (_fig: unknown, div: HTMLElement): void => {
    div.dataset.drawnRevision = String(revision);
    onDrawn?.(revision);
  };
  return (
    <div className="chart-frame" data-testid={testId} data-revision={revision} role="figure" aria-label={ariaLabel} style={{ height }}>
      <Plot
        data={data}
        layout={fullLayout}
        config={config}
        revision={revision}
        useResizeHandler
        style={{ width: '100%', height: '100%' }}
        onInitialized={drawn}
        onUpdate={drawn}
      />
    </div>
  );
}
