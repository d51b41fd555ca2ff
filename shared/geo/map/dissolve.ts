import type { AreaFeature, AreaGeometry, PolygonCoords, Position, Ring } from './geojson-types';
import { polygonsOf } from './geojson-types';
import { pointInRing, rewindRfc7946, signedArea } from './ring-math';

/**
 * Dissolves municipality polygons into larger areas (arrondissements) by edge cancellation.
 * The bundled Statbel geometry is topologically clean: a border shared by two municipalities
 * has the same vertices in both. So inside a group every shared edge appears twice (in
 * opposite directions once all rings run the same way) and drops out; the edges left over
 * chain into the group's outer rings and holes (Brussels is a hole in Halle-Vilvoorde).
 */
export function dissolve<P>(
  features: readonly AreaFeature<P>[],
  groupOf: (props: P) => string,
): Map<string, AreaGeometry> {
  const groups = new Map<string, AreaFeature<P>[]>();
  for (const f of features) {
    const key = groupOf(f.properties);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  const out = new Map<string, AreaGeometry>();
  for (const [key, members] of groups) out.set(key, dissolveGroup(members.map((m) => m.geometry)));
  return out;
}

const vkey = (p: Position): string => `${p[0]},${p[1]}`;

interface Edge {
  from: Position;
  to: Position;
  used: boolean;
}

function dissolveGroup(geometries: AreaGeometry[]): AreaGeometry {
  // Consistent orientation first, so a shared edge always appears as a→b and b→a.
  const edges = new Map<string, Edge[]>(); // undirected key → edges
  for (const g of geometries) {
    for (const polygon of polygonsOf(rewindRfc7946(g))) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i];
          const b = ring[i + 1];
          if (a[0] === b[0] && a[1] === b[1]) continue;
          const ka = vkey(a);
          const kb = vkey(b);
          const k = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
          let list = edges.get(k);
          if (!list) edges.set(k, (list = []));
          list.push({ from: a, to: b, used: false });
        }
      }
    }
  }
  // Keep edges not cancelled by an opposite twin.
  const outgoing = new Map<string, Edge[]>();
  for (const list of edges.values()) {
    const kept = cancelPairs(list);
    for (const e of kept) {
      const k = vkey(e.from);
      let l = outgoing.get(k);
      if (!l) outgoing.set(k, (l = []));
      l.push(e);
    }
  }
  const rings: Ring[] = [];
  for (const list of outgoing.values()) {
    for (const start of list) {
      if (start.used) continue;
      const ring = chain(start, outgoing);
      if (ring.length >= 4) rings.push(ring);
    }
  }
  return assemble(rings);
}

/** Opposite-direction twins cancel; same-direction duplicates (degenerate input) are kept once. */
function cancelPairs(list: Edge[]): Edge[] {
  if (list.length === 1) return list;
  const fwdKey = vkey(list[0].from);
  const fwd = list.filter((e) => vkey(e.from) === fwdKey);
  const back = list.filter((e) => vkey(e.from) !== fwdKey);
  const n = Math.min(fwd.length, back.length);
  const rest = [...fwd.slice(n), ...back.slice(n)];
  return rest.length > 0 ? [rest[0]] : [];
}

function chain(start: Edge, outgoing: Map<string, Edge[]>): Ring {
  const ring: Ring = [start.from];
  const startKey = vkey(start.from);
  let edge: Edge | undefined = start;
  while (edge) {
    edge.used = true;
    ring.push(edge.to);
    const k = vkey(edge.to);
    if (k === startKey) return ring;
    edge = outgoing.get(k)?.find((e) => !e.used);
  }
  return []; // open chain: input was not clean; drop rather than draw a wrong shape
}

/** Counter-clockwise rings are exteriors, clockwise ones holes in the smallest exterior containing them. */
function assemble(rings: Ring[]): AreaGeometry {
  const exteriors = rings.filter((r) => signedArea(r) > 0).sort((a, b) => signedArea(a) - signedArea(b));
  const holes = rings.filter((r) => signedArea(r) < 0);
  const polygons: PolygonCoords[] = exteriors.map((r) => [r]);
  for (const h of holes) {
    const i = exteriors.findIndex((ext) => pointInRing(h[0], ext) || pointInRing(midpoint(h), ext));
    if (i >= 0) polygons[i].push(h);
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

function midpoint(ring: Ring): Position {
  const a = ring[0];
  const b = ring[Math.floor(ring.length / 2)];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
