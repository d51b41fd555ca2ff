import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEngine, type Engine } from '../../electron/engine/core/dispatch';
import { buildHandlers } from '../../electron/engine/handlers';
import { DRAFT_KEY } from '../../electron/engine/workspace/draft-handlers';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/api/contract';
import type { WorkspaceDraftInput } from '../../shared/api/methods/session-state';
import type { Result } from '../../shared/api/result';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { RESOURCES_DIR } from '../support/test-engine';

const DRAFT: WorkspaceDraftInput = {
  cohort: { status: ['REFUGEE'], decisionYears: [2016], nationalities: ['SYR'] },
  cohortName: null,
  matrix: {
    kind: 'first-move',
    level: 'province',
    vintage: '2025',
    measure: 'rowPct',
    followUpMonths: 24,
    nameLang: 'fr',
    originDate: null,
    destinationDate: null,
    periodFrom: '2016-01-01',
    periodTo: '2020-12-31',
    tab: 'heatmap',
  },
};

let dataDir: string;
let extractPath: string;
const engines: Engine[] = [];

/** A fresh engine on the shared data folder: what a restart of the app after a crash gives. */
function newEngine() {
  const engine = createEngine({ resourcesDir: RESOURCES_DIR, dataDir, appVersion: '0.0.0-test' }, buildHandlers, { validateResponses: true });
  engines.push(engine);
  return <M extends MethodName>(method: M, request: RequestOf<M>) => engine.dispatch(method, request) as Promise<Result<ResponseOf<M>>>;
}

beforeAll(() => {
  dataDir = makeTempDir('vv-draft-data-');
  extractPath = makeExtract(path.join(makeTempDir('vv-draft-'), 'extract.db'), { persons: 10 }).path;
});
afterAll(() => engines.forEach((e) => e.state.closeSession()));

describe('the working-state draft', () => {
  test('needs an open extract', async () => {
    const call = newEngine();
    const saved = await call('workspace.saveDraft', { draft: DRAFT });
    const loaded = await call('workspace.loadDraft', {});
    expect(saved.ok || saved.error.code).toBe('NO_EXTRACT_OPEN');
    expect(loaded.ok || loaded.error.code).toBe('NO_EXTRACT_OPEN');
  });

  test('survives a crash: a new engine on the same data folder finds it again', async () => {
    const first = newEngine();
    expect(await first('extract.open', { path: extractPath, passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    expect(await first('workspace.loadDraft', {})).toEqual({ ok: true, value: { draft: null, savedAt: null } });
    const saved = await first('workspace.saveDraft', { draft: DRAFT });
    if (!saved.ok) throw new Error(saved.error.code);
    // No extract.close: the first engine simply stops being used, as after a crash.
    const second = newEngine();
    expect(await second('extract.open', { path: extractPath, passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    const loaded = await second('workspace.loadDraft', {});
    if (!loaded.ok) throw new Error(loaded.error.code);
    expect(loaded.value.savedAt).toBe(saved.value.savedAt);
    expect(loaded.value.draft?.cohort.decisionYears).toEqual([2016]);
    expect(loaded.value.draft?.cohort.nationalities).toEqual(['SYR']);
    expect(loaded.value.draft?.matrix).toEqual(DRAFT.matrix);
    await second('extract.close', {});
  });

  test('an unreadable or outdated stored draft gives no draft, not an error', async () => {
    const call = newEngine();
    await call('extract.open', { path: extractPath, passphrase: TEST_PASSPHRASE });
    const ws = engines.at(-1)!.state.session!.workspace;
    const put = ws.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    put.run(DRAFT_KEY, '{"savedAt": "2026-01-01T00:00:00Z", "draft": {');
    expect(await call('workspace.loadDraft', {})).toEqual({ ok: true, value: { draft: null, savedAt: null } });
    put.run(DRAFT_KEY, JSON.stringify({ savedAt: 'x', draft: { cohort: { decisionYears: ['2016'] } } }));
    expect(await call('workspace.loadDraft', {})).toEqual({ ok: true, value: { draft: null, savedAt: null } });
    // A new save replaces the broken value.
    expect(await call('workspace.saveDraft', { draft: DRAFT })).toMatchObject({ ok: true });
    const loaded = await call('workspace.loadDraft', {});
    expect(loaded.ok && loaded.value.draft?.matrix?.level).toBe('province');
  });

  test('refuses a draft that does not fit the schema', async () => {
    const call = newEngine();
    await call('extract.open', { path: extractPath, passphrase: TEST_PASSPHRASE });
    const bad = { ...DRAFT, matrix: { ...DRAFT.matrix!, level: 'planet' } } as unknown as WorkspaceDraftInput;
    const r = await call('workspace.saveDraft', { draft: bad });
    expect(r.ok).toBe(false);
  });
});
