// Plotly ships no types for its per-trace CommonJS entry points; these are the few shapes the app uses.
declare module 'plotly.js/lib/core' {
  interface PlotlyCore {
    register(modules: unknown[]): void;
    react(root: HTMLElement, data: unknown[], layout?: unknown, config?: unknown): Promise<unknown>;
    purge(root: HTMLElement): void;
  }
  const Plotly: PlotlyCore;
  export default Plotly;
}
declare module 'plotly.js/lib/bar' { const m: unknown; export default m; }
declare module 'plotly.js/lib/heatmap' { const m: unknown; export default m; }
declare module 'plotly.js/lib/sankey' { const m: unknown; export default m; }
declare module 'plotly.js/lib/choropleth' { const m: unknown; export default m; }
declare module 'plotly.js/lib/scattergeo' { const m: unknown; export default m; }
declare module 'react-plotly.js/factory' {
  const createPlotlyComponent: (plotly: unknown) => unknown;
  export default createPlotlyComponent;
}
declare module 'plotly.js/lib/locales/nl' { const m: { moduleType: 'locale'; name: string; dictionary: Record<string, string> }; export default m; }
