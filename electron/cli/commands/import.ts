import path from 'node:path';
import type { CliContext } from '../cli-context';
import { CliFailure, UsageError } from '../cli-context';
import { progressPrinter } from '../cli-util';
import type { CliCommand, OptionValues } from './command';

/** `import`: a folder of CSV files → a new encrypted extract, through the engine's import.fromCsv. */
export const command: CliCommand = {
  name: 'import',
  summary: {
    nl: 'Maakt van een map CSV-bestanden (één per tabel) een nieuw versleuteld extract.',
    en: 'Turns a folder of CSV files (one per table) into a new encrypted extract.',
  },
  usage: '--from DIR --out FILE [--cipher sqlcipher4|sqlcipher3] [--passphrase-file FILE]',
  options: {
    from: { type: 'string' },
    out: { type: 'string' },
    cipher: { type: 'string' },
    'passphrase-file': { type: 'string' },
  },
  async run(ctx: CliContext, v: OptionValues) {
    if (typeof v.from !== 'string' || typeof v.out !== 'string') {
      throw new UsageError({ nl: 'Geef --from DIR en --out FILE.', en: 'Give --from DIR and --out FILE.' });
    }
    if (v.cipher !== undefined && v.cipher !== 'sqlcipher3' && v.cipher !== 'sqlcipher4') {
      throw new UsageError({ nl: '--cipher: sqlcipher4 of sqlcipher3.', en: '--cipher: sqlcipher4 or sqlcipher3.' });
    }
    const passphrase = await ctx.passphrase({ file: v['passphrase-file'] as string | undefined, confirm: true });
    const progress = progressPrinter(ctx, ctx.t('rijen', 'rows'));
    const off = ctx.engine().onEvent((e) => {
      if (e.type === 'progress' && e.task === 'import') progress(e.fraction ?? 0, e.rows, e.rowsPerSecond);
    });
    try {
      const result = await ctx.call('import.fromCsv', {
        sourceDir: path.resolve(v.from),
        targetPath: path.resolve(v.out),
        passphrase,
        cipher: { preset: (v.cipher as 'sqlcipher3' | 'sqlcipher4' | undefined) ?? 'sqlcipher4' },
      });
      progress(null);
      ctx.out(ctx.t(`Extract gemaakt: ${result.targetPath}`, `Extract written: ${result.targetPath}`));
      for (const t of result.tables) ctx.out(`  ${t.name.padEnd(20)} ${ctx.number(t.rows).padStart(12)}`);
      ctx.out(ctx.t(`${ctx.number(result.rows)} rijen, ${ctx.number(Math.round(result.rowsPerSecond))} rijen/s`, `${ctx.number(result.rows)} rows, ${ctx.number(Math.round(result.rowsPerSecond))} rows/s`));
      return 0;
    } catch (err) {
      progress(null);
      if (err instanceof CliFailure && err.error.code === 'IMPORT_INVALID') {
        // The code and message first (as in the UI), then the findings with file, line and column.
        const report = await ctx.engine().dispatch('import.report', { offset: 0, limit: 500 });
        const issues = report.ok ? (report.value as { issues: { file: string; line: number; column: string; message: { nl: string; en: string } }[] }).issues : [];
        throw new CliFailure({
          ...err.error,
          detail: { ...err.error.detail, lines: issues.map((i) => `${i.file}:${i.line}${i.column ? `:${i.column}` : ''}  ${i.message[ctx.lang]}`) },
        });
      }
      throw err;
    } finally {
      off();
    }
  },
};
