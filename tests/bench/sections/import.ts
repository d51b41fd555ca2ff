import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXTRACT_TABLES } from '../../../shared/extract/extract-schema';
import { EXTRACT_INDEXES, extractDdl } from '../../../electron/engine/extract/extract-ddl';
import { importCsvFolder } from '../../../electron/engine/import/import-csv';
import { writeSyntheticCsv } from '../../../electron/engine/synthetic/generate-extract';
import type { BenchContext, BenchSection } from '../bench-context';

/** The synthetic CSV folder at ctx.persons (generated once, kept in bench-data/). */
export function benchCsvFolder(ctx: BenchContext): { dir: string; rows: number; bytes: number } {
  const dir = path.join(ctx.dataDir, `csv-${ctx.persons}-${ctx.seed}`);
  const done = path.join(dir, '.complete');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    const t = performance.now();
    const counts = writeSyntheticCsv(dir, { persons: ctx.persons, seed: ctx.seed });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    ctx.report('import', 'generator → CSV', Math.round(rows / ((performance.now() - t) / 1000)), undefined, 'rows/s');
    writeFileSync(done, String(rows));
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
  return {
    dir,
    rows: Number(readFileSync(done, 'utf8')),
    bytes: files.reduce((s, f) => s + statSync(path.join(dir, f)).size, 0),
  };
}

/**
 * Import throughput into an encrypted extract (validation, NIS checks, references, indexes)
 * against Debian's `sqlite3 .import` of the same CSV files into a plain database with the
 * same tables and indexes, measured in the same run.
 */
export const importSection: BenchSection = {
  name: 'import',
  async run(ctx) {
    const csv = benchCsvFolder(ctx);
    console.log(`  CSV folder: ${csv.rows.toLocaleString('en-US')} rows, ${(csv.bytes / 2 ** 20).toFixed(0)} MiB`);
    const target = path.join(ctx.dataDir, `import-${process.pid}.db`);
    rmSync(target, { force: true });
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const t = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await importCsvFolder({
      sourceDir: csv.dir,
      targetPath: target,
      passphrase: 'bench-import-passphrase',
      cipher: { preset: 'sqlcipher4' },
      onProgress: () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    });
    const secs = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    rmSync(target, { force: true });
    if (!result.ok) throw new Error(`import failed: ${result.total} findings, first ${JSON.stringify(result.issues[0])}`);
    const ours = Math.round(result.rows / secs);

    const plain = path.join(ctx.dataDir, `plain-peer-${process.pid}.db`);
    rmSync(plain, { force: true });
    const script = [
      '.bail on',
      'PRAGMA journal_mode=OFF;',
      'PRAGMA synchronous=OFF;',
      ...extractDdl().map((s) => `${s};`),
      ...EXTRACT_TABLES.map((tb) => `.import --csv --skip 1 '${path.join(csv.dir, `${tb}.csv`)}' ${tb}`),
      ...EXTRACT_INDEXES.map((s) => `${s};`),
    ].join('\n');
    // CPU seconds too: on a busy machine wall time says more about the neighbours than about us.
    const timeTool = existsSync('/usr/bin/time');
    const t2 = performance.now();
    const peer = timeTool
      ? spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', 'sqlite3', plain], { input: script, encoding: 'utf8' })
      : spawnSync('sqlite3', [plain], { input: script, encoding: 'utf8' });
    const peerSecs = (performance.now() - t2) / 1000;
    const peerCpu = /CPU ([\d.]+) ([\d.]+)/.exec(peer.stderr ?? '');
    const peerCpuSecs = peerCpu ? Number(peerCpu[1]) + Number(peerCpu[2]) : undefined;
    rmSync(plain, { force: true });
    if (peer.status !== 0) throw new Error(`sqlite3 .import failed (exit ${peer.status})`);

    ctx.report('import', 'CSV → encrypted extract (validated)', ours, Math.round(result.rows / peerSecs), 'rows/s', '≥ 300,000 rows/s');
    ctx.report('import', 'wall time', secs, peerSecs, 's');
    if (peerCpuSecs) {
      ctx.report('import', 'rows per CPU-second', Math.round(result.rows / cpuSecs), Math.round(result.rows / peerCpuSecs), 'rows/CPU-s', '≥ 300,000 rows/s');
    }
    ctx.report('import', 'resident memory during import (peak seen)', Math.round(peakRss / 2 ** 20), undefined, `MiB (before ${Math.round(rssBefore / 2 ** 20)} MiB)`);
  },
};
