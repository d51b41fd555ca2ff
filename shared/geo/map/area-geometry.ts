import type { AreaCollection, AreaFeature, AreaGeometry, MunicipalityProps } from './geojson-types';
import { type Centroid, groupCentroid, parseCentroids } from './centroids';
import { dissolve } from './dissolve';
import { rewindForD3 } from './ring-math';

/** The levels a map can show: the bundled geometry is per municipality, arrondissements are dissolved from it. */
export type MapLevel = 'municipality' | 'arrondissement';

export interface AreaGeometrySet {
  level: MapLevel;
  /** Features keyed by `properties.nis_code`, wound for d3-geo (Plotly geo). */
  collection: AreaCollection;
  centroids: Map<string, Centroid>;
}

/** Builds the map geometry of a level from the raw municipality files (pure; used by the loader and tests). */
export function buildGeometrySet(
  municipalities: AreaCollection<MunicipalityProps>,
  centroidCsv: string,
  level: MapLevel,
): AreaGeometrySet {
  const muniCentroids = parseCentroids(centroidCsv);
  if (level === 'municipality') {
    const features: AreaFeature[] = municipalities.features.map((f) => ({
      type: 'Feature',
      geometry: rewindForD3(f.geometry),
      properties: { nis_code: f.properties.nis_code },
    }));
    return { level, collection: { type: 'FeatureCollection', features }, centroids: muniCentroids };
  }
  const arrOf = (p: MunicipalityProps): string => p.arrondissement_nis;
  const dissolved: Map<string, AreaGeometry> = dissolve(municipalities.features, arrOf);
  const members = new Map<string, Centroid[]>();
  for (const f of municipalities.features) {
    const c = muniCentroids.get(f.properties.nis_code);
    if (!c) continue;
    const key = arrOf(f.properties);
    members.set(key, [...(members.get(key) ?? []), c]);
  }
  const features: AreaFeature[] = [];
  const centroids = new Map<string, Centroid>();
  for (const [code, geometry] of dissolved) {
    features.push({ type: 'Feature', geometry: rewindForD3(geometry), properties: { nis_code: code } });
    const c = groupCentroid(code, members.get(code) ?? [], geometry);
    if (c) centroids.set(code, c);
  }
  features.sort((a, b) => a.properties.nis_code.localeCompare(b.properties.nis_code));
  return { level, collection: { type: 'FeatureCollection', features }, centroids };
}
