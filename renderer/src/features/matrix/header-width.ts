import { maxBy } from '../../../../shared/arrays/extremes';

/**
 * Width of a matrix column so that its header (an area name) wraps only between words
 * or after a hyphen, never inside a word: "Halle-|Vilvoorde", not "Antwerp|en". The widest
 * unbreakable piece of the name sets the width, within bounds that keep 581 municipality
 * columns scannable; names wider than the maximum are cut with an ellipsis and shown in
 * full in the header tooltip.
 */
export interface HeaderWidthOptions {
  /** Narrowest column: the values (12.345 or 100,0 %) must fit. */
  min: number;
  /** Widest column. */
  max: number;
  /** Header cell padding, sort icon and the resize handle, in px. */
  chrome: number;
}

/** The pieces a line may break between: words, and parts of hyphenated names (the hyphen stays with its part). */
export function unbreakablePieces(name: string): string[] {
  return name.split(/\s+/).flatMap((word) => word.match(/[^-‐]+[-‐]*|[-‐]+/g) ?? []).filter((p) => p !== '');
}

export function headerWidth(name: string, measure: (text: string) => number, options: HeaderWidthOptions): number {
  const widest = maxBy(unbreakablePieces(name), measure, 0);
  return Math.round(Math.min(options.max, Math.max(options.min, widest + options.chrome)));
}

let canvas: HTMLCanvasElement | null = null;

/**
 * Measures text in the grid header's font (the app's font stack, 13 px, semi-bold) on an
 * off-screen canvas; falls back to an estimate where no 2D context exists.
 */
export function headerTextMeasure(): (text: string) => number {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return (text) => text.length * 8;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  ctx.font = `600 13px ${family}`;
  const cache = new Map<string, number>();
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      w = ctx.measureText(text).width;
      cache.set(text, w);
    }
    return w;
  };
}
