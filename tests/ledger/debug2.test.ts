import { it } from 'vitest';
import path from 'node:path';
import { makeTestEngine, RESOURCES_DIR } from '../support/test-engine';

it('debug demo', async () => {
  const t = makeTestEngine();
  await t.value('extract.open', { path: path.join(RESOURCES_DIR, 'demo/demo-extract.db'), passphrase: 'demo-verhuisverkenner' } as never);
  const cohort = { status: ['REFUGEE'], decisionYears: [2016] } as never;
  const out = path.join(t.dataDir, 'x');
  let i = 0;
  for (const level of (process.env.LEVELS ?? 'region,province,arrondissement,municipality').split(',')) {
    const t0 = performance.now();
    const r = await t.call('export.matrix', { cohort, definition: { kind: 'state', level } as never, format: 'csv', path: `${out}${i++}.csv`, language: 'nl' } as never);
    console.log(level, r.ok ? JSON.stringify((r as { value: { counts: unknown } }).value.counts) : (r as { error: { code: string; message: { en: string } } }).error.message.en, Math.round(performance.now() - t0), 'ms');
  }
  t.dispose();
}, 900000);
