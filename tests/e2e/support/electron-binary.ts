import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary, or the reason it cannot be used (the npm package installs without it under ELECTRON_SKIP_BINARY_DOWNLOAD=1). */
export function findElectronBinary(): { path: string } | { reason: string } {
  try {
    const binary = createRequire(__filename)('electron') as unknown;
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary };
    return { reason: 'the Electron binary is not installed (node_modules/electron has no dist/)' };
  } catch {
    return { reason: 'the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline install)' };
  }
}
