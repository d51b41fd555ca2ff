import type { Vintage } from '../area-level';

/** The bundled municipality polygons and centroids of each vintage, under resources/refdata/geo. */
export const GEOMETRY_FILES: Record<Vintage, { geojson: string; centroids: string }> = {
  '2014': { geojson: 'municipalities_589_2014_2018.geojson', centroids: 'centroids_589_2014_2018.csv' },
  '2019': { geojson: 'municipalities_581_2019_2024.geojson', centroids: 'centroids_581_2019_2024.csv' },
  '2025': { geojson: 'municipalities_565_2025.geojson', centroids: 'centroids_565_2025.csv' },
};
