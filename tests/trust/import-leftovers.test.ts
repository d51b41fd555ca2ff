import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCsv } from '../../electron/engine/synthetic/generate-extract';
import { bundleChild, childEnv } from '../extract/open-helpers';
import { makeTempDir } from '../support/make-extract';
import { makeTestEngine, RESOURCES_DIR } from '../support/test-engine';

/**
 * Issue 11.6: a kill -9 during an import leaves a hidden encrypted `.importing` file; the next
 * start removes it — only files with our name pattern and header, of a process that is gone.
 */
const waitFor = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
};

describe('leftovers of an interrupted import', () => {
  it('are removed at the next start; look-alikes are kept', async () => {
    const work = makeTempDir('vv-leftover-');
    const dataDir = path.join(work, 'data');
    const source = path.join(work, 'csv');
    const out = path.join(work, 'out');
    writeSyntheticCsv(source, { persons: 30_000, seed: 9, referenceDate: '2018-01-27' });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out);
    mkdirSync(dataDir);
    const child = bundleChild('tests/trust/fixtures/import-child.ts', makeTempDir('vv-leftover-bundle-'));
    const proc = spawn(process.execPath, [child, dataDir, source, path.join(out, 'new.db'), RESOURCES_DIR], { env: childEnv(), stdio: 'ignore' });
    const leftover = () => readdirSync(out).filter((f) => f.endsWith('.importing'));
    expect(await waitFor(() => leftover().length > 0, 60_000)).toBe(true);
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));
    const left = leftover();
    expect(left).toHaveLength(1);

    // Look-alikes: a plaintext SQLite file with our name, our name with a living process, another name.
    const plain = path.join(out, '.x.db.999999-1.importing');
    writeFileSync(plain, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096 - 16)]));
    const running = path.join(out, `.y.db.${process.pid}-1.importing`);
    writeFileSync(running, Buffer.alloc(4096, 7));
    const other = path.join(out, '.z.db.part');
    writeFileSync(other, Buffer.alloc(4096, 7));

    const t = makeTestEngine({ dataDir });
    t.dispose();
    expect(existsSync(path.join(out, left[0]))).toBe(false);
    expect(existsSync(plain)).toBe(true);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(path.join(out, 'new.db'))).toBe(false);
  }, 120_000);
});
