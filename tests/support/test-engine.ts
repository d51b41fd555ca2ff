import { rmSync } from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine } from '../../electron/engine/core/dispatch';
import { buildHandlers } from '../../electron/engine/handlers';
import type { EngineConfig } from '../../electron/engine/core/engine-state';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { makeTempDir } from './temp-dirs';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const RESOURCES_DIR = path.join(REPO_ROOT, 'resources');

/** An in-process engine with a fresh data folder and response validation on. */
export interface TestEngine {
  engine: Engine;
  dataDir: string;
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>>;
  /** Calls and unwraps; throws with the error code on failure. */
  value<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  dispose(): void;
}

export function makeTestEngine(options: { policy?: EngineConfig['policy']; dataDir?: string } = {}): TestEngine {
  // Removed by dispose(), and after the test file in any case.
  const given = options.dataDir ?? makeTempDir('vv-data-');
  const engine = createEngine({ resourcesDir: RESOURCES_DIR, dataDir: given, appVersion: '0.0.0-test', ...(options.policy ? { policy: options.policy } : {}) }, buildHandlers, {
    validateResponses: true,
  });
  // The administrator may have pinned another data folder.
  const dataDir = engine.state.config.dataDir;
  const call = <M extends MethodName>(method: M, request: RequestOf<M>) =>
    engine.dispatch(method, request) as Promise<Result<ResponseOf<M>>>;
  return {
    engine,
    dataDir,
    call,
    async value(method, request) {
      const r = await call(method, request);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message.en}`);
      return r.value;
    },
    dispose() {
      engine.state.closeSession();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
