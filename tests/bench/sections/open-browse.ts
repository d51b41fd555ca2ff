import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { createEngine } from '../../../electron/engine/core/dispatch';
import { createEncryptedExtract, finishExtract, writeExtractMeta } from '../../../electron/engine/extract/create-extract';
import { buildHandlers } from '../../../electron/engine/handlers';
import type { BenchSection } from '../bench-context';

const PASSPHRASE = 'bench-open-browse';

/**
 * Open-to-ready time and resident memory at ctx.persons, and browse block times (first
 * block, a jump deep into the table, a sorted view). Writes its own simple encrypted extract
 * once (bench-data/open-browse-<persons>.db); the realistic generator's extract is measured
 * by the import/generator sections.
 */
export const openBrowseSection: BenchSection = {
  name: 'open-browse',
  async run(ctx) {
    const file = path.join(ctx.dataDir, `open-browse-${ctx.persons}.db`);
    if (!existsSync(file)) writeSimpleExtract(file, ctx.persons);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vv-bench-'));
    const engine = createEngine({ resourcesDir: dataDir, dataDir, appVersion: 'bench' }, buildHandlers);
    const call = async (m: string, req: unknown) => {
      const r = await engine.dispatch(m, req);
      if (!r.ok) throw new Error(`${m}: ${r.error.code}`);
      return r.value;
    };
    const rss0 = process.memoryUsage().rss;
    let t = performance.now();
    await call('extract.open', { path: file, passphrase: PASSPHRASE });
    ctx.report('open', 'open-to-ready', performance.now() - t, undefined, 'ms');
    ctx.report('open', 'resident memory after open', Math.round(process.memoryUsage().rss / 2 ** 20), undefined, `MiB (before open ${Math.round(rss0 / 2 ** 20)} MiB)`);

    const timed = async (figure: string, req: unknown) => {
      t = performance.now();
      await call('browse.rows', req);
      ctx.report('browse', figure, performance.now() - t, undefined, 'ms');
    };
    await timed('first block (100 rows)', { table: 'person', startRow: 0, endRow: 100 });
    await timed('jump to row 90% (100 rows)', { table: 'person', startRow: Math.floor(ctx.persons * 0.9), endRow: Math.floor(ctx.persons * 0.9) + 100 });
    await timed('sorted view, first block (build order)', { table: 'person', startRow: 0, endRow: 100, sort: [{ column: 'birth_year', direction: 'desc' }] });
    await timed('sorted view, jump to 50%', { table: 'person', startRow: Math.floor(ctx.persons / 2), endRow: Math.floor(ctx.persons / 2) + 100, sort: [{ column: 'birth_year', direction: 'desc' }] });
    await timed('filtered view (contains), first block', { table: 'residence', startRow: 0, endRow: 100, filters: [{ column: 'nis_code', op: 'startsWith', value: '44' }] });
    ctx.report('browse', 'resident memory after browsing', Math.round(process.memoryUsage().rss / 2 ** 20), undefined, 'MiB');
    engine.state.closeSession();
    rmSync(dataDir, { recursive: true, force: true });
  },
};

function writeSimpleExtract(file: string, persons: number) {
  const db = createEncryptedExtract(file, PASSPHRASE, { preset: 'sqlcipher4' });
  writeExtractMeta(db, { extract_id: `bench-open-${persons}`, source: 'synthetic', reference_date: '2018-01-27', schema_version: '1' });
  const person = db.prepare('INSERT INTO person VALUES (?, ?, ?, ?, ?, NULL)');
  const decision = db.prepare("INSERT INTO protection_decision VALUES (?, ?, 'REFUGEE', NULL)");
  const residence = db.prepare("INSERT INTO residence VALUES (?, ?, ?, 'MAIN', ?, NULL)");
  const nis = ['11002', '44021', '21004', '62063', '52011', '24062', '35013'];
  const batch = 100_000;
  for (let start = 0; start < persons; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(persons, start + batch); i++) {
        const id = `P${String(i).padStart(8, '0')}`;
        person.run(id, 1950 + (i % 60), 1 + (i % 12), i % 3 ? 'M' : 'F', i % 5 ? 'SYR' : 'AFG');
        decision.run(id, `201${5 + (i % 3)}-0${1 + (i % 9)}-15`);
        residence.run(id, '2015-01-01', '2016-06-30', nis[i % 7]);
        residence.run(id, '2016-07-01', null, nis[(i * 3) % 7]);
      }
    })();
  }
  finishExtract(db);
  db.close();
}
