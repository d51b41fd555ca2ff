import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticExtract } from '../../../electron/engine/synthetic/generate-extract';
import type { BenchSection } from '../bench-context';

const PASSPHRASE = 'bench-open-passphrase';

/**
 * Open-to-ready time and resident memory of the realistic synthetic extract at ctx.persons,
 * measured in a fresh process (the CLI's `info --json`, same engine as the UI), so the
 * memory figure is the engine's own. Also prints the generator's throughput when it builds
 * the extract (once; kept encrypted in bench-data/).
 */
export const openSection: BenchSection = {
  name: 'open',
  async run(ctx) {
    const file = path.join(ctx.dataDir, `synthetic-${ctx.persons}-${ctx.seed}.db`);
    if (!existsSync(file)) {
      const t = performance.now();
      const counts = writeSyntheticExtract(file, PASSPHRASE, { preset: 'sqlcipher4' }, { persons: ctx.persons, seed: ctx.seed });
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      const secs = (performance.now() - t) / 1000;
      ctx.report('open', 'generator → encrypted extract', Math.round(rows / secs), undefined, `rows/s (${rows.toLocaleString('en-US')} rows, ${secs.toFixed(1)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB)`);
    }
    const cli = path.resolve(__dirname, 'cli.cjs');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vv-bench-open-'));
    const runs: { openMs: number; wallMs: number; rssBytes: number }[] = [];
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, [cli, 'info', '--extract', file, '--json', '--data-dir', dataDir], {
        env: { ...process.env, VERHUIS_PASSPHRASE: PASSPHRASE },
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      if (r.status !== 0) throw new Error(`info failed: ${r.stderr}`);
      runs.push(JSON.parse(r.stdout));
    }
    rmSync(dataDir, { recursive: true, force: true });
    // The first open creates the workspace; the second is the everyday case.
    ctx.report('open', 'open-to-ready, first open (creates workspace)', Math.round(runs[0].wallMs), undefined, 'ms');
    ctx.report('open', 'open-to-ready, second open', Math.round(runs[1].wallMs), undefined, `ms (engine openMs ${Math.round(runs[1].openMs)})`);
    ctx.report('open', 'resident memory after open (fresh process)', Math.round(runs[1].rssBytes / 2 ** 20), undefined, 'MiB');
  },
};
