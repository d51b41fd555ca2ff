/** Case- and accent-insensitive substring match over a few texts (for pick lists). */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

export function matchesSearch(query: string, ...texts: (string | undefined)[]): boolean {
  const q = normalizeForSearch(query);
  if (q === '') return true;
  return texts.some((text) => text !== undefined && normalizeForSearch(text).includes(q));
}
