import { CipherSettings } from '../../../../shared/api/methods/extract';

/** The "Geavanceerd" form as typed by the analyst: strings, checked into CipherSettings on submit. */
export interface CipherForm {
  preset: 'auto' | 'sqlcipher4' | 'sqlcipher3' | 'custom';
  kdfIter: string;
  pageSize: string;
  hmacAlgorithm: 'SHA1' | 'SHA256' | 'SHA512';
  kdfAlgorithm: 'SHA1' | 'SHA256' | 'SHA512';
  plaintextHeaderSize: string;
  hmacUse: boolean;
}

/** SQLCipher 4's defaults, the usual starting point for custom settings. */
export const DEFAULT_CIPHER_FORM: CipherForm = {
  preset: 'auto',
  kdfIter: '256000',
  pageSize: '4096',
  hmacAlgorithm: 'SHA512',
  kdfAlgorithm: 'SHA512',
  plaintextHeaderSize: '0',
  hmacUse: true,
};

/** SQLCipher 3's defaults, offered as a one-click fill for custom settings. */
export const SQLCIPHER3_FORM: Omit<CipherForm, 'preset'> = {
  kdfIter: '64000',
  pageSize: '1024',
  hmacAlgorithm: 'SHA1',
  kdfAlgorithm: 'SHA1',
  plaintextHeaderSize: '0',
  hmacUse: true,
};

export const PAGE_SIZES = [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536] as const;
export const CIPHER_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;

export type CipherFormField = 'kdfIter' | 'pageSize' | 'plaintextHeaderSize';
export type CipherFormResult = { ok: true; cipher: CipherSettings } | { ok: false; field: CipherFormField };

const toInt = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text.trim()) : Number.NaN);

/** Turns the form into the contract's CipherSettings, naming the first invalid field. */
export function cipherFromForm(form: CipherForm): CipherFormResult {
  if (form.preset !== 'custom') return { ok: true, cipher: { preset: form.preset } };
  const candidate = {
    preset: 'custom' as const,
    kdfIter: toInt(form.kdfIter),
    pageSize: toInt(form.pageSize),
    hmacAlgorithm: form.hmacAlgorithm,
    kdfAlgorithm: form.kdfAlgorithm,
    plaintextHeaderSize: toInt(form.plaintextHeaderSize),
    hmacUse: form.hmacUse,
  };
  const parsed = CipherSettings.safeParse(candidate);
  if (parsed.success) return { ok: true, cipher: parsed.data };
  const first = parsed.error.issues[0]?.path[0];
  const field: CipherFormField = first === 'pageSize' || first === 'plaintextHeaderSize' ? first : 'kdfIter';
  return { ok: false, field };
}
