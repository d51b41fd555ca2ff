import type { AreaGeometry, Position, Ring } from './geojson-types';
import { polygonsOf } from './geojson-types';

/** Shoelace area in degrees² (planar; fine for orientation and relative size). Positive = counter-clockwise. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Ray casting; points on the boundary may go either way. */
export function pointInRing(point: Position, ring: Ring): boolean {
  const [px, py] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInGeometry(point: Position, geometry: AreaGeometry): boolean {
  return polygonsOf(geometry).some(
    ([outer, ...holes]) => pointInRing(point, outer) && !holes.some((h) => pointInRing(point, h)),
  );
}

/** Net area of a geometry (exteriors minus holes), orientation-independent. */
export function geometryArea(geometry: AreaGeometry): number {
  let total = 0;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    total += Math.abs(signedArea(outer));
    for (const h of holes) total -= Math.abs(signedArea(h));
  }
  return total;
}

const oriented = (ring: Ring, clockwise: boolean): Ring =>
  signedArea(ring) < 0 === clockwise ? ring : [...ring].reverse();

/**
 * Plotly's geo subplots draw with d3-geo, which reads rings on the sphere: an exterior ring must
 * run clockwise (holes counter-clockwise), the opposite of RFC 7946. A counter-clockwise exterior
 * would be taken as "the whole world except this municipality" and flood the map.
 */
export function rewindForD3(geometry: AreaGeometry): AreaGeometry {
  const fix = ([outer, ...holes]: Ring[]): Ring[] => [oriented(outer, true), ...holes.map((h) => oriented(h, false))];
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

/** Same, but RFC 7946 orientation (exterior counter-clockwise). */
export function rewindRfc7946(geometry: AreaGeometry): AreaGeometry {
  const fix = ([outer, ...holes]: Ring[]): Ring[] => [oriented(outer, false), ...holes.map((h) => oriented(h, true))];
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}
