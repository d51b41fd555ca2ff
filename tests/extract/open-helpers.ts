import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { expect } from 'vitest';
import type { ErrorCode } from '../../shared/api/errors';
import type { RequestOf } from '../../shared/api/contract';
import type { TestEngine } from '../support/test-engine';
import { REPO_ROOT } from '../support/test-engine';

export const sha256File = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/**
 * Opens through the engine, expects the given error code, and checks the file's bytes did
 * not change. Returns the error for further checks.
 */
export async function expectOpenFails(te: TestEngine, req: RequestOf<'extract.open'>, code: ErrorCode) {
  const before = sha256File(req.path);
  const r = await te.call('extract.open', req);
  expect(sha256File(req.path)).toBe(before);
  if (r.ok) throw new Error(`expected ${code}, but the extract opened`);
  expect(r.error.code).toBe(code);
  // Messages reach the UI in both languages and never carry the passphrase.
  expect(r.error.message.nl.length).toBeGreaterThan(10);
  expect(r.error.message.en.length).toBeGreaterThan(10);
  expect(JSON.stringify(r.error)).not.toContain(req.passphrase);
  return r.error;
}

/** Environment for a bundled child: node_modules stay external and resolve from the repo. */
export const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_PATH: path.join(REPO_ROOT, 'node_modules'),
  ...extra,
});

/** Bundles a TypeScript entry (tests' child processes) into a CJS file that plain node runs (env: childEnv()). */
export function bundleChild(entry: string, outDir: string): string {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.cjs`);
  buildSync({
    entryPoints: [path.resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
    absWorkingDir: REPO_ROOT,
  });
  return outfile;
}
