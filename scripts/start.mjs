// `npm start`: runs the app in Electron; where Electron's binary was not downloaded
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1, offline build machines) it says so in one line and
// opens the same renderer and engine in the system Chromium instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** The Electron binary's path, or null when the npm package has no binary. */
export function electronBinary() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
}

const binary = electronBinary();
if (binary) {
  run(binary, [root, ...args]);
} else {
  console.log('Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?): starting the Chromium shell instead.');
  run(process.execPath, [path.join(root, 'dist', 'electron', 'chromium-shell.cjs'), ...args]);
}
