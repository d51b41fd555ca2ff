import path from 'node:path';
import type { CliContext } from '../cli-context';
import { UsageError } from '../cli-context';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, openExtractFromOptions } from '../open-extract-option';
import type { CliCommand, OptionValues } from './command';

/** `audit report`: every release of an extract's workspace with its protection facts, as .xlsx, for the output checker. */
export const command: CliCommand = {
  name: 'audit report',
  summary: {
    nl: 'Schrijft een overzicht van elke vrijgave (bescherming, hashes, keten) als .xlsx voor de outputcontroleur.',
    en: 'Writes an overview of every release (protection, hashes, chain) as .xlsx for the output checker.',
  },
  usage: `${EXTRACT_USAGE} --out REPORT.xlsx [--overwrite]`,
  options: { ...EXTRACT_OPTIONS, out: { type: 'string' }, overwrite: { type: 'boolean' } },
  async run(ctx: CliContext, v: OptionValues) {
    if (typeof v.out !== 'string') throw new UsageError({ nl: 'Geef --out REPORT.xlsx.', en: 'Give --out REPORT.xlsx.' });
    await openExtractFromOptions(ctx, v);
    try {
      const r = await ctx.call('audit.report', { path: path.resolve(v.out), overwrite: v.overwrite === true });
      ctx.out(`${ctx.t('Geschreven', 'Written')}: ${r.fileName} (${ctx.number(r.entries)} ${ctx.t('item(s)', 'entries')})`);
      ctx.out(r.log.ok ? ctx.t('Uitvoerlogboek in orde.', 'Audit log intact.') : ctx.t(`Uitvoerlogboek BESCHADIGD bij item ${r.log.brokenAt} (${r.log.problem}).`, `Audit log BROKEN at entry ${r.log.brokenAt} (${r.log.problem}).`));
      return r.log.ok ? 0 : 1;
    } finally {
      await ctx.call('extract.close', {});
    }
  },
};
