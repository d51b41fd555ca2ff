import type { AreaGeometry, Position } from './geojson-types';
import { pointInGeometry } from './ring-math';

/** A point to draw flow lines from: the "inner" point is guaranteed inside the municipality. */
export interface Centroid {
  code: string;
  lat: number;
  lon: number;
  areaKm2: number;
}

/** Parses the bundled centroid CSV (quoted header, NIS code quoted, numbers bare). */
export function parseCentroids(csv: string): Map<string, Centroid> {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((h) => h.replace(/"/g, '').trim());
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`centroid file lacks column ${name}`);
    return i;
  };
  const [iCode, iLat, iLon, iArea] = [col('nis_code'), col('inner_lat'), col('inner_lon'), col('area_km2')];
  const out = new Map<string, Centroid>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map((c) => c.replace(/"/g, '').trim());
    const c: Centroid = { code: cells[iCode], lat: Number(cells[iLat]), lon: Number(cells[iLon]), areaKm2: Number(cells[iArea]) };
    if (c.code && Number.isFinite(c.lat) && Number.isFinite(c.lon)) out.set(c.code, c);
  }
  return out;
}

/**
 * Centroid of a group of municipalities: the area-weighted mean of their inner points, unless
 * that falls outside the group (Halle-Vilvoorde rings Brussels), then the largest member's inner point.
 */
export function groupCentroid(code: string, members: readonly Centroid[], geometry: AreaGeometry | undefined): Centroid | null {
  if (members.length === 0) return null;
  const area = members.reduce((s, m) => s + m.areaKm2, 0) || members.length;
  const w = (m: Centroid): number => (area === members.length ? 1 : m.areaKm2);
  const lat = members.reduce((s, m) => s + m.lat * w(m), 0) / area;
  const lon = members.reduce((s, m) => s + m.lon * w(m), 0) / area;
  const point: Position = [lon, lat];
  if (!geometry || pointInGeometry(point, geometry)) return { code, lat, lon, areaKm2: area };
  const largest = members.reduce((a, b) => (b.areaKm2 > a.areaKm2 ? b : a));
  return { code, lat: largest.lat, lon: largest.lon, areaKm2: area };
}
