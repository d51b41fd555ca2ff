import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** What HiGHS' createModel takes (the attacker's programme, built once by attackerModel). */
export type ModelSpec = Record<string, unknown>;
export type Sense = 'minimize' | 'maximize';

/**
 * A second HiGHS solver on its own thread, for attacker's programmes that can run at the
 * same time as this thread's: the maximum and the minimum of one sweep, or of one cell.
 * The widths certified stay exact either way (every optimum is a point the attacker cannot
 * rule out, whoever found it); two cores only find the points in half the time.
 *
 * Synchronous for the caller, like the solver on this thread: `post` a programme, solve the
 * other one here, then `wait` (Atomics.wait on a shared counter) for the worker's point.
 * Only the programme's matrix and objective cross to the worker, never persons or values.
 * A worker that fails or does not answer is retired, and the caller solves on its own.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const ctrl = new Int32Array(workerData.control);
let highs = null;
let model = null;
let point = null;
let first = true;
// ctrl: [programmes answered, failed, loaded]. Loading failures answer every request as failed.
let ready;
try {
  const loader = require(workerData.highsModule);
  ready = (loader.default || loader)().then((h) => { highs = h; Atomics.store(ctrl, 2, 1); });
} catch (e) {
  ready = Promise.reject(e);
}
ready.catch(() => Atomics.store(ctrl, 1, 1));
const done = (ok) => {
  if (!ok) Atomics.store(ctrl, 1, 1);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
};
parentPort.on('message', (m) => {
  ready.then(() => {
    if (m.type === 'model') {
      if (model) model.dispose();
      model = highs.createModel(m.spec);
      model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 1 });
      first = true;
      point = new Float64Array(m.point);
      return;
    }
    try {
      model.changeColsCost({ kind: 'range', from: 0, to: m.cost.length - 1 }, m.cost);
      model.changeObjectiveSense(highs.constants.objectiveSense[m.sense]);
      model.run();
      if (first) { first = false; model.options.set({ simplex_strategy: 4 }); }
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return done(false);
      point.set(model.getSolution().colValue);
      done(true);
    } catch (e) {
      done(false);
    }
  }, () => done(false));
});
`;

/** A programme taking longer than this on the worker retires it (the caller then solves alone). */
const WAIT_MS = 120_000;

export class SecondSolver {
  private readonly ctrl: Int32Array;
  private posted = 0;
  private point: Float64Array | null = null;
  private broken = false;

  private constructor(private readonly worker: Worker, control: SharedArrayBuffer) {
    this.ctrl = new Int32Array(control);
    worker.on('error', () => (this.broken = true));
    worker.on('exit', () => (this.broken = true));
    worker.unref();
  }

  /** Starts the worker (loading HiGHS from `highsModule`); null when there is no second core or it cannot start. */
  static start(highsModule?: string): SecondSolver | null {
    if (availableParallelism() < 2) return null;
    try {
      const control = new SharedArrayBuffer(12);
      const worker = new Worker(WORKER, { eval: true, workerData: { control, highsModule: highsModule ?? highsModulePath() } });
      return new SecondSolver(worker, control);
    } catch {
      return null;
    }
  }

  /**
   * Loaded and not retired. Until its solver has loaded the worker is simply not used, so
   * a worker that never starts can never keep the caller waiting.
   */
  get usable(): boolean {
    return !this.broken && Atomics.load(this.ctrl, 2) === 1 && Atomics.load(this.ctrl, 1) === 0;
  }

  /** Gives the worker its own copy of the programme (built there while this thread builds its own). */
  load(spec: ModelSpec, cols: number): void {
    this.point = new Float64Array(new SharedArrayBuffer(8 * Math.max(1, cols)));
    this.worker.postMessage({ type: 'model', spec, point: this.point.buffer });
  }

  /** Starts one programme on the worker: the objective `cost` (one per column) in direction `sense`. */
  post(sense: Sense, cost: Float64Array): void {
    this.posted++;
    this.worker.postMessage({ type: 'solve', sense, cost });
  }

  /** The optimum of the programme posted last; null when the worker failed (then retired). */
  wait(): Float64Array | null {
    const deadline = performance.now() + WAIT_MS;
    for (;;) {
      const seen = Atomics.load(this.ctrl, 0);
      if (seen >= this.posted) break;
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(this.ctrl, 0, seen, left) === 'timed-out') {
        this.retire();
        return null;
      }
    }
    if (Atomics.load(this.ctrl, 1) !== 0) {
      this.retire();
      return null;
    }
    return this.point;
  }

  /** Retired (failed or did not answer): never used again. */
  get retired(): boolean {
    return this.broken || Atomics.load(this.ctrl, 1) !== 0;
  }

  /** Resolves once the worker's solver has loaded (true) or failed to (false). */
  async loaded(timeoutMs = 30_000): Promise<boolean> {
    const until = performance.now() + timeoutMs;
    while (!this.usable && !this.retired && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
    return this.usable;
  }

  private retire(): void {
    this.broken = true;
    void this.worker.terminate();
  }

  dispose(): void {
    this.retire();
  }
}

let second: SecondSolver | null | undefined;

/** The engine's second solver, started on first use (used once loaded); null when unavailable or retired. */
export function getSecondSolver(): SecondSolver | null {
  if (second === undefined) second = SecondSolver.start();
  if (second?.retired) second = null;
  return second;
}

/** Where the HiGHS package lives, so the worker loads the same one as this thread. */
function highsModulePath(): string {
  const from = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');
  return createRequire(from).resolve('highs');
}
