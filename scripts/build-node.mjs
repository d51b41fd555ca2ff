// Bundles the Node side (main, preload, engine worker, CLI, Chromium shell, bench) with esbuild.
// node_modules stay external: the native SQLite module and exceljs load from node_modules
// (in the packaged app from the asar, the .node file unpacked).
import { build } from 'esbuild';

const quiet = process.argv.includes('--quiet');
// --release (npm run dist): a release build. Development-only options (--resources-dir) disappear
// and VERHUIS_POLICY_FILE is ignored unless the administrator's policy allows it (build-kind.ts).
const release = process.argv.includes('--release');

const entries = {
  main: 'electron/main/main.ts',
  'engine-worker': 'electron/engine/worker-entry.ts',
  cli: 'electron/cli/cli.ts',
  'chromium-shell': 'electron/chromium-shell/shell.ts',
  bench: 'tests/bench/bench.ts',
};

const { existsSync } = await import('node:fs');
const present = Object.fromEntries(Object.entries(entries).filter(([, f]) => existsSync(f)));

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: quiet ? 'error' : 'info', ...(release ? { define: { __VERHUIS_RELEASE__: 'true' } } : {}) };

await build({
  ...common,
  entryPoints: present,
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  packages: 'external',
});

// The preload runs sandboxed: it may only require 'electron', so everything else is bundled in.
if (existsSync('electron/preload/preload.ts')) {
  await build({ ...common, entryPoints: { preload: 'electron/preload/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' }, external: ['electron'] });
}

// The Chromium shell's page bridge runs in the page: a browser IIFE that builds window.verhuis from the contract.
if (existsSync('electron/chromium-shell/page-bridge.ts')) {
  await build({ ...common, platform: 'browser', target: 'chrome120', format: 'iife', entryPoints: { 'page-bridge': 'electron/chromium-shell/page-bridge.ts' }, outdir: 'dist/electron' });
}
