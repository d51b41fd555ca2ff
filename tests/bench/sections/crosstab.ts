import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, SMALLINT, UTINYINT } from '@duckdb/node-api';
import { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { CrosstabDefinition, ProfileOptions } from '../../../shared/crosstab/crosstab-definition';
import { LOC_OFFSET } from '../../../electron/engine/cohort/columnar-index';
import { evaluateCohort } from '../../../electron/engine/cohort/evaluate-cohort';
import { areaOfLocLookup } from '../../../electron/engine/cohort/location-lookup';
import { sessionIndex } from '../../../electron/engine/cohort/session-index';
import { computeCrosstab } from '../../../electron/engine/crosstab/compute-crosstab';
import { computeProfile } from '../../../electron/engine/crosstab/compute-profile';
import { openExtractSession } from '../../../electron/engine/extract/open-extract-session';
import { BENCH_PASSPHRASE, benchExtract } from '../bench-extract';
import type { BenchContext, BenchSection } from '../bench-context';
import { append } from './matrix';

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeMedian(fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** 50 two-year age bands: 0-1, 2-3, …, 96-97, 98+. */
const BANDS = Array.from({ length: 50 }, (_, i) => ({ min: 2 * i, max: i === 49 ? 120 : 2 * i + 1 }));

/**
 * The cohort profile (12 one-way tables over 10 person variables, incl. areas at decision and
 * on the reference date) and a 47 × 52 × 5 cross-tab (arrondissement at decision incl. the special
 * areas × 50 age bands + other + unknown × NT2 level) at ctx.persons, against DuckDB running the same GROUP BY in the same run on the
 * same per-person columns (loaded from memory). Cohort: everyone granted protection.
 */
export const crosstabSection: BenchSection = {
  name: 'crosstab',
  async run(ctx: BenchContext) {
    const file = benchExtract(ctx, 'crosstab');
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'vv-bench-crosstab-'));
    const session = await openExtractSession({ path: file, passphrase: BENCH_PASSPHRASE, cipher: { preset: 'auto' } }, workDir, () => {});
    const ix = sessionIndex(session);
    ix.loadExtras();
    const cohort = CohortDefinition.parse({ status: ['REFUGEE', 'SUBSIDIARY'] });
    const options = ProfileOptions.parse({ topNationalities: 10 });
    const def = CrosstabDefinition.parse({ rows: { var: 'area', at: 'decision', level: 'arrondissement', vintage: '2019' }, cols: { var: 'ageBand', bands: BANDS }, layers: { var: 'nt2Level' } });
    const profile = () => computeProfile(ix, evaluateCohort(ix, cohort), options);
    const crosstab = () => computeCrosstab(ix, evaluateCohort(ix, cohort), def);
    const ourProfile = profile();
    const ourX = crosstab();
    const oursProfileMs = await timeMedian(profile);
    const oursXMs = await timeMedian(crosstab);
    const oursXPersonsMs = await timeMedian(() => computeCrosstab(ix, evaluateCohort(ix, cohort), def, { persons: true }));

    const duck = await DuckDBInstance.create(':memory:');
    const con = await duck.connect();
    try {
      await con.run(`CREATE TABLE persons (status UTINYINT, sex UTINYINT, nat SMALLINT, dyear SMALLINT, age SMALLINT, kbi UTINYINT, traj UTINYINT, att UTINYINT, nt2 UTINYINT,
        rd SMALLINT, pd SMALLINT, rr SMALLINT, pr SMALLINT, ad SMALLINT)`);
      const region = areaOfLocLookup(ix, '2019', 'region');
      const province = areaOfLocLookup(ix, '2019', 'province');
      const arrondissement = areaOfLocLookup(ix, '2019', 'arrondissement');
      const t = performance.now();
      await append(con, 'persons', [UTINYINT, UTINYINT, SMALLINT, SMALLINT, SMALLINT, UTINYINT, UTINYINT, UTINYINT, UTINYINT, SMALLINT, SMALLINT, SMALLINT, SMALLINT, SMALLINT], ix.persons, (p) => [
        ix.status[p], ix.sex[p], ix.nationality[p], ix.decisionYear[p], ix.ageAtDecision[p], ix.kbiTarget[p], ix.trajectoryStarted[p], ix.attestationObtained[p], ix.nt2Level[p],
        region[ix.locAtDecision[p] + LOC_OFFSET], province[ix.locAtDecision[p] + LOC_OFFSET], region[ix.locAtReference[p] + LOC_OFFSET], province[ix.locAtReference[p] + LOC_OFFSET], arrondissement[ix.locAtDecision[p] + LOC_OFFSET],
      ]);
      ctx.report('crosstab', 'DuckDB load from memory (not timed against us)', performance.now() - t, undefined, 'ms');
      const where = 'status IN (0, 1)';
      const ageBand = "CASE WHEN age < 0 THEN 99 WHEN age < 18 THEN 0 WHEN age < 25 THEN 1 WHEN age < 35 THEN 2 WHEN age < 45 THEN 3 WHEN age < 55 THEN 4 WHEN age < 65 THEN 5 ELSE 6 END";
      const profileSql = `SELECT status, nat, sex, ${ageBand} AS band, dyear, rd, pd, rr, pr, kbi, traj, att, count(*) AS n FROM persons WHERE ${where}
        GROUP BY GROUPING SETS ((status), (nat), (sex), (band), (dyear), (rd), (pd), (rr), (pr), (kbi), (traj), (att))`;
      const crossSql = `SELECT ad AS r, CASE WHEN age < 0 THEN -1 ELSE least(age // 2, 49) END AS c, nt2, count(*) AS n
        FROM persons WHERE ${where} GROUP BY ALL`;
      // Same answers, or the comparison means nothing.
      const duckProfile = (await con.runAndReadAll(profileSql)).getRows();
      const duckX = (await con.runAndReadAll(crossSql)).getRows();
      // Every grouping set partitions the cohort, as each of our 12 tables does.
      const duckProfileTotal = duckProfile.reduce((s, r) => s + Number(r[12]), 0);
      if (duckProfileTotal !== 12 * ourProfile[0].table.total || ourProfile.some((t) => t.table.total !== ourProfile[0].table.total)) throw new Error('DuckDB profile differs from ours');
      const xCells = ourX.layers.reduce((s, l) => s + Array.from(l.table.counts).filter((v) => v > 0).length, 0);
      const xTotal = duckX.reduce((s, r) => s + Number(r[3]), 0);
      if (duckX.length !== xCells || xTotal !== ourX.cohortSize) throw new Error(`DuckDB cross-tab differs from ours (${duckX.length} vs ${xCells} cells)`);
      const duckProfileMs = await timeMedian(() => con.runAndReadAll(profileSql));
      const duckXMs = await timeMedian(() => con.runAndReadAll(crossSql));
      const size = ourX.cohortSize.toLocaleString('en-US');
      ctx.report('crosstab', `profile: 12 one-way tables over 10 variables (${size} persons)`, oursProfileMs, duckProfileMs, 'ms', '≤ 50 ms, ≥ 2× faster');
      ctx.report('crosstab', `cross-tab ${ourX.rowCategories.length} × ${ourX.colCategories.length} × ${ourX.layers.length} (arrondissement at decision × age band × NT2)`, oursXMs, duckXMs, 'ms', '≤ 50 ms, ≥ 2× faster');
      ctx.report('crosstab', 'cross-tab + person keys and cells (release path)', oursXPersonsMs, undefined, 'ms');
    } finally {
      con.closeSync();
      duck.closeSync();
      session.close();
      rmSync(workDir, { recursive: true, force: true });
    }
  },
};
