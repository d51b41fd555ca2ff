import { describe, expect, it } from 'vitest';
import { headerWidth, unbreakablePieces } from '../../../renderer/src/features/matrix/header-width';

// A fixed-width "font": 8 px per character, enough to check the rule without a canvas.
const measure = (text: string) => text.length * 8;
const OPTIONS = { min: 84, max: 150, chrome: 40 };

describe('matrix column header width', () => {
  it('breaks names only between words and after hyphens', () => {
    expect(unbreakablePieces('Halle-Vilvoorde')).toEqual(['Halle-', 'Vilvoorde']);
    expect(unbreakablePieces('Ottignies-Louvain-la-Neuve')).toEqual(['Ottignies-', 'Louvain-', 'la-', 'Neuve']);
    expect(unbreakablePieces('La Louvière')).toEqual(['La', 'Louvière']);
    expect(unbreakablePieces('Antwerpen')).toEqual(['Antwerpen']);
  });

  it('is wide enough for the longest piece of the name, within bounds', () => {
    // "Antwerpen" (9 × 8 = 72 px) + 40 px of padding and icons: no break inside the word.
    expect(headerWidth('Antwerpen', measure, OPTIONS)).toBe(112);
    expect(headerWidth('Halle-Vilvoorde', measure, OPTIONS)).toBe(112);
    // Short names keep the minimum (room for the values); very long pieces stop at the maximum.
    expect(headerWidth('Ath', measure, OPTIONS)).toBe(84);
    expect(headerWidth('Steenokkerzeelxxxxxx', measure, OPTIONS)).toBe(150);
  });
});
