import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Vintage } from '../../../../shared/geo/area-level';
import { type AreaGeometrySet, type MapLevel, buildGeometrySet } from '../../../../shared/geo/map/area-geometry';
import type { AreaCollection, MunicipalityProps } from '../../../../shared/geo/map/geojson-types';
import { GEOMETRY_FILES } from '../../../../shared/geo/map/geometry-files';
import { refdataDir } from '../../geo/refdata';

const cache = new Map<string, AreaGeometrySet>();

/**
 * The map's polygons and centroids from the bundled Statbel-derived files (resources/refdata/geo),
 * the same the screen's map uses: read from disk, never fetched. Built once per vintage and level.
 */
export function mapGeometry(vintage: Vintage, level: MapLevel): AreaGeometrySet {
  const key = `${vintage}:${level}`;
  let hit = cache.get(key);
  if (!hit) {
    const files = GEOMETRY_FILES[vintage];
    const dir = path.join(refdataDir(), 'geo');
    const collection = JSON.parse(readFileSync(path.join(dir, files.geojson), 'utf8')) as AreaCollection<MunicipalityProps>;
    hit = buildGeometrySet(collection, readFileSync(path.join(dir, files.centroids), 'utf8'), level);
    cache.set(key, hit);
  }
  return hit;
}
