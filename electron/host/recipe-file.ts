import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type RecipeWrite = { ok: true; fileName: string } | { ok: false; reason: string };

/**
 * Writes a cohort recipe (JSON: filters and the extract's fingerprint, no microdata) to the
 * chosen path: first to a temporary name beside it, then renamed into place, so a failed
 * write never leaves half a file. The reason of a failure is the error code, never the path.
 */
export function writeRecipeFile(target: string, json: string): RecipeWrite {
  if (!path.isAbsolute(target)) return { ok: false, reason: 'path not absolute' };
  const file = /\.json$/i.test(target) ? target : `${target}.json`;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.part`);
  try {
    writeFileSync(temp, json.endsWith('\n') ? json : `${json}\n`, { encoding: 'utf8', flag: 'wx' });
    renameSync(temp, file);
    return { ok: true, fileName: path.basename(file) };
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? 'error' };
  }
}
