import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/api/errors';
import type { Result } from '../../shared/api/result';
import { createEngine } from '../../electron/engine/core/dispatch';
import { buildHandlers } from '../../electron/engine/handlers';
import type { WorkerReply, WorkerRequest } from '../../electron/engine-host/worker-protocol';
import { LogFields, type LogLine } from '../../electron/engine/log/log-fields';
import { defaultDataset, makeExtract, type ExtractRows, type Row } from '../support/make-extract';
import { REPO_ROOT, RESOURCES_DIR } from '../support/test-engine';
import { captureOutput, type CapturedOutput } from './capture-output';
import { listFiles, scanBuffer, scanTree } from './marker-scan';

/**
 * Issue 7.4: a full session on an extract whose person ids carry a marker, opened with a
 * marked passphrase, in-process, in the engine worker and through the CLI. Afterwards no file the app wrote
 * (data folder, workspace, log, temp folder, working folder) and no console line may hold
 * the marker or the passphrase: not as text, not as UTF-16, not as hex.
 *
 * Every temp file of this process goes to one folder: TMPDIR is pointed there before any
 * module loads, so whatever the app (or SQLite) puts in os.tmpdir() is scanned too.
 */
const sandbox = vi.hoisted(() => {
  const base = process.env.TMPDIR || process.env.TEMP || '/tmp';
  const dir = `${base.replace(/[\\/]+$/, '')}/vv-nomicro-${process.pid}-${Date.now()}`;
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP, SQLITE_TMPDIR: process.env.SQLITE_TMPDIR };
  for (const k of Object.keys(saved)) process.env[k] = dir;
  return { dir, saved };
});

const PERSON_MARKER = 'ZZMARKER';
const PASSPHRASE = 'ZZPASS-geheime-wachtwoordzin-€é-2025';
const WRONG_PASSPHRASE = 'ZZWRONG-andere-wachtwoordzin-42';
const MARKERS = [PERSON_MARKER, PASSPHRASE, WRONG_PASSPHRASE];

/** The tiny test dataset with every identifier (person, application, trajectory, component) marked. */
function markedRows(): ExtractRows {
  const rows = defaultDataset(74, 120) as Record<string, Row[]>;
  const idColumns = ['person_id', 'application_id', 'trajectory_id', 'component_id'];
  const out: Record<string, Row[]> = {};
  for (const [table, list] of Object.entries(rows)) {
    out[table] = list.map((row) => {
      const copy = { ...row };
      for (const c of idColumns) if (typeof copy[c] === 'string') copy[c] = `${PERSON_MARKER}${copy[c] as string}`;
      return copy;
    });
  }
  return out as ExtractRows;
}

type Call = (method: string, request: unknown) => Promise<Result<unknown>>;
type StepOutcome = { step: string; outcome: 'ok' | ErrorCode };

/**
 * The analyst's session. Steps whose capability has not landed yet answer NOT_SUPPORTED and
 * are recorded as such; any other unexpected outcome fails the test.
 */
