import { maxBy } from '../../../shared/arrays/extremes';
import { useMemo } from 'react';
import { ChartFrame } from './chart-frame';
import { GEO_RESOLUTION, GEO_SCOPE } from './plotly-bundle';
import type { AreaGeometrySet } from '../../../shared/geo/map/area-geometry';
import { useMatrixText } from '../features/matrix/matrix-i18n';
import { useChartText } from './chart-text';
import { ChartLegend } from './chart-legend';

const NO_VALUE_GREY = '#b9bfc8';
const DIVERGING: Array<[number, string]> = ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'].map((c, i, all) => [i / (all.length - 1), c]);
const FLOW_LINE = 'rgba(20,20,20,0.7)';

export interface MapValue {
  code: string;
  name: string;
  /** NaN = no value (no cohort member there): drawn grey. */
  value: number;
}

export interface FlowLine {
  fromCode: string;
  toCode: string;
  label: string;
  persons: number;
}

interface Props {
  geometry: AreaGeometrySet;
  values: MapValue[];
  /** 'diverging' centres the colours on zero (net rate); 'sequential' runs 0 → max (retention). */
  scale: 'diverging' | 'sequential';
  valueTitle: string;
  /** d3 format of values in hover and colour bar. */
  valueFormat: string;
  flows: FlowLine[];
  revision: number;
  onDrawn?: (revision: number) => void;
}

/**
 * A choropleth of municipalities or arrondissements from the bundled geometry, with the
 * top corridors as lines between area centroids. No tiles, no base map from a server:
 * the geo subplot is drawn without land or coastlines, only our polygons.
 */
export function ChoroplethMap({ geometry, values, scale, valueTitle, valueFormat, flows, revision, onDrawn }: Props) {
  const { mt } = useMatrixText();
  const { ct } = useChartText();
  const data = useMemo(() => {
    const byCode = new Map(values.map((v) => [v.code, v]));
    const withValue = values.filter((v) => Number.isFinite(v.value));
    const known = new Set(withValue.map((v) => v.code));
    const blank = geometry.collection.features.map((f) => f.properties.nis_code).filter((c) => !known.has(c));
    const maxAbs = maxBy(withValue, (v) => Math.abs(v.value), 1e-9);
    const main = {
      type: 'choropleth',
      geojson: geometry.collection,
      featureidkey: 'properties.nis_code',
      locationmode: 'geojson-id',
      locations: withValue.map((v) => v.code),
      z: withValue.map((v) => v.value),
      text: withValue.map((v) => v.name),
      hovertemplate: `%{text}<br>${valueTitle}: %{z:${valueFormat}}<extra></extra>`,
      // Diverging: ColorBrewer RdBu with a white middle (Plotly's RdBu is grey at zero, which read as "no value");
      // losses red, gains blue. Sequential: YlGnBu reversed, so high retention is blue.
      colorscale: scale === 'diverging' ? DIVERGING : 'YlGnBu',
      reversescale: scale !== 'diverging',
      ...(scale === 'diverging' ? { zmid: 0, zmin: -maxAbs, zmax: maxAbs } : { zmin: 0 }),
      marker: { line: { color: '#ffffff', width: geometry.level === 'municipality' ? 0.3 : 0.8 } },
      colorbar: { title: { text: valueTitle, side: 'right' }, tickformat: valueFormat, len: 0.8 },
    };
    const empty = {
      type: 'choropleth',
      geojson: geometry.collection,
      featureidkey: 'properties.nis_code',
      locationmode: 'geojson-id',
      locations: blank,
      z: blank.map(() => 0),
      text: blank.map((c) => byCode.get(c)?.name ?? c),
      hovertemplate: `%{text}<br>${mt('map.noValue')}<extra></extra>`,
      colorscale: [[0, NO_VALUE_GREY], [1, NO_VALUE_GREY]],
      showscale: false,
      marker: { line: { color: '#ffffff', width: 0.3 } },
    };
    const maxFlow = maxBy(flows, (f) => f.persons, 1);
    const lines = flows.flatMap((f) => {
      const a = geometry.centroids.get(f.fromCode);
      const b = geometry.centroids.get(f.toCode);
      if (!a || !b) return [];
      return [
        {
          type: 'scattergeo',
          mode: 'lines+markers',
          lon: [a.lon, b.lon],
          lat: [a.lat, b.lat],
          line: { width: 1 + (5 * f.persons) / maxFlow, color: FLOW_LINE },
          marker: { size: [0, 6 + (4 * f.persons) / maxFlow], color: 'rgba(20,20,20,0.85)', symbol: 'circle' },
          hoverinfo: 'text',
          text: f.label,
          showlegend: false,
        },
      ];
    });
    return [empty, main, ...lines];
  }, [geometry, values, scale, valueTitle, valueFormat, flows, mt]);
  const layout = useMemo(
    () => ({
      margin: { l: 0, r: 0, t: 0, b: 0 },
      showlegend: false,
      geo: {
        scope: GEO_SCOPE,
        resolution: GEO_RESOLUTION,
        visible: false,
        // Belgium's extent (WGS84) with a small margin: fitbounds leaves the country small
        // in a wide frame, explicit ranges fill it.
        fitbounds: false,
        projection: { type: 'mercator' },
        lonaxis: { range: [2.3, 6.6] },
        lataxis: { range: [49.25, 51.75] },
        center: { lon: 4.47, lat: 50.5 },
        bgcolor: 'rgba(0,0,0,0)',
      },
    }),
    [],
  );
  const legend = [
    ...(flows.length ? [{ swatch: { kind: 'line' as const, color: FLOW_LINE }, text: ct('map.legendLine', { n: flows.length }) }] : []),
    { swatch: { kind: 'box' as const, color: NO_VALUE_GREY }, text: ct('map.legendGrey') },
  ];
  return (
    <>
      <ChartLegend title={ct('map.legend')} items={legend} testId="map-legend" />
      <ChartFrame testId="matrix-map" ariaLabel={mt('matrix.tab.map')} data={data} layout={layout} revision={revision} onDrawn={onDrawn} height="max(420px, calc(100vh - 360px))" />
    </>
  );
}
