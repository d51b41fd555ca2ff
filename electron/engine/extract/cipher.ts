import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CipherSettings } from '../../../shared/api/methods/extract';

/** A concrete cipher configuration (no 'auto'). */
export type ConcreteCipher = Exclude<CipherSettings, { preset: 'auto' }>;

/** The presets tried, in order, when the user makes no choice. */
export const AUTO_ORDER: ConcreteCipher[] = [{ preset: 'sqlcipher4' }, { preset: 'sqlcipher3' }];

/**
 * Configures SQLite3MultipleCiphers for SQLCipher and applies the key. Must run before
 * any other statement on the connection. The passphrase bytes go to sqlite3_key, so
 * SQLCipher's own key derivation applies and files made by other SQLCipher tools with
 * the same passphrase open. No SQL text is ever built from the passphrase; the pragmas
 * below are built from validated numbers and enum values only.
 */
export function applyCipher(db: Database, cipher: ConcreteCipher, passphrase: Buffer): void {
  // SQLite3MultipleCiphers' default is ChaCha20: select SQLCipher explicitly.
  db.pragma(`cipher='sqlcipher'`);
  switch (cipher.preset) {
    case 'sqlcipher4':
      db.pragma('legacy=4');
      break;
    case 'sqlcipher3':
      db.pragma('legacy=3');
      break;
    case 'custom': {
      // Start from the SQLCipher 4 defaults in legacy mode (the only mode in which
      // SQLite3MultipleCiphers honours legacy_page_size for a fully encrypted header),
      // then set every parameter the user chose. Note: files with a plaintext header
      // (size > 0) keep their KDF salt outside the file; the app has no field for it, so
      // such files open only if made with this same library's defaults for the salt.
      db.pragma('legacy=4');
      db.pragma(`kdf_iter=${Math.trunc(cipher.kdfIter)}`);
      db.pragma(`legacy_page_size=${Math.trunc(cipher.pageSize)}`);
      db.pragma(`hmac_use=${cipher.hmacUse ? 1 : 0}`);
      db.pragma(`hmac_algorithm=${HMAC_ALG[cipher.hmacAlgorithm]}`);
      db.pragma(`kdf_algorithm=${HMAC_ALG[cipher.kdfAlgorithm]}`);
      db.pragma(`plaintext_header_size=${Math.trunc(cipher.plaintextHeaderSize)}`);
      break;
    }
  }
  db.key(passphrase);
}

/** SQLite3MultipleCiphers numbers the algorithms 0 = SHA1, 1 = SHA256, 2 = SHA512. */
const HMAC_ALG = { SHA1: 0, SHA256: 1, SHA512: 2 } as const;

/** The passphrase as bytes, to be wiped with wipe() as soon as the key is applied. */
export const passphraseBytes = (passphrase: string): Buffer => Buffer.from(passphrase, 'utf8');

/** Best effort: overwrites the key bytes. JavaScript strings cannot be wiped. */
export const wipe = (buf: Buffer): void => {
  buf.fill(0);
};
