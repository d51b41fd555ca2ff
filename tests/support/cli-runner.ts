import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './test-engine';

/**
 * The CLI as a child process for the command tests: its own bundle under dist/ (at the same
 * depth as dist/electron, so resources/ is found), since cli.test.ts rebuilds dist/electron in
 * parallel. Stdin is not a terminal; the environment holds only what the test passes.
 */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunner {
  /** Builds the bundle (call in beforeAll). */
  build(): Promise<void>;
  /** Runs `cli <args> --data-dir <dataDir>` with LANG nl_BE unless env says otherwise. */
  run(args: string[], options?: { env?: Record<string, string>; dataDir?: string }): CliRun;
  /** Removes the bundle (call in afterAll). */
  remove(): void;
}

export function cliRunner(name: string, defaults: { dataDir: string; env?: Record<string, string> }): CliRunner {
  const bundleDir = path.join(REPO_ROOT, 'dist', `test-cli-${name}`);
  const cli = path.join(bundleDir, 'cli.cjs');
  return {
    async build() {
      await build({
        entryPoints: { cli: path.join(REPO_ROOT, 'electron/cli/cli.ts') },
        outdir: bundleDir,
        outExtension: { '.js': '.cjs' },
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        packages: 'external',
        logLevel: 'error',
      });
    },
    run(args, options = {}) {
      const r = spawnSync(process.execPath, [cli, ...args, '--data-dir', options.dataDir ?? defaults.dataDir], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', LANG: 'nl_BE.UTF-8', ...defaults.env, ...options.env },
        encoding: 'utf8',
        input: '',
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    remove() {
      rmSync(bundleDir, { recursive: true, force: true });
    },
  };
}
