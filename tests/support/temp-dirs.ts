import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/**
 * Temp folders for a test file's files, removed after the file's tests have run. The hook
 * is registered when a test file first imports this module (it runs after the file's own
 * afterAll hooks), so a test may use its folder in its own afterAll.
 */
const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp folder, removed after this test file. */
export function makeTempDir(prefix = 'vv-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
