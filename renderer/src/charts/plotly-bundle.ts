import Plotly from 'plotly.js/lib/core';
import bar from 'plotly.js/lib/bar';
import heatmap from 'plotly.js/lib/heatmap';
import sankey from 'plotly.js/lib/sankey';
import choropleth from 'plotly.js/lib/choropleth';
import scattergeo from 'plotly.js/lib/scattergeo';
import { PLOTLY_NL_LOCALE } from './plotly-locale';
import createPlotlyComponentModule from 'react-plotly.js/factory';
import type { ComponentType } from 'react';
import type { PlotProps } from './plot-types';

/**
 * A partial Plotly: the core plus only the traces the matrix views draw (bar, heatmap,
 * sankey, choropleth, scattergeo for flow lines). The full bundle (WebGL, maps with tile
 * servers, 3-D) is never imported, which keeps the bundle small and the CSP free of
 * 'unsafe-eval'.
 */
Plotly.register([bar, heatmap, sankey, choropleth, scattergeo]);
// Plotly's own Dutch locale (toolbar, hover labels, number and date words); chosen per chart in chart-frame.tsx.
Plotly.register([PLOTLY_NL_LOCALE]);

/**
 * Geo subplots fetch a base-map topojson (land, coastlines) from `topojsonURL` — a CDN by
 * default — whenever a trace has a `locationmode`, even 'geojson-id'. Seeding Plotly's asset
 * cache with an empty topology under the names our layouts use means nothing is fetched; the
 * areas themselves come from the bundled Statbel geojson.
 */
const EMPTY_TOPOLOGY = {
  type: 'Topology',
  arcs: [],
  objects: Object.fromEntries(
    ['land', 'ocean', 'lakes', 'rivers', 'countries', 'subunits', 'coastlines'].map((k) => [k, { type: 'GeometryCollection', geometries: [] }]),
  ),
};
export const GEO_SCOPE = 'europe';
export const GEO_RESOLUTION = 50;
type GeoAssetsWindow = Window & { PlotlyGeoAssets?: { topojson: Record<string, unknown> } };
const w = window as GeoAssetsWindow;
w.PlotlyGeoAssets ??= { topojson: {} };
w.PlotlyGeoAssets.topojson[`${GEO_SCOPE}_${GEO_RESOLUTION}m`] ??= EMPTY_TOPOLOGY;

// react-plotly.js is CommonJS with `exports.default`; bundlers differ in how they hand it over.
const factory = ((createPlotlyComponentModule as unknown as { default?: unknown }).default ??
  createPlotlyComponentModule) as (plotly: unknown) => ComponentType<PlotProps>;

export const Plot = factory(Plotly);
export { Plotly };
