import { z } from 'zod';
import { method } from '../method';
import { EXTRACT_TABLES, NIS_VINTAGES } from '../../extract/extract-schema';

/**
 * Cipher settings. Without a preset the engine tries SQLCipher 4, then 3.
 * 'custom' exposes SQLCipher's own parameters under "Advanced".
 */
export const CipherSettings = z.discriminatedUnion('preset', [
  z.object({ preset: z.literal('auto') }),
  z.object({ preset: z.literal('sqlcipher4') }),
  z.object({ preset: z.literal('sqlcipher3') }),
  z.object({
    preset: z.literal('custom'),
    kdfIter: z.number().int().min(1).max(10_000_000),
    pageSize: z.number().int().refine((n) => [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536].includes(n), 'power of two 512..65536'),
    hmacAlgorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
    kdfAlgorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
    plaintextHeaderSize: z.number().int().min(0).max(100),
    hmacUse: z.boolean().default(true),
  }),
]);
export type CipherSettings = z.infer<typeof CipherSettings>;

const FilePath = z.string().min(1).max(4096);
/** Passphrases travel once from the form to the engine, are turned into a Buffer there and wiped. */
const Passphrase = z.string().min(1).max(1024);

export const ExtractSummary = z.object({
  fileName: z.string(),
  extractId: z.string(),
  source: z.string(),
  referenceDate: z.string(),
  schemaVersion: z.string(),
  nisVintage: z.enum(NIS_VINTAGES),
  /** SHA-256 of the extract file, as hex: identifies the extract in recipes and exports. */
  fingerprint: z.string(),
  cipher: z.enum(['sqlcipher4', 'sqlcipher3', 'custom']),
  tables: z.array(z.object({ name: z.enum(EXTRACT_TABLES), rows: z.number().int().nonnegative() })),
  persons: z.number().int().nonnegative(),
  openMs: z.number().nonnegative(),
});
export type ExtractSummary = z.infer<typeof ExtractSummary>;

export const extractMethods = {
  'extract.open': method(
    z.object({ path: FilePath, passphrase: Passphrase, cipher: CipherSettings.default({ preset: 'auto' }) }).strict(),
    ExtractSummary,
  ),
  'extract.close': method(z.object({}).strict(), z.object({ closed: z.boolean() })),
  'extract.summary': method(z.object({}).strict(), ExtractSummary),
  /** Recently opened files: paths only, kept in the app's settings (never passphrases). */
  'extract.recent': method(z.object({}).strict(), z.object({ paths: z.array(z.string()) })),
} as const;
