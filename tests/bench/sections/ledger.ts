import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { DEFAULT_POLICY } from '../../../shared/disclosure/policy';
import type { AreaLevel, Vintage } from '../../../shared/geo/area-level';
import { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import { openExtractSession } from '../../../electron/engine/extract/open-extract-session';
import { protectedTables, releasableTables, type Subject } from '../../../electron/engine/export/release';
import { appendAudit } from '../../../electron/engine/audit/audit-log';
import { ledgerSizes, saveLedgerRelease } from '../../../electron/engine/ledger/ledger-store';
import { ledgerTableOf } from '../../../electron/engine/ledger/ledger-table';
import { PERTURBATION_BOUND } from '../../../electron/engine/ledger/protect-against-ledger';
import { writeSyntheticExtract } from '../../../electron/engine/synthetic/generate-extract';
import type { BenchSection } from '../bench-context';

const PASSPHRASE = 'bench-ledger-passphrase';

/**
 * Protection against the release ledger: a synthetic extract (BENCH_LEDGER_PERSONS, default
 * 150,000) with a ledger of BENCH_LEDGER_RELEASES (default 50) earlier releases of mixed
 * levels, vintages, definitions and cohorts, each protected against the ones before, then a
 * new municipality-level and a new arrondissement-level state matrix. Peer: the same table
 * protected on its own (what a release cost before the ledger). Goals: ≤ 10 s and ≤ 2 s.
 */
export const ledgerSection: BenchSection = {
  name: 'ledger',
  async run(ctx) {
    const persons = Number(process.env.BENCH_LEDGER_PERSONS ?? 150_000);
    const releases = Number(process.env.BENCH_LEDGER_RELEASES ?? 50);
    const file = path.join(ctx.dataDir, `ledger-synthetic-${persons}-${ctx.seed}.db`);
    if (!existsSync(file)) writeSyntheticExtract(file, PASSPHRASE, { preset: 'sqlcipher4' }, { persons, seed: ctx.seed });
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'vv-bench-ledger-'));
    const session = await openExtractSession({ path: file, passphrase: PASSPHRASE, cipher: { preset: 'auto' } }, workDir, () => {});
    try {
      const years = [2014, 2015, 2016, 2017, 2018];
      const nationalities = [['SYR'], ['AFG'], ['ERI'], ['IRQ'], ['SYR', 'AFG']];
      const levels: AreaLevel[] = ['region', 'province', 'arrondissement'];
      const vintages: Vintage[] = ['2019', '2025'];
      const kinds = ['state', 'first-move'] as const;
      let refused = 0;
      let setupMs = 0;
      for (let i = 0; i < releases; i++) {
        // A deterministic mix: cohorts by year and nationality, levels, vintages, definitions.
        const cohort = CohortDefinition.parse({ status: ['REFUGEE', 'SUBSIDIARY'], decisionYears: [years[i % 5]], nationalities: nationalities[Math.floor(i / 5) % 5] });
        const definition = MatrixDefinition.parse({ kind: kinds[i % 2], level: levels[i % 3], vintage: vintages[Math.floor(i / 3) % 2] });
        const t = performance.now();
        try {
          const { built } = await releasableTables(session, cohort, { kind: 'matrix', definition }, DEFAULT_POLICY, 'nl');
          const zero = '0'.repeat(64);
          appendAudit(
            session.workspace,
            {
              time: new Date().toISOString(),
              user: 'bench',
              channel: 'cli',
              output: 'csv',
              extractId: session.summary.extractId,
              extractFingerprint: session.summary.fingerprint,
              recipeHash: zero,
              cohort,
              table: { kind: 'matrix', definition },
              fileName: null,
              sha256: zero,
              policy: DEFAULT_POLICY,
              counts: { tables: 1, cells: 0, protected: built.tables[0].table.counts },
              snapshotSha256: zero,
            },
            (seq) => saveLedgerRelease(session.workspace, seq, built.tables.map((x, j) => ledgerTableOf(x.table, built.personCells[j], seq, j, PERTURBATION_BOUND, built.hierarchy[j]))),
          );
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code !== 'LINKED_TABLES' && code !== 'DIFFERENCING_RISK') throw e;
          refused++;
        }
        setupMs += performance.now() - t;
      }
      const sizes = ledgerSizes(session.workspace);
      const bytes = sizes.reduce((s, r) => s + r.bytes, 0);
      ctx.report('ledger', `build a ledger of ${releases} releases (${refused} refused) at ${persons.toLocaleString('en-US')} persons`, setupMs / 1000, undefined, 's');
      ctx.report('ledger', 'ledger size per release (deflated, in the encrypted workspace)', Math.round(bytes / Math.max(1, sizes.length) / 1024), undefined, 'KiB');
      // A cohort the ledger has not seen (refugees only), overlapping its releases: the real case.
      const cohort = CohortDefinition.parse({ status: ['REFUGEE'], decisionYears: [2016], nationalities: ['SYR'] });
      for (const [level, goal] of [['arrondissement', '≤ 2,000 ms'], ['municipality', '≤ 10,000 ms']] as const) {
        const subject: Subject = { kind: 'matrix', definition: MatrixDefinition.parse({ kind: 'state', level, vintage: '2019' }) };
        const p0 = performance.now();
        protectedTables(session, cohort, subject, DEFAULT_POLICY, 'nl');
        const aloneMs = performance.now() - p0;
        const t0 = performance.now();
        const cpu0 = process.cpuUsage().user;
        let outcome = 'released';
        try {
          const { built } = await releasableTables(session, cohort, subject, DEFAULT_POLICY, 'nl');
          outcome = `released, ${built.tables[0].table.counts.linked} linked cells`;
        } catch (e) {
          outcome = `refused (${(e as { code?: string }).code ?? 'error'})`;
        }
        const cpuMs = (process.cpuUsage().user - cpu0) / 1000;
        ctx.report('ledger', `protect a new ${level} state matrix against the ledger (${outcome}; CPU ${Math.round(cpuMs).toLocaleString('en-US')} ms)`, performance.now() - t0, aloneMs, 'ms', goal);
      }
      console.log('  (peer = the same table protected on its own, as before the ledger)');
    } finally {
      session.close();
      rmSync(workDir, { recursive: true, force: true });
    }
  },
};
