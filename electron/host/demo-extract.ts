import { existsSync } from 'node:fs';
import { DEMO_PASSPHRASE, demoExtractPath } from '../engine/app/app-handlers';
import type { Result } from '../../shared/api/result';

type Call = (method: 'extract.open', request: unknown) => Promise<Result<unknown>>;

/**
 * Opens the bundled synthetic demo extract at start, through the normal `extract.open`
 * method, so a first run shows real screens. Does nothing when the demo file is absent.
 * Returns the result, or null when there was nothing to open.
 */
export async function openDemoExtract(resourcesDir: string, call: Call): Promise<Result<unknown> | null> {
  const file = demoExtractPath(resourcesDir);
  if (!existsSync(file)) return null;
  return call('extract.open', { path: file, passphrase: DEMO_PASSPHRASE, cipher: { preset: 'auto' } });
}
