/**
 * Where exported files go when the host has no save dialog (the Chromium shell): the UI shows
 * a path field, pre-filled with the folder the analyst typed last (kept for this session only,
 * never in localStorage) and a sensible file name.
 */
let lastFolder: string | null = null;

/** True for /abs/path, C:\abs\path, C:/abs/path and \\server\share paths: the engine writes nothing relative. */
export const isAbsolutePath = (p: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p.trim());

/** The folder part of a path (either separator), or null for a bare name. */
export function folderOf(p: string): string | null {
  const cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return cut > 0 ? p.slice(0, cut) : cut === 0 ? '/' : null;
}

export function rememberFolder(filePath: string): void {
  const folder = folderOf(filePath.trim());
  if (folder && isAbsolutePath(folder)) lastFolder = folder;
}

/** The name in the last folder used, with that folder's separator; just the name when none is known. */
export function suggestPath(fileName: string, folder: string | null = lastFolder): string {
  if (!folder) return fileName;
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${fileName}` : `${folder}${sep}${fileName}`;
}

/** Gives the path the extension of the chosen format when it has none (or another). */
export function withExtension(p: string, ext: string): string {
  const trimmed = p.trim();
  return trimmed.toLowerCase().endsWith(`.${ext}`) ? trimmed : `${trimmed.replace(/\.(xlsx|csv|json|png|svg)$/i, '')}.${ext}`;
}

/** The base name of a path, for messages. */
export const baseName = (p: string): string => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);

/** A file-system-safe slug: lower case, accents dropped, runs of other characters as one dash. */
export const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'export';