async function runSession(call: Call, extractPath: string, notADatabase: string): Promise<StepOutcome[]> {
  const steps: StepOutcome[] = [];
  const run = async (step: string, method: string, request: unknown, expected: 'ok' | ErrorCode[], strict = false) => {
    const r = await call(method, request);
    const outcome = r.ok ? 'ok' : r.error.code;
    steps.push({ step, outcome });
    const allowed = expected === 'ok' ? ['ok'] : expected;
    if (!allowed.includes(outcome) && (strict || outcome !== 'NOT_SUPPORTED')) {
      throw new Error(`step "${step}" (${method}) answered ${outcome}, expected ${allowed.join('/')}`);
    }
    return r;
  };
  const cohort = { status: ['REFUGEE', 'SUBSIDIARY'] };
  const markedCohort = { ...cohort, nationalities: ['SYR', 'AFG'], geoAtDecision: { level: 'municipality', codes: ['11002', '44021'] } };

  await run('app info', 'app.info', {}, 'ok', true);
  await run('open with a wrong passphrase', 'extract.open', { path: extractPath, passphrase: WRONG_PASSPHRASE }, ['WRONG_PASSPHRASE'], true);
  await run('open a file that is no database', 'extract.open', { path: notADatabase, passphrase: PASSPHRASE }, ['NOT_A_DATABASE', 'CORRUPT_FILE'], true);
  await run('open the extract', 'extract.open', { path: extractPath, passphrase: PASSPHRASE }, 'ok', true);
  await run('summary', 'extract.summary', {}, 'ok', true);
  await run('browse persons', 'browse.rows', { table: 'person', startRow: 0, endRow: 50 }, 'ok');
  await run('browse with a person id filter', 'browse.rows', {
    table: 'residence', startRow: 0, endRow: 10, filters: [{ column: 'person_id', op: 'equals', value: `${PERSON_MARKER}P000007` }],
  }, 'ok');
  await run('browse an unknown column', 'browse.rows', {
    table: 'person', startRow: 0, endRow: 10, filters: [{ column: `${PERSON_MARKER}col`, op: 'equals', value: `${PERSON_MARKER}P000001` }],
  }, ['INVALID_REQUEST']);
  await run('cohort pick lists', 'cohort.options', {}, 'ok');
  await run('cohort count', 'cohort.count', { definition: cohort }, 'ok');
  await run('cohort count, narrowed', 'cohort.count', { definition: markedCohort }, 'ok');
  await run('cohort count, invalid', 'cohort.count', { definition: { ...cohort, ageRange: { min: 50, max: 10 } } }, ['INVALID_REQUEST'], true);
  for (const kind of ['state', 'first-move', 'all-moves'] as const) {
    await run(`matrix ${kind}`, 'matrix.compute', { cohort, definition: { kind, level: 'municipality' } }, 'ok');
  }
  await run('matrix by arrondissement, 12 months', 'matrix.compute', { cohort: markedCohort, definition: { kind: 'state', level: 'arrondissement', followUpMonths: 12 } }, 'ok');
  await run('municipality fiche', 'matrix.fiche', { cohort, level: 'municipality', vintage: '2019', areaCode: '11002' }, 'ok');
  await run('fiche of an unknown area', 'matrix.fiche', { cohort, level: 'municipality', vintage: '2019', areaCode: 'ZZ999' }, ['INVALID_REQUEST', 'NOT_SUPPORTED']);
  await run('save a cohort', 'cohort.save', { name: 'Erkende vluchtelingen', definition: markedCohort }, 'ok');
  await run('save it again', 'cohort.save', { name: 'Erkende vluchtelingen', definition: cohort }, ['COHORT_NAME_TAKEN']);
  await run('list cohorts', 'cohort.list', {}, 'ok');
  await run('export a recipe', 'cohort.exportRecipe', { name: 'Erkende vluchtelingen' }, 'ok');
  await run('import a broken recipe', 'cohort.importRecipe', { json: `{"person_id":"${PERSON_MARKER}P000001"}` }, ['RECIPE_INVALID']);
  // Export methods land with the disclosure capability; every one that exists is tried with an empty request.
  for (const name of Object.keys(contract).filter((m) => m.startsWith('export.'))) {
    const r = await call(name, {});
    steps.push({ step: `export method ${name} (empty request)`, outcome: r.ok ? 'ok' : r.error.code });
  }
  await run('close', 'extract.close', {}, 'ok', true);
  await run('summary after close', 'extract.summary', {}, ['NO_EXTRACT_OPEN'], true);
  return steps;
}

