import type { CSSProperties } from 'react';

/** Plotly figure parts are loose JSON; the chart modules build them from typed data. */
export type PlotData = Record<string, unknown>;
export type PlotLayout = Record<string, unknown>;
export type PlotConfig = Record<string, unknown>;

/** The props of react-plotly.js's component (the subset the app uses). */
export interface PlotProps {
  data: PlotData[];
  layout?: PlotLayout;
  config?: PlotConfig;
  revision?: number;
  style?: CSSProperties;
  className?: string;
  divId?: string;
  useResizeHandler?: boolean;
  onInitialized?: (figure: unknown, graphDiv: HTMLElement) => void;
  onUpdate?: (figure: unknown, graphDiv: HTMLElement) => void;
  onError?: (err: unknown) => void;
}
