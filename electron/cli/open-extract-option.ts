import path from 'node:path';
import type { ExtractSummary } from '../../shared/api/methods/extract';
import type { CliContext } from './cli-context';
import { UsageError } from './cli-context';
import type { OptionValues } from './commands/command';

const PRESETS = ['auto', 'sqlcipher4', 'sqlcipher3'] as const;

/** The options of every command that opens an extract. */
export const EXTRACT_OPTIONS = {
  extract: { type: 'string' },
  cipher: { type: 'string' },
  'passphrase-file': { type: 'string' },
} as const;

export const EXTRACT_USAGE = '--extract FILE [--passphrase-file FILE] [--cipher auto|sqlcipher4|sqlcipher3]';

/**
 * Checks --extract and --cipher, asks for the passphrase (prompt, --passphrase-file or
 * VERHUIS_PASSPHRASE) and opens the extract through the engine, exactly as the UI does.
 */
export async function openExtractFromOptions(ctx: CliContext, v: OptionValues): Promise<ExtractSummary> {
  if (typeof v.extract !== 'string') throw new UsageError({ nl: 'Geef --extract FILE.', en: 'Give --extract FILE.' });
  const preset = (v.cipher as string | undefined) ?? 'auto';
  if (!(PRESETS as readonly string[]).includes(preset)) {
    throw new UsageError({ nl: '--cipher: auto, sqlcipher4 of sqlcipher3.', en: '--cipher: auto, sqlcipher4 or sqlcipher3.' });
  }
  const passphrase = await ctx.passphrase({ file: v['passphrase-file'] as string | undefined, confirm: false });
  return ctx.call('extract.open', { path: path.resolve(v.extract), passphrase, cipher: { preset: preset as (typeof PRESETS)[number] } });
}
