import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_PASSPHRASE, benchExtract } from '../bench-extract';
import type { BenchSection } from '../bench-context';
import { openBreakdown } from './open-breakdown';

const REPEATS = 3;

interface OpenRun {
  tables: { name: string; rows: number }[];
  openMs: number;
  wallMs: number;
  rssBytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => `range ${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * Open-to-ready time and resident memory of the realistic synthetic extract at ctx.persons,
 * measured in fresh processes (the CLI's `info --json`, same engine as the UI), so the
 * memory figure is the engine's own: the first open (index built) and repeat opens (index
 * cache). Then the breakdown of an open by part (open-breakdown.ts; BENCH_OPEN_BREAKDOWN=0
 * skips it). Also prints the generator's throughput when it builds the extract (once; kept
 * encrypted in bench-data/).
 */
export const openSection: BenchSection = {
  name: 'open',
  async run(ctx) {
    const file = benchExtract(ctx, 'open');
    const cli = path.resolve(__dirname, 'cli.cjs');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vv-bench-open-'));
    const info = (): OpenRun => {
      const r = spawnSync(process.execPath, [cli, 'info', '--extract', file, '--json', '--data-dir', dataDir], {
        env: { ...process.env, VERHUIS_PASSPHRASE: BENCH_PASSPHRASE },
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (r.status !== 0) throw new Error(`info failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as OpenRun;
    };
    try {
      // The first open builds the index (and creates the workspace, then writes the index
      // cache); every later open of the same file is the everyday case and reads the cache.
      const first = info();
      const repeats = Array.from({ length: REPEATS }, info);
      const rows = (name: string) => (first.tables.find((x) => x.name === name)?.rows ?? 0).toLocaleString('en-US');
      ctx.report('open', 'extract', `${mib(statSync(file).size)} MiB, ${rows('person')} persons, ${rows('residence')} residence spells, ${rows('protection_decision')} decisions`);
      ctx.report('open', 'open-to-ready, first open (builds the index, creates workspace)', Math.round(first.wallMs), undefined, `ms (engine openMs ${Math.round(first.openMs)})`, '≤ 3,000 ms');
      ctx.report('open', `open-to-ready, repeat open (index cache), median of ${REPEATS}`, Math.round(median(repeats.map((x) => x.wallMs))), undefined, `ms (${spread(repeats.map((x) => x.wallMs))})`, '≤ 1,500 ms at 2 M, ≤ 5,000 ms at 6 M');
      ctx.report('open', 'resident memory after first open (fresh process)', mib(first.rssBytes), undefined, 'MiB');
      ctx.report('open', 'resident memory after repeat open (fresh process)', mib(median(repeats.map((x) => x.rssBytes))), undefined, 'MiB', '≤ 1,536 MiB at 2 M, ≤ 4,096 MiB at 6 M');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    if (process.env.BENCH_OPEN_BREAKDOWN !== '0') await openBreakdown(ctx, file, BENCH_PASSPHRASE);
  },
};
