import { randomBytes } from 'node:crypto';
import { lstatSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import { workspacePath } from '../workspace/open-workspace';

/**
 * The one set of rules for every file the engine writes on a user's request (exports, recipe
 * files, import targets, demo data). A target must be an absolute path without `..`; it may
 * not be the open extract, a workspace (or ledger) file or anything in the app's data folder;
 * an existing file is replaced only when the request carries `overwrite`, which the UI sets
 * after the user confirmed. Files are written 0600 (owner only) where the OS has modes.
 */
export const PRIVATE_FILE_MODE = 0o600;

export interface WriteGuard {
  /** The app's data folder (workspaces, release ledger, app settings, log). */
  dataDir: string;
  /** Files no output may replace: the open extract, its workspace. */
  protectedFiles: string[];
}

/** Everything the engine must not overwrite in its present state. */
export function writeGuardOf(state: EngineState): WriteGuard {
  const files: string[] = [];
  const s = state.session;
  if (s?.filePath) files.push(s.filePath);
  if (s) files.push(workspacePath(state.config.dataDir, s.summary.extractId));
  return { dataDir: state.config.dataDir, protectedFiles: files };
}

const refuse = (reason: string) => new AppError('PATH_REFUSED', { reason });

/** Workspace files and their SQLite companions, wherever they are (a copied .vvw included). */
const WORKSPACE_NAME = /\.vvw(-wal|-shm|-journal)?$/i;

function realOrNull(p: string): string | null {
  try {
    return realpathSync.native(p);
  } catch {
    return null;
  }
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

const inside = (child: string, folder: string) => {
  const rel = path.relative(folder, child);
  // A name like '..x.xlsx' is inside; only a '..' segment leads out.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

/**
 * Checks a target path and returns it resolved. Throws PATH_REFUSED (with the rule, never the
 * path) or FILE_EXISTS (with the file's base name).
 */
export function checkWritePath(raw: string, guard: WriteGuard, options: { overwrite?: boolean } = {}): string {
  if (!path.isAbsolute(raw)) throw refuse('relative path');
  if (raw.split(/[\\/]+/).includes('..')) throw refuse("'..' in the path");
  if (raw.includes('\0')) throw refuse('invalid character');
  const target = path.resolve(raw);
  const parent = realOrNull(path.dirname(target));
  if (!parent) throw new AppError('WRITE_FAILED', { reason: 'ENOENT' });
  // The real location, through symbolic links of the folder and of the file itself.
  let real = path.join(parent, path.basename(target));
  let existing: Stats | null = null;
  try {
    existing = lstatSync(real);
  } catch {
    existing = null;
  }
  if (existing?.isSymbolicLink()) {
    const to = realOrNull(real);
    if (to) real = to;
    existing = statOrNull(real);
  }
  if (WORKSPACE_NAME.test(real)) throw refuse('workspace file');
  const dataDir = realOrNull(guard.dataDir) ?? path.resolve(guard.dataDir);
  if (inside(real, dataDir) || inside(target, path.resolve(guard.dataDir))) throw refuse('app data folder');
  for (const file of guard.protectedFiles) {
    const same = realOrNull(file) ?? path.resolve(file);
    const a = existing;
    const b = statOrNull(same);
    // Same path, or the same file under another name (a hard link).
    if (same === real || (a && b && a.dev === b.dev && a.ino === b.ino)) throw refuse('open extract or workspace');
    for (const suffix of ['-wal', '-shm', '-journal']) if (real === same + suffix) throw refuse('open extract or workspace');
  }
  if (existing) {
    if (!existing.isFile()) throw refuse('not a regular file');
    if (!options.overwrite) throw new AppError('FILE_EXISTS', { file: path.basename(target) });
  }
  return target;
}

/** A folder the engine writes files into (the demo generator's CSV folder): the same rules, minus the file ones. */
export function checkWriteFolder(raw: string, guard: WriteGuard): string {
  if (!path.isAbsolute(raw)) throw refuse('relative path');
  if (raw.split(/[\\/]+/).includes('..')) throw refuse("'..' in the path");
  const target = path.resolve(raw);
  const real = realOrNull(target) ?? target;
  const dataDir = realOrNull(guard.dataDir) ?? path.resolve(guard.dataDir);
  if (inside(real, dataDir) || inside(dataDir, real) || inside(target, path.resolve(guard.dataDir))) throw refuse('app data folder');
  return target;
}

/** Writes bytes to a checked target: a hidden temp file beside it (0600, exclusive), then renamed into place. */
export function writePrivateFile(target: string, bytes: Uint8Array | string): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw new AppError('WRITE_FAILED', { reason: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
}
