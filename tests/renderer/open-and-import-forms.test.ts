import { describe, expect, it } from 'vitest';
import { cipherFromForm, DEFAULT_CIPHER_FORM, SQLCIPHER3_FORM } from '../../renderer/src/features/open/cipher-form';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from '../../renderer/src/features/import/passphrase-strength';

describe('cipher settings under "Geavanceerd"', () => {
  it('sends presets as they are', () => {
    for (const preset of ['auto', 'sqlcipher4', 'sqlcipher3'] as const) {
      expect(cipherFromForm({ ...DEFAULT_CIPHER_FORM, preset })).toEqual({ ok: true, cipher: { preset } });
    }
  });

  it('turns custom fields into SQLCipher parameters', () => {
    expect(cipherFromForm({ ...DEFAULT_CIPHER_FORM, ...SQLCIPHER3_FORM, preset: 'custom' })).toEqual({
      ok: true,
      cipher: { preset: 'custom', kdfIter: 64000, pageSize: 1024, hmacAlgorithm: 'SHA1', kdfAlgorithm: 'SHA1', plaintextHeaderSize: 0, hmacUse: true },
    });
  });

  it('names the field that is wrong', () => {
    expect(cipherFromForm({ ...DEFAULT_CIPHER_FORM, preset: 'custom', kdfIter: '64.000' })).toEqual({ ok: false, field: 'kdfIter' });
    expect(cipherFromForm({ ...DEFAULT_CIPHER_FORM, preset: 'custom', kdfIter: '0' })).toEqual({ ok: false, field: 'kdfIter' });
    expect(cipherFromForm({ ...DEFAULT_CIPHER_FORM, preset: 'custom', pageSize: '3000' })).toEqual({ ok: false, field: 'pageSize' });
    expect(cipherFromForm({ ...DEFAULT_CIPHER_FORM, preset: 'custom', plaintextHeaderSize: '101' })).toEqual({ ok: false, field: 'plaintextHeaderSize' });
  });
});

describe('passphrase strength hint', () => {
  it('rates short, repetitive, fair and strong passphrases', () => {
    expect(passphraseStrength('')).toBe('empty');
    expect(passphraseStrength('x'.repeat(MIN_PASSPHRASE_LENGTH - 1))).toBe('tooShort');
    expect(passphraseStrength('aaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('zomer2019dagen')).toBe('weak');
    expect(passphraseStrength('Zomer-2019-dagen')).toBe('fair');
    expect(passphraseStrength('paard batterij nietje correct')).toBe('strong');
  });
});
