/// <reference types="vite/client" />
import type { Vintage } from '../../../shared/geo/area-level';
import type { AreaCollection, MunicipalityProps } from '../../../shared/geo/map/geojson-types';
import { type AreaGeometrySet, type MapLevel, buildGeometrySet } from '../../../shared/geo/map/area-geometry';

/**
 * The bundled Statbel-derived geometry, one file per vintage. Imported as raw text through
 * Vite so it ships inside the app bundle (its own lazily loaded chunk per vintage, served
 * from the app origin): no tile server, no CDN, no request that leaves the machine.
 */
const SOURCES: Record<Vintage, { geo: () => Promise<{ default: string }>; centroids: () => Promise<{ default: string }> }> = {
  '2014': {
    geo: () => import('../../../resources/refdata/geo/municipalities_589_2014_2018.geojson?raw'),
    centroids: () => import('../../../resources/refdata/geo/centroids_589_2014_2018.csv?raw'),
  },
  '2019': {
    geo: () => import('../../../resources/refdata/geo/municipalities_581_2019_2024.geojson?raw'),
    centroids: () => import('../../../resources/refdata/geo/centroids_581_2019_2024.csv?raw'),
  },
  '2025': {
    geo: () => import('../../../resources/refdata/geo/municipalities_565_2025.geojson?raw'),
    centroids: () => import('../../../resources/refdata/geo/centroids_565_2025.csv?raw'),
  },
};

const cache = new Map<string, Promise<AreaGeometrySet>>();

export function loadGeometry(vintage: Vintage, level: MapLevel): Promise<AreaGeometrySet> {
  const key = `${vintage}:${level}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = (async () => {
      const [geo, centroids] = await Promise.all([SOURCES[vintage].geo(), SOURCES[vintage].centroids()]);
      const collection = JSON.parse(geo.default) as AreaCollection<MunicipalityProps>;
      return buildGeometrySet(collection, centroids.default, level);
    })();
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}
