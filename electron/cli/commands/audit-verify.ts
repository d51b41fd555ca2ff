import type { CliContext } from '../cli-context';
import { cliFailure } from '../cli-context';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, openExtractFromOptions } from '../open-extract-option';
import type { CliCommand, OptionValues } from './command';

/** `audit verify`: checks the hash chain of the export audit log of an extract's workspace. */
export const command: CliCommand = {
  name: 'audit verify',
  summary: {
    nl: 'Controleert of het uitvoerlogboek van een extract ongewijzigd is (hashketen).',
    en: 'Checks that the export audit log of an extract is unaltered (hash chain).',
  },
  usage: EXTRACT_USAGE,
  options: { ...EXTRACT_OPTIONS },
  async run(ctx: CliContext, v: OptionValues) {
    await openExtractFromOptions(ctx, v);
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
