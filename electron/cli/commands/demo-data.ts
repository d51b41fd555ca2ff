import { DEMO_PASSPHRASE } from '../../engine/app/app-handlers';
import { writeSyntheticCsv, writeSyntheticExtract, DEFAULT_REFERENCE_DATE } from '../../engine/synthetic/generate-extract';
import { MIN_PASSPHRASE } from '../../engine/import/import-handlers';
import { UsageError, cliFailure, type CliContext } from '../cli-context';
import { positiveInt, progressPrinter } from '../cli-util';
import type { CliCommand, OptionValues } from './command';
import path from 'node:path';
import { checkWriteFolder, checkWritePath, writeGuardOf } from '../../engine/export/write-path';
import { AppError } from '../../engine/core/app-error';

/** `demo-data`: a seeded synthetic extract (encrypted) and/or the same data as CSV files. */
export const command: CliCommand = {
  name: 'demo-data',
  summary: {
    nl: 'Maakt een synthetisch extract (versleuteld) en/of dezelfde gegevens als CSV-map, reproduceerbaar uit een seed.',
    en: 'Writes a synthetic extract (encrypted) and/or the same data as a CSV folder, reproducible from a seed.',
  },
  usage: '--persons N --seed S (--out FILE [--cipher sqlcipher4|sqlcipher3] [--demo-passphrase] [--replace] | --csv DIR) [--reference-date YYYY-MM-DD] [--passphrase-file FILE]',
  options: {
    persons: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    'reference-date': { type: 'string' },
    cipher: { type: 'string' },
    'passphrase-file': { type: 'string' },
    'demo-passphrase': { type: 'boolean' },
    replace: { type: 'boolean' },
  },
  async run(ctx: CliContext, v: OptionValues) {
    const persons = positiveInt(v.persons ?? '20000', '--persons');
    const seed = positiveInt(v.seed ?? '20180127', '--seed');
    const referenceDate = (v['reference-date'] as string | undefined) ?? DEFAULT_REFERENCE_DATE;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new UsageError({ nl: '--reference-date verwacht JJJJ-MM-DD.', en: '--reference-date expects YYYY-MM-DD.' });
    const out = v.out as string | undefined;
    const csvDir = v.csv as string | undefined;
    if (!out && !csvDir) throw new UsageError({ nl: 'Geef --out FILE en/of --csv DIR.', en: 'Give --out FILE and/or --csv DIR.' });
    const cipher = v.cipher === 'sqlcipher3' ? ({ preset: 'sqlcipher3' } as const) : ({ preset: 'sqlcipher4' } as const);
    if (v.cipher !== undefined && v.cipher !== 'sqlcipher3' && v.cipher !== 'sqlcipher4') {
      throw new UsageError({ nl: '--cipher: sqlcipher4 of sqlcipher3.', en: '--cipher: sqlcipher4 or sqlcipher3.' });
    }
    // The engine's write-path rules: absolute after resolving, not in the data folder, not the workspace; --replace to overwrite.
    const guard = writeGuardOf(ctx.engine().state);
    if (out) {
      try {
        checkWritePath(path.resolve(out), guard, { overwrite: v.replace === true });
      } catch (err) {
        // Same code as an import target that exists (--replace to replace it).
        if (err instanceof AppError && err.code === 'FILE_EXISTS') throw new AppError('IMPORT_TARGET_EXISTS', err.params);
        throw err;
      }
    }
    if (csvDir) checkWriteFolder(path.resolve(csvDir), guard);
    const progress = progressPrinter(ctx, ctx.t('personen', 'persons'));
    const opts = { persons, seed, referenceDate, onProgress: (done: number, total: number) => progress(done / total, done) };
    const started = Date.now();
    let counts;
    if (out) {
      const passphrase = v['demo-passphrase'] ? DEMO_PASSPHRASE : await ctx.passphrase({ file: v['passphrase-file'] as string | undefined, confirm: true });
      if (passphrase.length < MIN_PASSPHRASE) throw cliFailure('WEAK_PASSPHRASE', { min: MIN_PASSPHRASE });
      counts = writeSyntheticExtract(out, passphrase, cipher, { ...opts, csvDir, replace: v.replace === true });
    } else {
      counts = writeSyntheticCsv(csvDir!, opts);
    }
    progress(null);
    const secs = (Date.now() - started) / 1000;
    ctx.out(ctx.t(`Synthetisch extract gemaakt (seed ${seed}, referentiedatum ${referenceDate}) in ${secs.toFixed(1)} s:`, `Synthetic extract written (seed ${seed}, reference date ${referenceDate}) in ${secs.toFixed(1)} s:`));
    if (out) ctx.out(`  ${out}`);
    if (csvDir) ctx.out(`  ${csvDir}/*.csv`);
    for (const [table, n] of Object.entries(counts)) ctx.out(`  ${table.padEnd(20)} ${ctx.number(n).padStart(12)}`);
    return 0;
  },
};
