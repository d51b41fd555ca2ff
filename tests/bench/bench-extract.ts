import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeSyntheticExtract } from '../../electron/engine/synthetic/generate-extract';
import type { BenchContext } from './bench-context';

/** The passphrase of the realistic bench extract (synthetic data only). */
export const BENCH_PASSPHRASE = 'bench-open-passphrase';

/**
 * The realistic synthetic extract at ctx.persons, shared by the open and matrix sections:
 * generated once (at 6 M persons it takes minutes and ~3 GB) and kept, encrypted, in
 * bench-data/. Prints the generator's throughput when it generates.
 */
export function benchExtract(ctx: BenchContext, section: string): string {
  const file = path.join(ctx.dataDir, `synthetic-${ctx.persons}-${ctx.seed}.db`);
  if (!existsSync(file)) {
    const t = performance.now();
    const counts = writeSyntheticExtract(file, BENCH_PASSPHRASE, { preset: 'sqlcipher4' }, { persons: ctx.persons, seed: ctx.seed });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const secs = (performance.now() - t) / 1000;
    ctx.report(section, 'generator → encrypted extract', Math.round(rows / secs), undefined, `rows/s (${rows.toLocaleString('en-US')} rows, ${secs.toFixed(1)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB)`);
  }
  return file;
}
