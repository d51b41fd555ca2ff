import path from 'node:path';
import { publishedCount } from '../../../shared/quality/quality-report';
import { QUALITY_RULES } from '../../../shared/quality/quality-rules';
import type { CliContext } from '../cli-context';
import { UsageError } from '../cli-context';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, openExtractFromOptions, settledSummary } from '../open-extract-option';
import type { CliCommand, OptionValues } from './command';

/**
 * `quality`: the data-quality report of an extract (counts only, "< T" below the threshold),
 * printed with the rule for each anomaly, or written with --out through the audited release path.
 */
export const command: CliCommand = {
  name: 'quality',
  summary: {
    nl: 'Toont het datakwaliteitsrapport van een extract (gaten, overlappingen, overlijdens, NIS-codes, beslissingen) met de regel per afwijking, of schrijft het naar .xlsx of .csv.',
    en: 'Shows the data-quality report of an extract (gaps, overlaps, deaths, NIS codes, decisions) with the rule for each anomaly, or writes it to .xlsx or .csv.',
  },
  usage: `${EXTRACT_USAGE} [--format csv|xlsx --out FILE [--overwrite]] [--json]`,
  help: (lang) =>
    lang === 'nl'
      ? [
          '  --format csv|xlsx --out FILE   schrijft het rapport (met bewijsregel en item in het uitvoerlogboek)',
          '  --overwrite                    vervangt een bestaand bestand',
          '  --json                         de aantallen als JSON, met "< T" onder de drempel',
        ]
      : [
          '  --format csv|xlsx --out FILE   writes the report (with a proof line and an audit log entry)',
          '  --overwrite                    replaces an existing file',
          '  --json                         the counts as JSON, with "< T" below the threshold',
        ],
  options: { ...EXTRACT_OPTIONS, format: { type: 'string' }, out: { type: 'string' }, overwrite: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(ctx: CliContext, v: OptionValues) {
    const writing = v.out !== undefined || v.format !== undefined;
    if (writing && (v.format !== 'csv' && v.format !== 'xlsx')) throw new UsageError({ nl: '--format: csv of xlsx.', en: '--format: csv or xlsx.' });
    if (writing && typeof v.out !== 'string') throw new UsageError({ nl: 'Geef --out.', en: 'Give --out.' });
    await openExtractFromOptions(ctx, v);
    try {
      if (writing) {
        const r = await ctx.call('export.quality', { format: v.format as 'csv' | 'xlsx', path: path.resolve(v.out as string), overwrite: v.overwrite === true, language: ctx.lang, channel: 'cli' });
        ctx.out(`${ctx.t('Geschreven', 'Written')}: ${r.fileName}`);
        ctx.out(`SHA-256: ${r.sha256}`);
        ctx.out(`${ctx.t('Uitvoerlogboek', 'Audit log')}: #${r.auditSeq}`);
        return 0;
      }
      // Counted once the fingerprint check settled (a correction drops the cached index).
      await settledSummary(ctx);
      const report = await ctx.call('quality.report', {});
      const T = report.threshold;
      const shown = (n: number | null) => (n === null ? '' : typeof publishedCount(n, T) === 'string' ? `< ${T}` : ctx.number(n));
      if (v.json) {
        const items = report.items.map((i) => ({ check: i.check, persons: publishedCount(i.persons, T), records: i.records === null ? null : publishedCount(i.records, T) }));
        ctx.out(JSON.stringify({ referenceDate: report.referenceDate, threshold: T, items }, null, 2));
        return 0;
      }
      ctx.out(ctx.t(`Datakwaliteit (referentiedatum ${report.referenceDate}; "< ${T}" = minder dan ${T})`, `Data quality (reference date ${report.referenceDate}; "< ${T}" = fewer than ${T})`));
      ctx.out(`${''.padEnd(56)} ${ctx.t('Personen', 'Persons').padStart(9)} ${ctx.t('Records', 'Records').padStart(9)}`);
      for (const i of report.items) {
        const rule = QUALITY_RULES[i.check];
        ctx.out(`${rule.label[ctx.lang].padEnd(56)} ${shown(i.persons).padStart(9)} ${shown(i.records).padStart(9)}`);
        ctx.out(`    ${rule.rule[ctx.lang]}`);
        ctx.out(`    (${rule.section})`);
      }
      return 0;
    } finally {
      await ctx.call('extract.close', {});
    }
  },
};
