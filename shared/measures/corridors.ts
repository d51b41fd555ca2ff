import type { Counts } from './matrix-totals';

/** A directed corridor from → to with the flow back and the net flow. */
export interface Corridor {
  from: number;
  to: number;
  flow: number;
  counterFlow: number;
  /** flow − counterFlow */
  net: number;
}

/**
 * The N largest off-diagonal flows, largest first; ties in origin then destination order.
 * With includeSpecial false, corridors touching a special area (by the `special` mask) are left out.
 * With pairsOnce, each pair of areas is listed once, in its larger direction (the other
 * direction is its counter-flow); on a tie, the direction from the earlier area.
 */
export function topCorridors(
  counts: Counts,
  n: number,
  top: number,
  options: { special?: readonly boolean[]; includeSpecial?: boolean; pairsOnce?: boolean } = {},
): Corridor[] {
  const special = options.special ?? [];
  const include = options.includeSpecial ?? true;
  const all: Corridor[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const flow = counts[r * n + c];
      if (r === c || flow === 0) continue;
      if (!include && (special[r] || special[c])) continue;
      const counterFlow = counts[c * n + r];
      if (options.pairsOnce && (counterFlow > flow || (counterFlow === flow && c < r))) continue;
      all.push({ from: r, to: c, flow, counterFlow, net: flow - counterFlow });
    }
  }
  all.sort((a, b) => b.flow - a.flow || a.from - b.from || a.to - b.to);
  return all.slice(0, Math.max(0, top));
}
