import path from 'node:path';
import type { CliContext } from '../cli-context';
import { UsageError, cliFailure } from '../cli-context';
import type { CliCommand, OptionValues } from './command';

const PRESETS = ['auto', 'sqlcipher4', 'sqlcipher3'] as const;

/** `audit verify`: checks the hash chain of the export audit log of an extract's workspace. */
export const command: CliCommand = {
  name: 'audit verify',
  summary: {
    nl: 'Controleert of het uitvoerlogboek van een extract ongewijzigd is (hashketen).',
    en: 'Checks that the export audit log of an extract is unaltered (hash chain).',
  },
  usage: '--extract FILE [--passphrase-file FILE] [--cipher auto|sqlcipher4|sqlcipher3]',
  options: {
    extract: { type: 'string' },
    cipher: { type: 'string' },
    'passphrase-file': { type: 'string' },
  },
  async run(ctx: CliContext, v: OptionValues) {
    if (typeof v.extract !== 'string') throw new UsageError({ nl: 'Geef --extract FILE.', en: 'Give --extract FILE.' });
    const preset = (v.cipher as string | undefined) ?? 'auto';
    if (!(PRESETS as readonly string[]).includes(preset)) throw new UsageError({ nl: '--cipher: auto, sqlcipher4 of sqlcipher3.', en: '--cipher: auto, sqlcipher4 or sqlcipher3.' });
    const passphrase = await ctx.passphrase({ file: v['passphrase-file'] as string | undefined, confirm: false });
    await ctx.call('extract.open', { path: path.resolve(v.extract), passphrase, cipher: { preset: preset as (typeof PRESETS)[number] } });
    try {
      const verdict = await ctx.call('audit.verify', {});
      if (!verdict.ok) throw cliFailure('AUDIT_BROKEN', { entry: `${verdict.brokenAt} (${verdict.problem})` });
      ctx.out(ctx.t(`Uitvoerlogboek in orde: ${ctx.number(verdict.entries)} item(s).`, `Audit log intact: ${ctx.number(verdict.entries)} entr${verdict.entries === 1 ? 'y' : 'ies'}.`));
      return 0;
    } finally {
      await ctx.call('extract.close', {});
    }
  },
};
