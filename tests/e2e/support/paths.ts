import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const DIST_ELECTRON = path.join(REPO_ROOT, 'dist', 'electron');
export const DIST_RENDERER = path.join(REPO_ROOT, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'artifacts', 'screenshots');

/** The e2e suite runs the built app (npm run test:e2e builds first); say so plainly when it is missing. */
export function assertBuilt(): void {
  const needed = [
    path.join(DIST_ELECTRON, 'engine-worker.cjs'),
    path.join(DIST_ELECTRON, 'page-bridge.js'),
    path.join(DIST_RENDERER, 'index.html'),
  ];
  const missing = needed.filter((f) => !existsSync(f)).map((f) => path.relative(REPO_ROOT, f));
  if (missing.length > 0) throw new Error(`build missing (${missing.join(', ')}): run \`npm run build\` first`);
}
