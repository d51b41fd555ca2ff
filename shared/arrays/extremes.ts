/**
 * Largest value of a data-sized array, with a floor for the empty case. A loop, never
 * `Math.max(...values)`: spreading ~340,000 municipality cells into one call overflows the
 * call stack (the municipality heatmap crash of issue 12). ESLint forbids the spread form.
 */
export function maxOf(values: ArrayLike<number>, floor = -Infinity): number {
  let max = floor;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

/** Largest value of `pick(item)` over the items, at least `floor`. */
export function maxBy<T>(items: readonly T[], pick: (item: T) => number, floor = -Infinity): number {
  let max = floor;
  for (const item of items) {
    const v = pick(item);
    if (v > max) max = v;
  }
  return max;
}

