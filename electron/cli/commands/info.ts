import type { CliContext } from '../cli-context';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, openExtractFromOptions, settledSummary } from '../open-extract-option';
import type { CliCommand, OptionValues } from './command';

/** `info`: opens an extract through the engine (extract.open) and prints its summary. */
export const command: CliCommand = {
  name: 'info',
  summary: {
    nl: 'Toont tabellen, aantallen rijen, referentiedatum en versleuteling van een extract.',
    en: 'Shows the tables, row counts, reference date and cipher of an extract.',
  },
  usage: `${EXTRACT_USAGE} [--json]`,
  options: {
    ...EXTRACT_OPTIONS,
    json: { type: 'boolean' },
  },
  async run(ctx: CliContext, v: OptionValues) {
    const started = process.hrtime.bigint();
    await openExtractFromOptions(ctx, v);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const rssBytes = process.memoryUsage().rss;
    // The fingerprint printed is the file's full SHA-256, also after an open from the index
    // cache (whose background check may correct it); wallMs stays the open-to-ready time.
    const s = await settledSummary(ctx);
    await ctx.call('extract.close', {});
    if (v.json) {
      ctx.out(JSON.stringify({ ...s, wallMs, rssBytes }, null, 2));
      return 0;
    }
    const row = (label: string, value: string) => ctx.out(`${label.padEnd(22)} ${value}`);
    row(ctx.t('Extract', 'Extract'), s.fileName);
    row(ctx.t('Extract-id', 'Extract id'), s.extractId);
    row(ctx.t('Bron', 'Source'), s.source);
    row(ctx.t('Referentiedatum', 'Reference date'), s.referenceDate);
    row(ctx.t('Schemaversie', 'Schema version'), s.schemaVersion);
    row(ctx.t('NIS-indeling', 'NIS vintage'), s.nisVintage);
    row(ctx.t('Versleuteling', 'Cipher'), s.cipher);
    row(ctx.t('Vingerafdruk (SHA-256)', 'Fingerprint (SHA-256)'), s.fingerprint);
    row(ctx.t('Personen', 'Persons'), ctx.number(s.persons));
    ctx.out(ctx.t('Tabellen:', 'Tables:'));
    for (const t of s.tables) ctx.out(`  ${t.name.padEnd(20)} ${ctx.number(t.rows).padStart(12)}`);
    row(ctx.t('Openen', 'Open time'), `${ctx.number(Math.round(s.openMs))} ms`);
    return 0;
  },
};
