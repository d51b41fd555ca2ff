import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openExtractSession } from '../../../electron/engine/extract/open-extract-session';
import { qualityCounts } from '../../../electron/engine/quality/quality-counts';
import { writeSyntheticExtract } from '../../../electron/engine/synthetic/generate-extract';
import type { BenchContext, BenchSection } from '../bench-context';

const PASSPHRASE = 'bench-quality-passphrase';

/**
 * The data-quality report at ctx.persons (the overview asks for it right after open), against
 * the open itself (check, fingerprint, columnar index) measured in the same run as the peer.
 */
export const qualitySection: BenchSection = {
  name: 'quality',
  async run(ctx: BenchContext) {
    const file = path.join(ctx.dataDir, `quality-synthetic-${ctx.persons}-${ctx.seed}.db`);
    if (!existsSync(file)) writeSyntheticExtract(file, PASSPHRASE, { preset: 'sqlcipher4' }, { persons: ctx.persons, seed: ctx.seed });
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'vv-bench-quality-'));
    try {
      let t = performance.now();
      const session = await openExtractSession({ path: file, passphrase: PASSPHRASE, cipher: { preset: 'auto' } }, workDir, () => {});
      const openMs = performance.now() - t;
      try {
        qualityCounts(session); // warm-up: reference data, JIT
        t = performance.now();
        const report = qualityCounts(session);
        const qualityMs = performance.now() - t;
        ctx.report('quality', `data-quality report, ${report.residenceRecords.toLocaleString('en-US')} residence records (peer: open-to-ready of the same extract)`, qualityMs, openMs, 'ms');
      } finally {
        session.close();
      }
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  },
};
