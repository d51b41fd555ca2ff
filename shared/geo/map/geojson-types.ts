/** The small part of GeoJSON the maps use: polygons of areas, keyed by NIS code. */
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];

export type AreaGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

export interface MunicipalityProps {
  nis_code: string;
  name_nl: string;
  name_fr: string;
  arrondissement_nis: string;
  province_nis: string;
  region_code: string;
}

export interface AreaFeature<P = { nis_code: string }> {
  type: 'Feature';
  geometry: AreaGeometry;
  properties: P;
}

export interface AreaCollection<P = { nis_code: string }> {
  type: 'FeatureCollection';
  features: AreaFeature<P>[];
}

/** The polygons of a geometry, whatever its type. */
export function polygonsOf(geometry: AreaGeometry): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
