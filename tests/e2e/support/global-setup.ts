import { currentShellKind, requireElectronBinary } from './shell-kind';

/**
 * Before any test file: with VERHUIS_E2E_SHELL=electron and no Electron binary, the run
 * stops here with one line, instead of every file failing (or, worse, being skipped).
 */
export default function setup(): void {
  try {
    if (currentShellKind() === 'electron') requireElectronBinary();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
