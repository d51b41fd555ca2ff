import { rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import type { OpenSession } from '../../electron/engine/core/open-session';
import { migrateWorkspace } from '../../electron/engine/workspace/migrate';
import { fillMatrixFixture, sessionFor } from '../support/matrix-fixture';
import { makeTempDir } from '../support/temp-dirs';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

/** A fixture extract in memory with a real (migrated) workspace, as extract.open gives. */
export function exportSession(seed = 5, persons = 1500): OpenSession {
  const db = new Database(':memory:');
  db.pragma('temp_store=MEMORY');
  const { referenceDate } = fillMatrixFixture(db, { seed, persons, referenceDate: '2025-06-30' });
  const ws = new Database(':memory:');
  migrateWorkspace(ws);
  return sessionFor(db, ws, referenceDate);
}

/**
 * One engine for a test file with a fresh fixture session before each test, a temp folder for
 * the files it writes, and no second policy file (a missing one would block output); the
 * environment and the folder are restored and removed afterwards.
 */
export function useExportEngine(tempPrefix: string, use: (t: TestEngine, dir: string) => void): void {
  const savedPolicyEnv = process.env.VERHUIS_POLICY_FILE;
  let t: TestEngine;
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir(tempPrefix);
    delete process.env.VERHUIS_POLICY_FILE;
    t = makeTestEngine();
    use(t, dir);
  });
  beforeEach(() => {
    t.engine.state.session?.close();
    t.engine.state.session = exportSession();
  });
  afterAll(() => {
    t.dispose();
    rmSync(dir, { recursive: true, force: true });
    if (savedPolicyEnv === undefined) delete process.env.VERHUIS_POLICY_FILE;
    else process.env.VERHUIS_POLICY_FILE = savedPolicyEnv;
  });
}
