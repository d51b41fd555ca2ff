export interface NetBar {
  name: string;
  net: number;
}

/** At most this many bars: beyond it the largest gains and losses are shown, half each. */
export const MAX_BARS = 60;

/** Bars to draw: all areas sorted by net, or the largest gains and losses when there are many. */
export function selectBars(bars: readonly NetBar[]): NetBar[] {
  const sorted = [...bars].sort((a, b) => a.net - b.net || a.name.localeCompare(b.name));
  if (sorted.length <= MAX_BARS) return sorted;
  const half = MAX_BARS / 2;
  return [...sorted.slice(0, half), ...sorted.slice(sorted.length - half)];
}