/** Starts the engine worker from a fresh bundle of worker-entry.ts, with its stdio captured. */
async function startWorker(bundle: string, dataDir: string) {
  const worker = new Worker(bundle, { workerData: { resourcesDir: RESOURCES_DIR, dataDir, appVersion: '0.0.0-test' }, stdout: true, stderr: true });
  let output = '';
  worker.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
  worker.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
  let nextId = 1;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  worker.on('message', (msg: WorkerReply) => {
    if (msg.kind === 'result') pending.get(msg.id)?.(msg.result);
  });
  const call: Call = (method, request) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ id, method, request } satisfies WorkerRequest);
    });
  return { call, output: () => output, stop: () => worker.terminate() };
}

describe('no microdata in files or console output', () => {
  const root = sandbox.dir;
  const extractDir = path.join(root, 'extracts');
  const extractPath = path.join(extractDir, 'studie-extract.db');
  const notADatabase = path.join(extractDir, 'notities.db');
  const bundleDir = path.join(REPO_ROOT, '.tmp', 'security');
  const bundle = path.join(bundleDir, `engine-worker-${process.pid}.cjs`);
  const cliBundle = path.join(bundleDir, `cli-${process.pid}.cjs`);
  const originalCwd = process.cwd();
  let captured: CapturedOutput;
  let workerOutput = '';
  let cliOutput = '';
  const sessions: Record<string, StepOutcome[]> = {};

  beforeAll(async () => {
    mkdirSync(extractDir, { recursive: true });
    makeExtract(extractPath, { passphrase: PASSPHRASE, rows: markedRows() });
    writeFileSync(notADatabase, 'Dit is geen database.\n');
    // Relative paths the app might use land in the sandbox too.
    mkdirSync(path.join(root, 'cwd'));
    process.chdir(path.join(root, 'cwd'));
    mkdirSync(bundleDir, { recursive: true });
    const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'error' } as const;
    await build({ ...common, entryPoints: [path.join(REPO_ROOT, 'electron/engine/worker-entry.ts')], outfile: bundle });
    await build({ ...common, entryPoints: [path.join(REPO_ROOT, 'electron/cli/cli.ts')], outfile: cliBundle });
    captured = captureOutput();
  }, 120_000);

  afterAll(() => {
    captured?.restore();
    process.chdir(originalCwd);
    rmSync(bundle, { force: true });
    rmSync(cliBundle, { force: true });
    rmSync(root, { recursive: true, force: true });
    for (const [k, v] of Object.entries(sandbox.saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('the extract really holds the marked identifiers (so the scan below can fail)', () => {
    const rows = markedRows();
    expect(rows.person?.[0].person_id).toMatch(/^ZZMARKERP\d+$/);
    expect(existsSync(extractPath)).toBe(true);
  });

  it('runs a full session in-process', async () => {
    const engine = createEngine({ resourcesDir: RESOURCES_DIR, dataDir: path.join(root, 'data-inprocess'), appVersion: '0.0.0-test' }, buildHandlers, {
      validateResponses: true,
    });
    sessions.inProcess = await runSession((m, r) => engine.dispatch(m, r), extractPath, notADatabase);
    engine.state.closeSession();
  });

  it('runs the same session in the engine worker', async () => {
    const w = await startWorker(bundle, path.join(root, 'data-worker'));
    try {
      sessions.worker = await runSession(w.call, extractPath, notADatabase);
    } finally {
      await w.stop();
      workerOutput = w.output();
    }
  });

  it('runs the CLI (info with a wrong and with the right passphrase) with its output captured', () => {
    const cli = (passphrase: string) =>
      spawnSync(process.execPath, [cliBundle, 'info', '--extract', extractPath, '--data-dir', path.join(root, 'data-cli'), '--resources-dir', RESOURCES_DIR, '--json'], {
        cwd: path.join(root, 'cwd'),
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, VERHUIS_PASSPHRASE: passphrase, TMPDIR: root, TMP: root, TEMP: root, SQLITE_TMPDIR: root },
      });
    const wrong = cli(WRONG_PASSPHRASE);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/WRONG_PASSPHRASE/);
    const right = cli(PASSPHRASE);
    expect(right.stderr).toBe('');
    expect(right.status).toBe(0);
    expect(JSON.parse(right.stdout)).toMatchObject({ persons: 120 });
    cliOutput = [wrong.stdout, wrong.stderr, right.stdout, right.stderr].join('\n');
  });

  it('no file under the sandbox holds a marker or a passphrase, in any encoding', () => {
    const files = listFiles(root);
    // The session did write: the log, the workspace, the app settings.
    expect(files.some((f) => f.endsWith('verhuis.log'))).toBe(true);
    expect(files.some((f) => f.includes(`${path.sep}workspaces${path.sep}`))).toBe(true);
    expect(scanTree(root, MARKERS)).toEqual([]);
  });

  it('no file the app wrote is a plaintext SQLite database', () => {
    const header = Buffer.from('SQLite format 3\0', 'latin1');
    const plain = listFiles(root).filter((f) => readFileSync(f).subarray(0, 16).equals(header));
    expect(plain.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('every log line is an allowed event with allowed fields only', () => {
    const logs = listFiles(root).filter((f) => /verhuis\.log(\.\d+)?$/.test(f));
    expect(logs.length).toBeGreaterThanOrEqual(2);
    for (const file of logs) {
      for (const text of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
        const { t, event, ...fields } = JSON.parse(text) as LogLine;
        expect(typeof t).toBe('string');
        expect(event).not.toBe('log.rejected');
        expect(LogFields.safeParse(fields).success).toBe(true);
      }
    }
  });

  it('no console line (test process or worker) holds a marker or a passphrase', () => {
    captured.restore();
    expect(scanBuffer('console', Buffer.from(captured.text(), 'utf8'), MARKERS)).toEqual([]);
    expect(scanBuffer('worker stdio', Buffer.from(workerOutput, 'utf8'), MARKERS)).toEqual([]);
    expect(cliOutput).not.toBe('');
    expect(scanBuffer('cli stdio', Buffer.from(cliOutput, 'utf8'), MARKERS)).toEqual([]);
  });

  it('reports which steps ran (steps still NOT_SUPPORTED are capabilities not landed yet)', () => {
    expect(sessions.inProcess?.map((s) => s.step)).toEqual(sessions.worker?.map((s) => s.step));
    const opened = sessions.inProcess?.find((s) => s.step === 'open the extract');
    expect(opened?.outcome).toBe('ok');
    const pending = sessions.inProcess?.filter((s) => s.outcome === 'NOT_SUPPORTED').map((s) => s.step) ?? [];
    if (pending.length) console.info(`no-microdata session: not yet supported: ${pending.join('; ')}`);
  });
});

describe('the marker scanner', () => {
  it('finds a planted marker as text, UTF-16 and hex, and in a file name', () => {
    const dir = path.join(sandbox.dir, 'planted');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.txt'), `prefix ${PERSON_MARKER}P000001 suffix`);
    writeFileSync(path.join(dir, 'b.bin'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(PASSPHRASE, 'utf16le')]));
    writeFileSync(path.join(dir, 'c.hex'), Buffer.from(WRONG_PASSPHRASE, 'utf8').toString('hex').toUpperCase());
    writeFileSync(path.join(dir, `${PERSON_MARKER}.tmp`), 'clean');
    const hits = scanTree(dir, MARKERS);
    expect(hits).toEqual(
      expect.arrayContaining([
        { where: 'a.txt', marker: PERSON_MARKER, encoding: 'utf8' },
        { where: 'b.bin', marker: PASSPHRASE, encoding: 'utf16le' },
        { where: 'c.hex', marker: WRONG_PASSPHRASE, encoding: 'hex' },
        { where: `name:${PERSON_MARKER}.tmp`, marker: PERSON_MARKER, encoding: 'utf8' },
      ]),
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a marker in console text', () => {
    expect(scanBuffer('console', Buffer.from(`open failed for ${PASSPHRASE}`), MARKERS)).toHaveLength(1);
  });
});
