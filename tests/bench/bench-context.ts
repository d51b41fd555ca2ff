import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Shared by the bench sections. Speed and memory goals are never asserted: each section
 * prints our figure, a peer's figure measured in the same run, and their ratio.
 */
export interface BenchContext {
  /** Folder for generated benchmark data (git-ignored). Extracts there are encrypted. */
  dataDir: string;
  /** Persons for the large runs (default 2,000,000; BENCH_PERSONS overrides). */
  persons: number;
  seed: number;
  report(section: string, figure: string, ours: number | string, peer?: number | string, unit?: string, goal?: string): void;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<void>;
}

export function makeBenchContext(root: string): BenchContext {
  const dataDir = path.join(root, 'bench-data');
  mkdirSync(dataDir, { recursive: true });
  return {
    dataDir,
    persons: Number(process.env.BENCH_PERSONS ?? 2_000_000),
    seed: Number(process.env.BENCH_SEED ?? 20180127),
    report(section, figure, ours, peer, unit = '', goal = '') {
      const ratio = typeof ours === 'number' && typeof peer === 'number' && ours > 0 ? ` ratio peer/ours ${(peer / ours).toFixed(2)}×` : '';
      const peerText = peer === undefined ? '' : ` | peer ${fmt(peer)} ${unit}`;
      console.log(`[${section}] ${figure}: ours ${fmt(ours)} ${unit}${peerText}${ratio}${goal ? ` | goal ${goal}` : ''}`);
    },
  };
}

const fmt = (v: number | string) => (typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(2)) : v);
