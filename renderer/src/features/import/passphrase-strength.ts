/**
 * A rough strength hint for a new extract passphrase: length matters most (SQLCipher
 * stretches the key, so a long phrase beats clever symbols). It is a hint for the
 * analyst, not a security control; the engine enforces the minimum.
 */
export const MIN_PASSPHRASE_LENGTH = 12;

export type StrengthLevel = 'empty' | 'tooShort' | 'weak' | 'fair' | 'strong';

export function passphraseStrength(passphrase: string): StrengthLevel {
  if (passphrase.length === 0) return 'empty';
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'tooShort';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  const distinct = new Set(passphrase).size;
  // "aaaaaaaaaaaa" or "123412341234" are long but guessable.
  if (distinct < 6) return 'weak';
  const words = passphrase.trim().split(/[\s\-_.]+/).filter((w) => w.length >= 3).length;
  if (length >= 20 && (classes >= 2 || words >= 4)) return 'strong';
  if (length >= 16 || classes >= 3) return 'fair';
  return 'weak';
}
