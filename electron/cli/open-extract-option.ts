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
  tellFingerprintCorrections(ctx);
  return ctx.call('extract.open', { path: path.resolve(v.extract), passphrase, cipher: { preset: preset as (typeof PRESETS)[number] } });
}

const telling = new WeakSet<CliContext>();

/**
 * After a repeat open from the index cache the engine checks the file's full SHA-256 in the
 * background; should it differ from the cache's, the analyst reads on stderr that the index is
 * rebuilt from the file and which fingerprint now applies (exports wait for the check, see
 * settledSession in the engine).
 */
function tellFingerprintCorrections(ctx: CliContext): void {
  if (telling.has(ctx)) return;
  telling.add(ctx);
  ctx.engine().onEvent((e) => {
    if (e.type !== 'extract-summary-changed') return;
    ctx.err(
      ctx.t(
        `Let op: het extractbestand verschilt van het bestand waarvoor de index in de cache gemaakt werd. De index wordt opnieuw uit het bestand opgebouwd. Vingerafdruk (SHA-256) nu: ${e.summary.fingerprint}`,
        `Note: the extract file differs from the one the cached index was made for. The index is being rebuilt from the file. Fingerprint (SHA-256) now: ${e.summary.fingerprint}`,
      ),
    );
  });
}

/**
 * The open extract's summary once its fingerprint is the file's full SHA-256 (after a repeat
 * open the check runs in the background; this waits for it, and for a correction).
 */
export async function settledSummary(ctx: CliContext): Promise<ExtractSummary> {
  await ctx.engine().state.session?.fingerprintChecked;
  return ctx.call('extract.summary', {});
}
