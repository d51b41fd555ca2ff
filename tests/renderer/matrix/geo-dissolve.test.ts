import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dissolve } from '../../../shared/geo/map/dissolve';
import { buildGeometrySet } from '../../../shared/geo/map/area-geometry';
import { geometryArea, pointInGeometry, signedArea } from '../../../shared/geo/map/ring-math';
import { polygonsOf, type AreaCollection, type AreaFeature, type MunicipalityProps } from '../../../shared/geo/map/geojson-types';

const GEO = join(__dirname, '../../../resources/refdata/geo');
const munis = JSON.parse(readFileSync(join(GEO, 'municipalities_581_2019_2024.geojson'), 'utf8')) as AreaCollection<MunicipalityProps>;
const centroidCsv = readFileSync(join(GEO, 'centroids_581_2019_2024.csv'), 'utf8');

const square = (x: number, y: number, g: string): AreaFeature<{ g: string }> => ({
  type: 'Feature',
  properties: { g },
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
});

describe('dissolve', () => {
  it('merges two adjacent squares into one rectangle without the shared border', () => {
    const out = dissolve([square(0, 0, 'a'), square(1, 0, 'a')], (p) => p.g);
    const g = out.get('a')!;
    expect(g.type).toBe('Polygon');
    const [outer] = polygonsOf(g)[0];
    expect(Math.abs(signedArea(outer))).toBeCloseTo(2);
    // the shared edge x=1 is gone: no vertex pair (1,0)->(1,1)
    const pairs = outer.slice(1).map((p, i) => `${outer[i].join()}>${p.join()}`);
    expect(pairs).not.toContain('1,0>1,1');
    expect(pairs).not.toContain('1,1>1,0');
  });

  it('keeps a ring of squares around a hole as an exterior with a hole', () => {
    const ring = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) ring.push(square(x, y, 'r'));
    const g = dissolve(ring, (p) => p.g).get('r')!;
    const polys = polygonsOf(g);
    expect(polys).toHaveLength(1);
    expect(polys[0]).toHaveLength(2);
    expect(geometryArea(g)).toBeCloseTo(8);
    expect(pointInGeometry([1.5, 1.5], g)).toBe(false);
    expect(pointInGeometry([0.5, 0.5], g)).toBe(true);
  });

  it('dissolves the 581 municipalities into 43 arrondissements of the same total area', () => {
    const set = buildGeometrySet(munis, centroidCsv, 'arrondissement');
    expect(set.collection.features).toHaveLength(43);
    const muniArea = munis.features.reduce((s, f) => s + geometryArea(f.geometry), 0);
    const arrArea = set.collection.features.reduce((s, f) => s + geometryArea(f.geometry), 0);
    expect(arrArea).toBeCloseTo(muniArea, 6);
    // every municipality's inner point lies in its own arrondissement
    const byCode = new Map(set.collection.features.map((f) => [f.properties.nis_code, f.geometry]));
    const muniSet = buildGeometrySet(munis, centroidCsv, 'municipality');
    for (const f of munis.features) {
      const c = muniSet.centroids.get(f.properties.nis_code)!;
      expect(pointInGeometry([c.lon, c.lat], byCode.get(f.properties.arrondissement_nis)!)).toBe(true);
    }
  });

  it('leaves Brussels as a hole in Halle-Vilvoorde and puts its flow-line point outside Brussels', () => {
    const set = buildGeometrySet(munis, centroidCsv, 'arrondissement');
    const hv = set.collection.features.find((f) => f.properties.nis_code === '23000')!.geometry;
    const brussels = set.centroids.get('21000')!;
    expect(pointInGeometry([brussels.lon, brussels.lat], hv)).toBe(false);
    const hvPoint = set.centroids.get('23000')!;
    expect(pointInGeometry([hvPoint.lon, hvPoint.lat], hv)).toBe(true);
  });

  it('winds exteriors clockwise for d3-geo so a polygon does not flood the globe', () => {
    for (const level of ['municipality', 'arrondissement'] as const) {
      const set = buildGeometrySet(munis, centroidCsv, level);
      for (const f of set.collection.features) {
        for (const [outer, ...holes] of polygonsOf(f.geometry)) {
          expect(signedArea(outer)).toBeLessThan(0);
          for (const h of holes) expect(signedArea(h)).toBeGreaterThan(0);
        }
      }
    }
  });
});
