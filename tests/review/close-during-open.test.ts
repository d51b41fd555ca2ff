import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

let te: TestEngine;
let dir: string;

beforeEach(() => {
  te = makeTestEngine();
  dir = makeTempDir();
});
afterEach(() => te.dispose());

// The idle lock closes the extract on suspend or screen lock; if that arrives while an extract
// is still opening, the extract must not be left open behind the Open screen.
test('extract.close during an open closes the extract once it has opened', async () => {
  const made = makeExtract(path.join(dir, 'x.db'), { seed: 3, persons: 30 });
  const opening = te.call('extract.open', { path: made.path, passphrase: TEST_PASSPHRASE });
  const closed = await te.value('extract.close', {});
  expect((await opening).ok).toBe(true);
  expect(closed).toEqual({ closed: true });
  expect(te.engine.state.session).toBeNull();
  expect(te.engine.state.status).toBe('idle');
  const summary = await te.call('extract.summary', {});
  expect(summary.ok ? 'open' : summary.error.code).toBe('NO_EXTRACT_OPEN');
});
